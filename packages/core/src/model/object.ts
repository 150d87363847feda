// Every mapping of the model is strict: a key it does not know is an error that names the key, suggests
// the nearest known one and lists the rest. GitHub adds syntax faster than any tool models it, so the
// workflow, each job, each step and each event configuration also take `raw`: keys wfgen does not model
// yet, which the emitter writes after the known keys.

import { z } from "zod";
import { show, unknownKeysMessage } from "./messages.ts";

// GitHub's rule for the names users give jobs, inputs, outputs and secrets.
const NAME = /^[_a-zA-Z][a-zA-Z0-9_-]*$/;

/** A name the user gives (job id, input, output or secret name); `what` names it in messages. */
export function nameSchema(what: string) {
  return z.string().regex(NAME, {
    error: (issue) =>
      `${show(issue.input)} is not a valid ${what}; it must start with a letter or _ and hold only letters, digits, - and _`,
  });
}

/** A strict mapping with `shape`'s keys; `owner` names it in messages ("a job takes name, needs, ..."). */
export function strictObject<const S extends z.ZodRawShape>(shape: S, owner: string) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? unknownKeysMessage(issue.keys, owner, keys, false) : undefined,
  });
}

/**
 * A strict mapping with `shape`'s keys plus `raw`, the escape hatch. A key under `raw` that the model
 * knows is refused, since the emitter would write it twice. `conflicts` words the message of a key that
 * belongs to another form of the same thing (a job's `uses` beside `runs-on`), instead of "unknown key".
 */
export function objectWithRaw<const S extends z.ZodRawShape>(shape: S, owner: string, conflicts: Record<string, string> = {}) {
  const keys = Object.keys(shape);
  const raw = z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      for (const key of keys) {
        if (key in value) {
          const message = `${key} is modeled by wfgen; set it directly, not under raw`;
          ctx.addIssue({ code: "custom", path: [key], message });
        }
      }
    })
    .optional();
  return z.strictObject(
    { ...shape, raw },
    {
      error: (issue) => {
        if (issue.code !== "unrecognized_keys") return undefined;
        const conflict = issue.keys.find((key) => Object.hasOwn(conflicts, key));
        if (conflict === undefined) return unknownKeysMessage(issue.keys, owner, keys, true);
        const others = issue.keys.filter((key) => key !== conflict);
        return others.length === 0 ? conflicts[conflict] : `${conflicts[conflict]}; ${unknownKeysMessage(others, owner, keys, true)}`;
      },
    },
  );
}

/**
 * `schema` refusing an empty mapping with `message`. The check waits until the mapping is otherwise valid,
 * so a mapping whose only key is unknown is reported for that key alone.
 */
export function nonEmpty<T extends z.ZodType<object>>(schema: T, message: string) {
  return schema.refine((value) => Object.keys(value).length > 0, {
    message,
    when: (payload) => payload.issues.length === 0,
  });
}

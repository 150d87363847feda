// A step of a job. One mapping holds every step key, and a refinement checks that the step is of exactly
// one kind (run a script, use an action, or one of the parallel-step controls) and carries only the keys
// that kind takes. One object rather than a union of kinds keeps validation to a single pass per step and
// lets the error name the real mistake instead of every kind the step failed to be.

import { z } from "zod";
import { ConditionSchema, orExpression } from "./expression.ts";
import { EnvSchema, ScalarSchema } from "./env.ts";
import { expectedMessage, orList } from "./messages.ts";
import { objectWithRaw } from "./object.ts";
import { NonEmptyTextSchema, TextSchema } from "./text.ts";

/** `with:` of a step: action input name to value, or one expression yielding the mapping. */
export const WithSchema = orExpression(z.record(z.string().min(1), ScalarSchema), "a mapping of input names to values");

/** `with:` of a step. */
export type With = z.infer<typeof WithSchema>;

// Which keys each kind of step takes, after GitHub's workflow schema. The first key is the one that
// makes a step of that kind.
const KEYS_BY_KIND = {
  run: [
    "run",
    "name",
    "id",
    "if",
    "env",
    "shell",
    "working-directory",
    "continue-on-error",
    "timeout-minutes",
    "background",
  ],
  uses: ["uses", "name", "id", "if", "with", "env", "continue-on-error", "timeout-minutes", "background"],
  wait: ["wait", "name", "id", "continue-on-error"],
  "wait-all": ["wait-all", "name", "id", "continue-on-error"],
  cancel: ["cancel", "name", "id", "continue-on-error"],
  parallel: ["parallel"],
} as const;

type StepKind = keyof typeof KEYS_BY_KIND;

const KINDS = Object.keys(KEYS_BY_KIND) as StepKind[];

const STEP_ID_TARGETS = z.union([NonEmptyTextSchema, z.array(NonEmptyTextSchema)], {
  error: (issue) => expectedMessage(issue.input, "a step id or a list of step ids"),
});

const stepShape = {
  id: NonEmptyTextSchema.optional(),
  if: ConditionSchema.optional(),
  name: TextSchema.optional(),
  uses: NonEmptyTextSchema.optional(),
  run: TextSchema.optional(),
  with: WithSchema.optional(),
  env: EnvSchema.optional(),
  shell: NonEmptyTextSchema.optional(),
  "working-directory": TextSchema.optional(),
  "continue-on-error": orExpression(z.boolean(), "true or false").optional(),
  "timeout-minutes": orExpression(z.number(), "a number").optional(),
  background: z.boolean().optional(),
  wait: STEP_ID_TARGETS.optional(),
  // `wait-all:` with no value, or true; GitHub refuses false.
  "wait-all": z.union([z.null(), z.literal(true)], { error: (issue) => expectedMessage(issue.input, "true, or no value") }).optional(),
  cancel: NonEmptyTextSchema.optional(),
};

// The kind is checked once the keys are known to be valid: an unknown key ('runn') is the mistake to report,
// not the missing run it causes.
const ONCE_VALID = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

function checkKind(step: Partial<Record<string, unknown>>, ctx: z.RefinementCtx): void {
  let kind: StepKind | undefined;
  for (const candidate of KINDS) {
    if (step[candidate] === undefined) continue;
    if (kind !== undefined) {
      ctx.addIssue({ code: "custom", message: conflictMessage(step) });
      return;
    }
    kind = candidate;
  }
  if (kind === undefined) {
    ctx.addIssue({
      code: "custom",
      message: "a step needs run or uses (or wait, wait-all, cancel or parallel to coordinate parallel steps)",
    });
    return;
  }
  const allowed: readonly string[] = KEYS_BY_KIND[kind];
  for (const key in step) {
    if (key !== "raw" && step[key] !== undefined && !allowed.includes(key)) {
      const others = orList(allowed.filter((k) => k !== kind));
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `${key} does not apply to a ${kind} step, which takes ${others}`,
      });
    }
  }
}

function conflictMessage(step: Partial<Record<string, unknown>>): string {
  if (step.run !== undefined && step.uses !== undefined) {
    return "run and uses cannot both be set; a step either runs a script or uses an action, so split it in two";
  }
  return `${orList(KINDS.filter((kind) => step[kind] !== undefined))} cannot be combined; a step sets exactly one of them`;
}

/**
 * A step inside `parallel`: any step but another parallel group, which would add nothing to the group it
 * sits in.
 */
export const ParallelStepSchema = objectWithRaw(stepShape, "a step in parallel").superRefine(checkKind, ONCE_VALID);

/** A step inside `parallel`. */
export type ParallelStep = z.infer<typeof ParallelStepSchema>;

/**
 * One step. Exactly one of `run`, `uses`, `wait`, `wait-all`, `cancel` and `parallel` is set, so `run` and
 * `uses` never meet. `background: true` starts a run or uses step without waiting for it; `wait`,
 * `wait-all` and `cancel` act on background steps by id; `parallel` runs its steps side by side.
 */
export const StepSchema = objectWithRaw(
  { ...stepShape, parallel: z.array(ParallelStepSchema).optional() },
  "a step",
).superRefine(checkKind, ONCE_VALID);

/** One step of a job. */
export type Step = z.infer<typeof StepSchema>;

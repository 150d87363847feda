/**
 * The action metadata `wfgen lint` checks `with:` inputs against (unknown-action-input, missing-action-input),
 * for the actions wfgen ships bindings for, at every ref kept in data/actions, read from the generated
 * table of ./table.ts. Exported as `@wfgen/actions/metadata`, not from the package's main entry: it is for the
 * linter, not for workflows.ts.
 */
import type { ActionMetadata } from "@wfgen/core";
import { ACTION_TABLE } from "./table.ts";

/**
 * The metadata of `action` (`owner/repo`, any case) at `ref`: the ref itself when it is kept (a major tag, a
 * commit), else its major (`v4.2.2` and `v4.2` read `v4`). Undefined for actions, paths and majors not kept.
 */
export function actionMetadata(action: string, ref: string): ActionMetadata | undefined {
  const key = action.toLowerCase();
  const refs = Object.hasOwn(ACTION_TABLE, key) ? ACTION_TABLE[key]!.refs : undefined;
  if (!refs) return undefined;
  const major = /^(v\d+)(?:\.\d+)*$/.exec(ref)?.[1];
  const at = (name: string | undefined) => (name !== undefined && Object.hasOwn(refs, name) ? refs[name] : undefined);
  const entry = at(ref) ?? at(major);
  if (!entry) return undefined;
  return {
    inputs: Object.fromEntries(
      Object.entries(entry.inputs).map(([name, input]) => [name, input.required ? { required: true } : {}]),
    ),
    ...(entry.using ? { using: entry.using } : {}),
  };
}

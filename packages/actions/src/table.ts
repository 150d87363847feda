/**
 * The one table of what wfgen knows of the actions in data/actions, generated from their action.yml by
 * scripts/table.mjs with the bindings' own typing rules. `wfgen lint` reads it through `@wfgen/actions/metadata`,
 * `wfgen import` through `@wfgen/actions/table`; neither is exported from the package's main entry.
 */
import type { ActionInput, InputKind } from "./binding.ts";
import { ACTION_TABLE } from "./table.gen.ts";

export { ACTION_TABLE };
export type { ActionInput, InputKind };

/** One action at one ref, as generated. */
export interface TableRef {
  /** The intent, e.g. `actions/checkout@v4`. */
  uses: string;
  /** `runs.using`: `node20`, `composite`, `docker`... (empty for the pre-`using` form). */
  using: string;
  /** By exact name, in action.yml's order. */
  inputs: Readonly<Record<string, ActionInput>>;
  outputs: readonly string[];
}

/** One action: its binding and every ref kept. */
export interface TableAction {
  /** The exported binding function, e.g. `dockerBuildPush`. */
  binding: string;
  /** The major the bare function calls. */
  latest: string;
  /** The majors the binding has (`checkout.v4`...), oldest first; all of them are in `refs`. */
  majors: readonly string[];
  /** Ref (`v4`, or a commit SHA) -> its facts. */
  refs: Readonly<Record<string, TableRef>>;
}

/** Action (`owner/repo`, lowercase) -> what is known of it. */
export type ActionTable = Readonly<Record<string, TableAction>>;

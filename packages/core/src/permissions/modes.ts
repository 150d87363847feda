/**
 * How a job's `permissions` is meant: inferred by wfgen, written by the user and checked, or written by
 * the user and deliberately left unchecked. The mode lives in the DSL value; the model only ever sees the
 * block that ends up in the YAML.
 */
import type { Permissions } from "../model/dsl-types.gen.ts";

const UNCHECKED = Symbol.for("wfgen.permissions.unchecked");

/** A grant wfgen writes as given and does not check; made by {@link unchecked}. */
export interface UncheckedPermissions {
  readonly [UNCHECKED]: Permissions;
}

/**
 * `permissions` of a job in the DSL:
 * - `"infer"` (or leaving the key out): wfgen writes the union of what the job's steps need;
 * - a map or `read-all`/`write-all`: written as given and checked: a missing scope is an error, a scope
 *   no step needs a warning;
 * - `unchecked(...)`: written as given, not checked (for needs wfgen cannot see, on purpose).
 */
export type JobPermissions = Permissions | "infer" | UncheckedPermissions;

/**
 * Opt a job out of the check: the grant is written as given, and neither missing nor excessive scopes are
 * reported. Use it when the job's needs are outside what wfgen can see and declaring them per step would
 * not help, e.g. `permissions: unchecked("write-all")` in a job that runs a release tool.
 */
export function unchecked(grant: Permissions): UncheckedPermissions {
  return Object.freeze({ [UNCHECKED]: grant });
}

/** The mode a job's DSL `permissions` value asks for; undefined when the key is absent. */
export type PermissionMode = { kind: "infer" } | { kind: "explicit"; grant: Permissions } | { kind: "unchecked"; grant: Permissions };

/** Read the mode from a DSL value (or a model value, where only explicit blocks occur). */
export function permissionMode(value: unknown): PermissionMode | undefined {
  if (value === undefined) return undefined;
  if (value === "infer") return { kind: "infer" };
  if (value !== null && typeof value === "object" && UNCHECKED in value) {
    return { kind: "unchecked", grant: (value as UncheckedPermissions)[UNCHECKED] };
  }
  return { kind: "explicit", grant: value as Permissions };
}

/**
 * The action metadata `wfgen lint` checks `with:` inputs against (unknown-action-input, missing-action-input),
 * for the actions wfgen ships bindings for, at every major release kept in shared/data/actions. Exported as
 * `@wfgen/actions/metadata`, not from the package's main entry: it is for the linter, not for workflows.ts.
 */
import type { ActionMetadata } from "@wfgen/core";
import { ACTION_METADATA } from "./metadata.gen.ts";

/** One action at one ref, as generated. */
export interface MetadataEntry {
  /** `runs.using`: `node20`, `composite`, `docker`... */
  using: string;
  inputs: readonly string[];
  /** Inputs that are required and have no default. */
  required: readonly string[];
}

/** Action (`owner/repo`, lowercase) -> ref (`v4`, or a commit SHA) -> metadata. */
export type MetadataTable = Readonly<Record<string, Readonly<Record<string, MetadataEntry>>>>;

/**
 * The metadata of `action` (`owner/repo`, any case) at `ref`: the ref itself when it is kept (a major tag, a
 * commit), else its major (`v4.2.2` and `v4.2` read `v4`). Undefined for actions, paths and majors not kept.
 */
export function actionMetadata(action: string, ref: string): ActionMetadata | undefined {
  const refs = ACTION_METADATA[action.toLowerCase()];
  if (!refs) return undefined;
  const major = /^(v\d+)(?:\.\d+)*$/.exec(ref)?.[1];
  const entry = refs[ref] ?? (major !== undefined ? refs[major] : undefined);
  if (!entry) return undefined;
  const required = new Set(entry.required);
  return {
    inputs: Object.fromEntries(entry.inputs.map((name) => [name, required.has(name) ? { required: true } : {}])),
    ...(entry.using ? { using: entry.using } : {}),
  };
}

/**
 * Granted permission levels, shared by missing-permission and excessive-permission: what a job's token can
 * do per scope, from the job's block or else the workflow's.
 */
import { PERMISSION_SCOPE_NAMES, PERMISSION_SCOPES, type PermissionScope } from "../facts/index.ts";
import type { JobView, ModelPath, WorkflowView } from "./types.ts";
import { isObject } from "./util.ts";

export type Granted = { levels: Map<PermissionScope, "read" | "write">; path: ModelPath; shorthand?: string; from: "job" | "workflow" };

const RANK = { none: 0, read: 1, write: 2 } as const;

export function rank(level: string | undefined): number {
  return level === "read" ? RANK.read : level === "write" ? RANK.write : RANK.none;
}

/** The effective grant of a job, or undefined when neither the job nor the workflow sets permissions. */
export function granted(workflow: WorkflowView, job: JobView): Granted | undefined {
  const own = job.value.permissions;
  const [value, path, from]: [unknown, ModelPath, "job" | "workflow"] =
    own !== undefined ? [own, [...job.path, "permissions"], "job"] : [workflow.value.permissions, ["permissions"], "workflow"];
  if (value === undefined) return undefined;
  const levels = new Map<PermissionScope, "read" | "write">();
  if (value === "read-all" || value === "write-all") {
    for (const scope of PERMISSION_SCOPE_NAMES) {
      const allowed: readonly string[] = PERMISSION_SCOPES[scope];
      const wanted = value === "write-all" ? "write" : "read";
      // id-token has no read level: read-all leaves it at none.
      if (allowed.includes(wanted)) levels.set(scope, wanted);
    }
    return { levels, path, shorthand: value, from };
  }
  if (isObject(value)) {
    for (const [scope, level] of Object.entries(value)) {
      if ((level === "read" || level === "write") && scope in PERMISSION_SCOPES) levels.set(scope as PermissionScope, level);
    }
  }
  return { levels, path, from };
}

// The GITHUB_TOKEN permissions of a workflow or a job. Each scope admits only the levels the facts give
// it: `id-token` is write or none (there is nothing to read), `models` is read or none.

import { z } from "zod";
import { PERMISSION_SCOPES, type PermissionScope } from "../facts/index.ts";
import { expectedMessage, notAllowedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";

function scopeLevel<S extends PermissionScope>(scope: S) {
  const levels = PERMISSION_SCOPES[scope];
  return z.enum(levels, { error: (issue) => notAllowedMessage(issue.input, scope, levels) }).optional();
}

// Keyed by PermissionScope: a scope added to the facts and missing here (or left here after it is gone)
// fails to type-check.
const scopeShape = {
  actions: scopeLevel("actions"),
  "artifact-metadata": scopeLevel("artifact-metadata"),
  attestations: scopeLevel("attestations"),
  checks: scopeLevel("checks"),
  "code-quality": scopeLevel("code-quality"),
  contents: scopeLevel("contents"),
  "copilot-requests": scopeLevel("copilot-requests"),
  deployments: scopeLevel("deployments"),
  discussions: scopeLevel("discussions"),
  drives: scopeLevel("drives"),
  "id-token": scopeLevel("id-token"),
  issues: scopeLevel("issues"),
  models: scopeLevel("models"),
  packages: scopeLevel("packages"),
  pages: scopeLevel("pages"),
  "pull-requests": scopeLevel("pull-requests"),
  "repository-projects": scopeLevel("repository-projects"),
  "security-events": scopeLevel("security-events"),
  statuses: scopeLevel("statuses"),
  "vulnerability-alerts": scopeLevel("vulnerability-alerts"),
} satisfies Record<PermissionScope, z.ZodType>;

/** A map of permission scope to level; `{}` grants nothing, and every scope left out is `none`. */
export const PermissionsMapSchema = strictObject(scopeShape, "permissions");

const SHORTHANDS = ["read-all", "write-all"] as const;

/** The shorthands that grant every scope at once. */
export const PermissionsShorthandSchema = z.enum(SHORTHANDS, {
  error: (issue) => notAllowedMessage(issue.input, "permissions", [...SHORTHANDS, "a map of scope to level"]),
});

/** `permissions:` at the workflow or job level: a shorthand, or a map of scope to level. */
export const PermissionsSchema = z.union([PermissionsShorthandSchema, PermissionsMapSchema], {
  error: (issue) => expectedMessage(issue.input, "read-all, write-all, or a map of scope to level such as {}"),
});

/** `permissions:` at the workflow or job level. */
export type Permissions = z.infer<typeof PermissionsSchema>;

/** A map of permission scope to level. */
export type PermissionsMap = z.infer<typeof PermissionsMapSchema>;

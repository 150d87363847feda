/**
 * Scopes and levels as the engine reasons about them: levels are ordered (write includes read), a grant
 * is a map or a shorthand, and generated blocks list scopes in the order GitHub's documentation lists them,
 * so a block wfgen writes reads like the one in the docs.
 */
import { PERMISSION_SCOPES, type PermissionLevel, type PermissionScope } from "../facts/index.ts";
import type { Permissions, PermissionsMap } from "../model/index.ts";

/** A level a step can need; `none` is the absence of a need. */
export type NeedLevel = "read" | "write";

/**
 * The order of GitHub's list of available permissions (github/docs, reusables/actions/
 * github-token-available-permissions.md). `code-quality` is not in that list (only SchemaStore knows it), nor are
 * `copilot-requests`, `drives` and `vulnerability-alerts` (GitHub's workflow parser knows them); each sits
 * where the alphabet puts it. Typed as a record so a scope added to the facts must be placed here.
 */
const POSITION: Record<PermissionScope, number> = {
  actions: 0,
  "artifact-metadata": 1,
  attestations: 2,
  checks: 3,
  "code-quality": 4,
  contents: 5,
  "copilot-requests": 6,
  deployments: 7,
  "id-token": 8,
  issues: 9,
  models: 10,
  discussions: 11,
  drives: 12,
  packages: 13,
  pages: 14,
  "pull-requests": 15,
  "repository-projects": 16,
  "security-events": 17,
  statuses: 18,
  "vulnerability-alerts": 19,
};

/** Every scope, in GitHub's documentation order. */
export const SCOPES_IN_DOC_ORDER: readonly PermissionScope[] = (Object.keys(POSITION) as PermissionScope[]).sort(
  (a, b) => POSITION[a] - POSITION[b],
);

/** Compare two scopes by their place in GitHub's documentation. */
export function compareScopes(a: PermissionScope, b: PermissionScope): number {
  return POSITION[a] - POSITION[b];
}

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

/** Whether `granted` covers `needed` (write includes read). */
export function covers(granted: PermissionLevel, needed: PermissionLevel): boolean {
  return RANK[granted] >= RANK[needed];
}

/** The higher of two levels. */
export function higher<L extends PermissionLevel>(a: L, b: L): L {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Whether `scope` accepts `level` (id-token has no read, models no write). */
export function acceptsLevel(scope: PermissionScope, level: PermissionLevel): boolean {
  return (PERMISSION_SCOPES[scope] as readonly string[]).includes(level);
}

/** Whether `value` names a scope GitHub knows. */
export function isScope(value: string): value is PermissionScope {
  return Object.hasOwn(POSITION, value);
}

/**
 * The level a grant gives one scope. A map leaves every unnamed scope at none; `read-all` reads what can be
 * read; `write-all` writes what can be written (models can only be read).
 */
export function grantedLevel(grant: Permissions, scope: PermissionScope): PermissionLevel {
  if (grant === "read-all") return acceptsLevel(scope, "read") ? "read" : "none";
  if (grant === "write-all") return acceptsLevel(scope, "write") ? "write" : "read";
  const level = (grant as Record<string, unknown>)[scope];
  return level === "read" || level === "write" || level === "none" ? level : "none";
}

/** A map with the given levels, in documentation order, leaving out `none`. */
export function toPermissionsMap(levels: ReadonlyMap<PermissionScope, NeedLevel>): PermissionsMap {
  const out: Record<string, NeedLevel> = {};
  for (const scope of SCOPES_IN_DOC_ORDER) {
    const level = levels.get(scope);
    if (level !== undefined) out[scope] = level;
  }
  return out as PermissionsMap;
}

/** `packages: write`, the way levels are written in messages and docs. */
export function showGrant(scope: string, level: string): string {
  return `${scope}: ${level}`;
}

/**
 * The scopes `grant` gives at a higher level than `bound` does, in documentation order, each at the level
 * `grant` gives: empty when `grant` is within `bound`. Shorthands are read as GitHub reads them.
 */
export function beyondGrant(grant: Permissions, bound: Permissions): Array<{ scope: PermissionScope; level: PermissionLevel }> {
  const out: Array<{ scope: PermissionScope; level: PermissionLevel }> = [];
  for (const scope of SCOPES_IN_DOC_ORDER) {
    const level = grantedLevel(grant, scope);
    if (!covers(grantedLevel(bound, scope), level)) out.push({ scope, level });
  }
  return out;
}

/**
 * The linter as the build runs it on what workflows.ts renders: which rules (the build's own stages cover
 * some problems with more knowledge), and what the build makes of some findings on what it pinned itself.
 * `wfgen import` uses the same, to know what the first build of an imported workflow would say.
 */
import type { Lock } from "./lock/schema.ts";
import { isFullSha, parseUses } from "./lock/intent.ts";
import { isUnpinned } from "./lock/schema.ts";
import { RULES } from "./rules/index.ts";
import type { AnyRule, Finding, SkippedRule } from "./rules/types.ts";

/**
 * Rules the build does not run, because its own stages report the same problems with more knowledge: the
 * planner decides and checks every job's permissions (it also knows what steps declare and `unchecked()`),
 * and the model reports what GitHub refuses.
 */
const BUILD_CHECKED: ReadonlyMap<string, string> = new Map([
  ["missing-permissions", "wfgen's permissions planner gives every job a permissions block"],
  ["blanket-permissions", "wfgen's permissions planner reports it, checking each job's permissions while building"],
  ["workflow-level-write", "wfgen's permissions planner reports it, checking each job's permissions while building"],
  ["missing-permission", "wfgen's permissions planner reports it, checking each job's permissions while building"],
  ["excessive-permission", "wfgen's permissions planner reports it, checking each job's permissions while building"],
  ["invalid-workflow", "the build reports it, validating the workflow model and running GitHub's own parser"],
  ["unknown-event", "the build validates the workflow model"],
  ["unknown-activity-type", "the build validates the workflow model"],
]);

/** The rules the build runs. */
export const BUILD_LINT_RULES: readonly AnyRule[] = RULES.filter((rule) => !BUILD_CHECKED.has(rule.id));

/** The rules a render without the linter still runs: references GitHub would read as empty, cron entries. */
export const VALIDATION_RULES: readonly AnyRule[] = RULES.filter((rule) => ["needs-missing", "step-reference", "invalid-cron"].includes(rule.id));

/** The rules the build does not run, with why: the ones above, and those that read YAML text wfgen writes itself. */
export const BUILD_SKIPPED: readonly SkippedRule[] = [
  ...[...BUILD_CHECKED].map(([rule, why]) => ({ rule, reason: `skipped: ${why}` })),
  ...RULES.filter((rule) => rule.requires?.includes("source")).map((rule) => ({
    rule: rule.id,
    reason: "skipped: it reads the YAML text (comments, line layout), which wfgen writes itself",
  })),
];

/**
 * What the build makes of a lint finding on what it pinned itself: an action wfgen.lock.json leaves unpinned
 * on purpose (`"unpinned": true`) and a commit SHA written in uppercase (still a pin; only bots cannot update
 * it) are warnings of `unpinned-uses`; so is `unknown-action-input`, since the typed bindings check input
 * names themselves and an input they do not know was passed on purpose (`withUnsafe`). A severity set in the
 * config wins over these, as over every default.
 */
export function asBuiltFinding(finding: Finding, model: Record<string, unknown>, lock: Lock): Finding {
  if (finding.severity !== "error") return finding;
  if (finding.code === "unknown-action-input") return { ...finding, severity: "warning" };
  if (finding.code !== "unpinned-uses") return finding;
  const uses = valueAt(model, finding.path);
  const intent = typeof uses === "string" ? parseUses(uses) : undefined;
  if (!intent || !("key" in intent)) return finding;
  if (isFullSha(intent.ref)) return { ...finding, severity: "warning" };
  const entry = lock.actions[intent.key];
  if (!entry || !isUnpinned(entry)) return finding;
  return {
    ...finding,
    severity: "warning",
    message: `${finding.message}; wfgen.lock.json leaves it unpinned on purpose: ${entry.reason}`,
    fix: `to pin it, delete the "unpinned" entry of "${intent.key}" from wfgen.lock.json and run \`npx wfgen pin\``,
  };
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

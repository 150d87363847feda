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

/** The rules the build runs. */
export const BUILD_LINT_RULES: readonly AnyRule[] = RULES.filter((rule) => rule.reportedInBuildBy === undefined);

/**
 * The rules a render without the linter still runs: what GitHub would refuse (events, activity types) or run
 * wrongly (references it reads as empty, cron entries).
 */
export const VALIDATION_RULES: readonly AnyRule[] = RULES.filter((rule) =>
  ["unknown-event", "unknown-activity-type", "needs-missing", "step-reference", "invalid-cron"].includes(rule.id),
);

/** The rules the build does not run, with why: those a stage of the build reports itself, and those that read YAML text. */
export const BUILD_SKIPPED: readonly SkippedRule[] = [
  ...RULES.filter((rule) => rule.reportedInBuildBy !== undefined).map((rule) => ({ rule: rule.id, reason: `skipped: ${rule.reportedInBuildBy}` })),
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

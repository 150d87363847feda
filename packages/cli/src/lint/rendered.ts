/**
 * The linter run on what `workflows.ts` renders: by `build` and `check` (through plan.ts) and by `wfgen lint`
 * without files. Each generated file's text is linted, so findings point at the lines of the YAML as
 * `wfgen build` writes it. Three things differ from linting hand-written YAML:
 *
 * - The rules whose checks the build already makes with more knowledge are not run (BUILD_CHECKED): the
 *   permissions planner (which also knows the permissions steps declare in workflows.ts, and `unchecked()`)
 *   reports missing and excessive scopes, and the model, validateModel and GitHub's parser report syntax,
 *   events, activity types and cron. A render with such errors writes nothing anyway.
 * - A finding the build's own diagnostics already report for the same workflow and job (the same family of
 *   code: `permissions-blanket` and `blanket-permissions`, say) is dropped, so nothing is reported twice.
 * - Some findings are warnings here instead of stopping the build (DOWNGRADED), because they are deliberate
 *   or do not weaken the workflow: an action wfgen.lock.json leaves unpinned on purpose (`"unpinned": true`)
 *   and a commit SHA written in uppercase (still a pin; only bots cannot update it) for `unpinned-uses`; and
 *   `unknown-action-input`, since the typed bindings check input names when workflows.ts is type-checked and
 *   an input they do not know was passed on purpose (`withUnsafe`). A required input that is missing stays
 *   an error: the step would fail when it runs. A severity set in the config's `lint.rules` wins over these.
 */
import type { Diagnostic, Finding, Lock, SkippedRule, SuppressedFinding, WorkflowSuppression } from "@wfgen/core";
import { checkRuleIds, type LintConfigSource } from "./config.ts";

/** The rules the build's own validation covers; see the module comment. */
export const BUILD_CHECKED_RULES: ReadonlyMap<string, string> = new Map([
  ["missing-permission", "wfgen's permissions planner checks each job's permissions while building"],
  ["excessive-permission", "wfgen's permissions planner checks each job's permissions while building"],
  ["invalid-workflow", "the build validates the workflow model and runs GitHub's own parser"],
  ["unknown-event", "the build validates the workflow model"],
  ["unknown-activity-type", "the build validates the workflow model"],
  ["invalid-cron", "the build validates every schedule"],
]);

/** Build diagnostic codes and the lint rule that reports the same problem. */
const SAME_PROBLEM: ReadonlyMap<string, string> = new Map([
  ["permissions-blanket", "blanket-permissions"],
  ["permissions-workflow-unused", "workflow-level-write"],
  ["permissions-excessive", "excessive-permission"],
  ["permissions-missing", "missing-permission"],
  ["invalid-cron", "invalid-cron"],
  ["invalid-workflow", "invalid-workflow"],
  ["github-parser", "invalid-workflow"],
]);

/** One generated file to lint. */
export interface RenderedFileToLint {
  /** The path shown to users (`.github/workflows/ci.yml`), named in every finding. */
  display: string;
  content: string;
  /** The lock it was pinned from. */
  lock: Lock;
  /** The suppressions its `workflow()` call gives (its third argument), where they were written. */
  suppressions?: { list: readonly WorkflowSuppression[]; where: { file?: string; line?: number; column?: number } };
}

/** Findings of every file, in file order. */
export interface LintRun {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  skipped: SkippedRule[];
}

/** Lint rendered files; `diagnostics` are the render's own, to not report a problem twice. */
export async function lintRendered(
  files: readonly RenderedFileToLint[],
  config: LintConfigSource,
  diagnostics: readonly Diagnostic[],
): Promise<LintRun> {
  const core = await import("@wfgen/core");
  checkRuleIds(config, [...core.RULES, ...core.ENGINE_CODES].map((rule) => rule.id));
  if (files.length === 0) return { findings: [], suppressed: [], skipped: [] };
  const { actionMetadata } = await import("@wfgen/actions/metadata");
  const { CATALOG } = await import("../github/catalog.gen.ts");
  const settings = config.config.rules ?? {};
  const options = {
    tags: (repo: string) => CATALOG[repo],
    rules: { ...settings, ...Object.fromEntries([...BUILD_CHECKED_RULES.keys()].map((id) => [id, "off" as const])) },
    suppressions: (config.config.suppressions ?? []).map((s) => ({ ...s, origin: "config" as const })),
    runnerLabels: config.config.runnerLabels ?? [],
    actions: actionMetadata,
  };
  const knownRules = new Set([...core.RULES, ...core.ENGINE_CODES].map((rule) => rule.id));
  const reported = new Set(
    diagnostics.flatMap((d) => {
      const rule = SAME_PROBLEM.get(d.code);
      return rule ? [problemKey(rule, d.where.workflow, d.where.job)] : [];
    }),
  );
  const results = files.map((file) => {
    const parsed = core.parseYamlSource(file.content, file.display);
    // What wfgen generated always parses; if it ever did not, the yaml-syntax finding says so.
    if (!parsed.ok) return core.lintYaml(file.content, file.display, options);
    const own = file.suppressions?.list ?? [];
    const result = core.lintSource(parsed.source, {
      ...options,
      suppressions: [...options.suppressions, ...own.map((s) => ({ ...s, origin: "dsl" as const }))],
    });
    const adjust = (finding: Finding): Finding => {
      if (finding.severity !== "error" || settings[finding.code] !== undefined) return finding;
      if (finding.code === "unknown-action-input") return { ...finding, severity: "warning" };
      if (finding.code !== "unpinned-uses") return finding;
      const uses = valueAt(parsed.source.value, finding.path);
      const intent = typeof uses === "string" ? core.parseUses(uses) : undefined;
      if (!intent || !("key" in intent)) return finding;
      if (core.isFullSha(intent.ref)) return { ...finding, severity: "warning" };
      const entry = file.lock.actions[intent.key];
      if (!entry || !core.isUnpinned(entry)) return finding;
      return {
        ...finding,
        severity: "warning",
        message: `${finding.message}; wfgen.lock.json leaves it unpinned on purpose: ${entry.reason}`,
        fix: `to pin it, delete the "unpinned" entry of "${intent.key}" from wfgen.lock.json and run \`npx wfgen pin\``,
      };
    };
    const keep = (finding: Finding): boolean =>
      !reported.has(problemKey(finding.code, finding.where.workflow, finding.where.job)) &&
      !reported.has(problemKey(finding.code, finding.where.workflow, undefined));
    return {
      findings: [...invalidSuppressions(file, knownRules), ...result.findings.map(adjust).filter(keep)],
      suppressed: result.suppressed.map((s) => ({ ...adjust(s), suppression: s.suppression })),
      skipped: result.skipped,
    };
  });
  const skipped = new Map<string, SkippedRule>();
  for (const [rule, why] of BUILD_CHECKED_RULES) skipped.set(rule, { rule, reason: `skipped: ${why}` });
  for (const result of results) for (const skip of result.skipped) if (!skipped.has(skip.rule)) skipped.set(skip.rule, skip);
  return {
    findings: results.flatMap((r) => r.findings),
    suppressed: results.flatMap((r) => r.suppressed),
    skipped: [...skipped.values()],
  };
}

/**
 * A suppression of `workflow()` that cannot apply (an unknown rule, no reason) silences nothing; it is
 * reported as `invalid-suppression`, as the same mistake in a `# wfgen-ignore` comment is.
 */
function invalidSuppressions(file: RenderedFileToLint, known: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const s of file.suppressions?.list ?? []) {
    const problem = !known.has(s.rule) ? `names "${s.rule}", which is not a rule` : s.reason.trim() === "" ? "gives no reason" : undefined;
    if (problem === undefined) continue;
    out.push({
      severity: "warning",
      code: "invalid-suppression",
      message: `the suppression { rule: "${s.rule}" } of workflow ${file.display} ${problem}, so it suppresses nothing`,
      fix: "name a rule listed in docs/rules/README.md and say why the finding is acceptable in `reason`",
      where: { ...file.suppressions!.where, workflow: file.display },
      path: [],
      docs: "docs/rules/invalid-suppression.md",
    });
  }
  return out;
}

function problemKey(rule: string, workflow: string | undefined, job: string | undefined): string {
  return `${rule}\u0000${workflow ?? ""}\u0000${job ?? ""}`;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

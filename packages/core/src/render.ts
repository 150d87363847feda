/**
 * The second half of a render, and the entry point that runs both: the first half (prepare.ts) makes each
 * workflow's text; this half runs every check on top, so that one build reports every problem: the zod
 * model and what GitHub refuses at load, the linter's rules, suppressions and, on a file with no error,
 * GitHub's own parser. Pure: no file system, no process. A stage that had to stand a placeholder in for a
 * value (lowering) or leave one unpinned marks its path, and what later stages find there is not reported
 * a second time; neither is a later finding of the same code in the same step or job. Every finding then
 * points at its `workflows.ts` line with its model path, goes through the one severity model and
 * suppression mechanism (rules/policy.ts), and carries its docs.
 */
import type { Diagnostic } from "./diagnostics.ts";
import { resolveCallSite } from "./dsl/callsite.ts";
import { locatePath } from "./dsl/locate.ts";
import type { WorkflowDefinition } from "./dsl/workflow.ts";
import { parseWorkflowModel } from "./model/index.ts";
import type { PermissionPlanner } from "./permissions/planner.ts";
import {
  prepareWorkflow,
  prepareWorkflows,
  settledFile,
  type PreparedRender,
  type PreparedWorkflow,
  type PrepareOptions,
  type RenderedFile,
  type RenderResult,
} from "./prepare.ts";
import { codeInfo, knownCodeIds } from "./rules/codes.ts";
import { knownEventsOnly } from "./rules/invalid-workflow.ts";
import { lintModel } from "./rules/lint.ts";
import { applyPolicy, type RawFinding } from "./rules/policy.ts";
import { asBuiltFinding, BUILD_LINT_RULES, BUILD_SKIPPED, VALIDATION_RULES } from "./build-lint.ts";
import { suppressionProblem } from "./rules/suppress.ts";
import type { Finding, LintOptions, SuppressedFinding } from "./rules/types.ts";
import { checkEventConfig, checkWithGitHubParser, loadProblems } from "./validate/index.ts";

export type { RenderedFile, RenderResult } from "./prepare.ts";

/** What the linter reads beyond the model, and the project's settings of codes and suppressions. */
export type RenderLintOptions = Pick<LintOptions, "rules" | "suppressions" | "actions" | "tags" | "runnerLabels">;

export interface RenderOptions extends PrepareOptions {
  /** Run GitHub's own parser over every emitted file (default true). */
  githubParser?: boolean;
  /**
   * Run every lint rule, with these settings (the CLI's build, check and lint). Without it, only the rules
   * that check what the build must refuse run: references to steps and jobs, and cron entries.
   */
  lint?: RenderLintOptions;
}

/** Render every workflow; `entries` are the exports of the user's entry file. */
export function renderWorkflows(entries: Array<{ exportName: string; value: unknown }>, options: RenderOptions): RenderResult {
  return finishWorkflows(prepareWorkflows(entries, options), options);
}

/** The second half of a render: every check on the prepared texts (prepare.ts), and the files that pass. */
export function finishWorkflows(prepared: PreparedRender, options: RenderOptions): RenderResult {
  const files: RenderedFile[] = [];
  const diagnostics: Finding[] = prepared.problems.map(asFinding);
  const suppressed: SuppressedFinding[] = [];
  for (const workflow of prepared.workflows) {
    if (workflow.settled) {
      files.push(settledFile(workflow));
      continue;
    }
    const finished = finishWorkflow(workflow, options);
    diagnostics.push(...finished.diagnostics);
    suppressed.push(...finished.suppressed);
    if (finished.content !== undefined) {
      const { definition, exportName } = workflow;
      files.push({ path: definition.file, content: finished.content, exportName, permissions: prepared.planner.plan(definition).jobs });
    }
  }
  return { files, diagnostics, suppressed, skipped: options.lint ? [...BUILD_SKIPPED] : [] };
}

/**
 * Render one workflow definition to YAML text, with its findings; no text when one of them is an error.
 * `planner` holds the other workflows of the render (for reusable-workflow calls); alone, only this one
 * is known.
 */
export function renderWorkflow(
  definition: WorkflowDefinition,
  options: RenderOptions,
  planner?: PermissionPlanner,
): { content?: string; diagnostics: Finding[]; suppressed: SuppressedFinding[] } {
  return finishWorkflow(prepareWorkflow("", definition, options, planner), options);
}

function finishWorkflow(
  prepared: PreparedWorkflow,
  options: RenderOptions,
): { content?: string; diagnostics: Finding[]; suppressed: SuppressedFinding[] } {
  const { definition, permissions, pinned, own } = prepared;
  const file = definition.file;
  const model = permissions.model;
  const poisoned = [...prepared.poisoned];
  const fresh = (d: Diagnostic): boolean => !poisoned.some((path) => isWithin(path, d.where.path ?? []));
  const pinFound = (pinned?.diagnostics ?? []).filter(fresh);
  const final = pinned?.model ?? model;
  let content = prepared.content;
  // Bytes a build already wrote were validated and linted by it: the model's checks (a fifth of a check's
  // time) and the rules run again only for new bytes, or where suppressions could change what they say.
  const lint = options.lint;
  const unchanged = prepared.unchanged;
  const validation: Diagnostic[] = [];
  if (!unchanged) {
    // Unknown events and activity types are the rules' to report, as in `wfgen lint`.
    const parsed = parseWorkflowModel({ ...model, on: knownEventsOnly(model.on) });
    const issues = parsed.ok ? [] : parsed.issues;
    validation.push(
      ...[
        ...issues.map((issue): Diagnostic => ({ severity: "error", code: "invalid-workflow", message: issue.message, where: { workflow: file, path: issue.path } })),
        ...loadProblems(file, model),
        ...checkEventConfig(file, model.on),
      ].filter(fresh),
    );
    if (validation.some((d) => d.severity === "error")) content = undefined;
  }
  const found = [...own, ...validation, ...pinFound];
  for (const d of pinned?.diagnostics ?? []) if (d.where.path) poisoned.push(d.where.path);

  if (!unchanged) {
    const tags = new Map((pinned?.comments ?? []).map((c) => [c.path.join("\u0000"), c.text]));
    const result = lintModel(final, {
      file,
      typescript: true,
      ruleSet: lint ? BUILD_LINT_RULES : VALIDATION_RULES,
      versionComment: (path) => tags.get(path.join("\u0000")),
      ...(lint?.actions && { actions: lint.actions }),
      ...(lint?.tags && { tags: lint.tags }),
      ...(lint?.runnerLabels && { runnerLabels: lint.runnerLabels }),
      inlineSuppressions: false,
    });
    // The same code already reported in this step or job says the same thing.
    const reported = new Set(found.map((d) => repeatKey(d.code, d.where.path)));
    for (const finding of result.findings) {
      if (!fresh(finding) || reported.has(repeatKey(finding.code, finding.path))) continue;
      found.push(options.lock ? asBuiltFinding(finding, final, options.lock) : finding);
    }
  }

  const raw = [...invalidSuppressions(definition), ...found].map((d): RawFinding => placed(d, definition, final));
  const settled = applyPolicy(raw.sort(byPosition), {
    ...(lint?.rules && { rules: lint.rules }),
    suppressions: [
      ...(lint?.suppressions ?? []),
      ...(definition.meta?.suppressions ?? []).map((s) => ({ ...s, origin: "dsl" as const })),
    ],
  });
  if (settled.findings.some((d) => d.severity === "error")) return { diagnostics: settled.findings, suppressed: settled.suppressed };
  if (content !== undefined && options.githubParser !== false) {
    const rejected = checkWithGitHubParser(file, content);
    if (rejected.length > 0) return { diagnostics: [...settled.findings, ...rejected.map(asFinding)], suppressed: settled.suppressed };
  }
  return { ...(content !== undefined && { content }), diagnostics: settled.findings, suppressed: settled.suppressed };
}

/**
 * A finding pointed at the `workflows.ts` line of its step, job or workflow (unless the stage that found it
 * knew a better one), named by job and step as the model names them, with its docs.
 */
function placed(d: Diagnostic, definition: WorkflowDefinition, model: Record<string, unknown>): RawFinding {
  const path = d.where.path ?? [];
  const step = stepAt(model, path);
  // A finding of the model knows no position (the linter names the YAML file): it gets its call site's.
  const { file: _yaml, ...known } = d.where.line === undefined ? d.where : { ...d.where, file: undefined };
  const position = d.where.line === undefined ? locatePath(definition, path) : { file: d.where.file!, line: d.where.line, column: d.where.column! };
  const where = {
    workflow: definition.file,
    ...(typeof path[1] === "string" && path[0] === "jobs" && { job: path[1] }),
    ...(step && { step: step.label }),
    ...known,
    ...position,
  };
  return { finding: asFinding({ ...d, where }), stepAliases: step?.aliases ?? (d.where.step ? [d.where.step, d.where.step.replace(/^"(.*)"$/, "$1")] : []) };
}

/** A diagnostic as a finding: its model path and its docs, from the registry. */
function asFinding(d: Diagnostic): Finding {
  const path = d.where.path ?? [];
  return { ...d, where: { ...d.where, path }, path, docs: codeInfo(d.code)?.docs ?? "docs/rules/README.md" } as Finding;
}

/** The step of the model at `path`: how messages label it, and the names suppressions may give it. */
function stepAt(model: Record<string, unknown>, path: ReadonlyArray<string | number>): { label: string; aliases: string[] } | undefined {
  if (path[0] !== "jobs" || path[2] !== "steps" || typeof path[3] !== "number") return undefined;
  const inner = path[4] === "parallel" && typeof path[5] === "number";
  let step: unknown = (model.jobs as Record<string, { steps?: unknown[] }> | undefined)?.[path[1] as string]?.steps?.[path[3]];
  if (inner) step = (step as { parallel?: unknown[] } | undefined)?.parallel?.[path[5] as number];
  if (step === null || typeof step !== "object") return undefined;
  const { id, name } = step as { id?: unknown; name?: unknown };
  const ordinal = `#${path[3] + 1}${inner ? `.${(path[5] as number) + 1}` : ""}`;
  const label = typeof id === "string" ? `"${id}"` : typeof name === "string" ? `"${name}"` : ordinal;
  return { label, aliases: [...(typeof id === "string" ? [id] : []), ...(typeof name === "string" ? [name] : []), ordinal] };
}

/**
 * A suppression of workflow() that cannot apply (a code that does not exist or cannot be suppressed, no
 * reason) silences nothing; it is reported as `invalid-suppression`, as the same mistake in a
 * `# wfgen-ignore` comment is, at the workflow() call.
 */
function invalidSuppressions(definition: WorkflowDefinition): Diagnostic[] {
  const list = definition.meta?.suppressions ?? [];
  if (list.length === 0) return [];
  const known = knownCodeIds();
  const out: Diagnostic[] = [];
  for (const s of list) {
    const problem = suppressionProblem([s.rule], s.reason, known);
    if (problem === undefined) continue;
    out.push({
      severity: "warning",
      code: "invalid-suppression",
      message: `the suppression { rule: "${s.rule}" } of workflow ${definition.file} ${problem}, so it suppresses nothing`,
      fix: "name a code listed in docs/rules/README.md that can be suppressed, and say why the finding is acceptable in `reason`",
      where: { workflow: definition.file, ...resolveCallSite(definition.site) },
    });
  }
  return out;
}

// In the order of the source: by file, line and column (stable, so findings at one place keep stage order).
function byPosition(a: RawFinding, b: RawFinding): number {
  const x = a.finding.where;
  const y = b.finding.where;
  if (x.file !== y.file) return x.file === undefined ? 1 : y.file === undefined ? -1 : x.file < y.file ? -1 : 1;
  return (x.line ?? Infinity) - (y.line ?? Infinity) || (x.column ?? 0) - (y.column ?? 0);
}

/** `code` at the step (or job, or workflow) that `path` is in. */
function repeatKey(code: string, path: ReadonlyArray<string | number> | undefined): string {
  const at = path ?? [];
  const owner = at[0] !== "jobs" ? [] : at[2] === "steps" && typeof at[3] === "number" ? at.slice(0, 4) : at.slice(0, 2);
  return `${code}\u0000${owner.join("\u0000")}`;
}

function isWithin(prefix: ReadonlyArray<string | number>, path: ReadonlyArray<string | number>): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

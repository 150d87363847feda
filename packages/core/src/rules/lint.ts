/**
 * The lint entry points and the one walk over the model: every rule is called at the levels it visits
 * (the workflow, then each job, then each of its steps), its reports become findings with source
 * positions, and suppressions are applied last so that a suppressed finding is still accounted for.
 */
import type { Severity } from "../diagnostics.ts";
import { knownCodeIds } from "./codes.ts";
import { applyPolicy, canonicalRules, type RawFinding } from "./policy.ts";
import { parseYamlSource, type ModelPath, type TextPosition, type YamlSource } from "../source/yaml.ts";
import { eventsOf } from "../validate/event-config.ts";
import { RULES } from "./index.ts";
import { inferredPermissions } from "./permissions-engine.ts";
import { inlineSuppressions } from "./suppress.ts";
import type {
  AnyRule,
  Capabilities,
  Capability,
  Finding,
  JobView,
  Json,
  Level,
  LintOptions,
  LintResult,
  Report,
  RuleContext,
  SkippedRule,
  StepView,
  WorkflowView,
} from "./types.ts";
import { asObject, isObject, parseUses } from "./util.ts";

/** Options of {@link lintModel}: where the model's findings point. */
export interface LintModelOptions extends LintOptions {
  /** The workflow's file (e.g. `.github/workflows/ci.yml` or `ci.yml`), named in every finding. */
  file: string;
  /** Positions for model paths, when the caller knows them (e.g. call sites in workflows.ts). */
  locate?: (path: ModelPath) => TextPosition | undefined;
  /** The rules to run (default: all registered rules). */
  ruleSet?: readonly AnyRule[];
  /** The model was built from workflows.ts: fixes are given for TypeScript (a rule's `fixTs`). */
  typescript?: boolean;
  /** The tag each SHA pin of the model stands for (the comment wfgen writes after it), by the path of its `uses:`. */
  versionComment?: (path: ModelPath) => string | undefined;
}

/**
 * Lints one workflow file's text. YAML that cannot be read gives a single `yaml-syntax` finding with its
 * line and column; everything else is linted rule by rule.
 */
export function lintYaml(text: string, file: string, options: LintOptions = {}): LintResult {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) {
    const findings = parsed.diagnostics.map((d): Finding => ({
      ...d,
      where: { ...d.where, workflow: baseName(file) },
      path: [],
      docs: "docs/rules/yaml-syntax.md",
      ...(d.where.line !== undefined ? excerptOf(text.split(/\r?\n/), d.where.line) : {}),
    }));
    return { findings, suppressed: [], skipped: [] };
  }
  return lintSource(parsed.source, options);
}

/** Lints a workflow already read with {@link parseYamlSource}. */
export function lintSource(source: YamlSource, options: LintOptions = {}): LintResult {
  return run(source.value, source.file, source, {}, options, RULES);
}

/**
 * Lints a workflow model built in TypeScript (or any plain value in the model's shape). Rules that need
 * the YAML text (version comments, inline suppressions) are skipped and listed in `skipped`.
 */
export function lintModel(model: unknown, options: LintModelOptions): LintResult {
  return run(model, options.file, undefined, options, options, options.ruleSet ?? RULES);
}

/** Lints with an explicit rule list (tests, and callers that want a subset). */
export function lintYamlWith(rules: readonly AnyRule[], text: string, file: string, options: LintOptions = {}): LintResult {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return lintYaml(text, file, options);
  return run(parsed.source.value, file, parsed.source, {}, options, rules);
}

const SKIP_REASONS: Record<Capability, string> = {
  source: "it reads the YAML text (comments, line layout), and this workflow was given as a model",
  actions: "no action metadata provider was given (the typed action bindings supply one)",
  permissions: "the permissions engine was turned off (permissions: false)",
  tags: "no catalog of release tags was given (wfgen's CLI supplies its offline one)",
};

function run(
  model: unknown,
  file: string,
  source: YamlSource | undefined,
  built: Pick<LintModelOptions, "locate" | "typescript" | "versionComment">,
  options: LintOptions,
  rules: readonly AnyRule[],
): LintResult {
  const { locate } = built;
  const settings = canonicalRules(options.rules);
  const capabilities: Capabilities = {
    ...(options.actions ? { actions: options.actions } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.permissions === false ? {} : { permissions: options.permissions ?? inferredPermissions }),
    runnerLabels: options.runnerLabels ?? [],
  };
  const available: Record<Capability, boolean> = {
    source: source !== undefined,
    actions: capabilities.actions !== undefined,
    permissions: capabilities.permissions !== undefined,
    tags: capabilities.tags !== undefined,
  };
  const kind = documentKind(model);
  if (kind === "other") return notAWorkflow(model, file, source);
  const workflow = kind === "action" ? viewAction(asObject(model)) : viewWorkflow(asObject(model));
  const skipped: SkippedRule[] = [];
  const active: AnyRule[] = [];
  for (const rule of rules) {
    if (settings[rule.id] === "off") continue;
    if (!(rule.documents ?? ["workflow"]).includes(kind)) continue;
    const missing = (rule.requires ?? []).find((capability) => !available[capability]);
    if (missing !== undefined) skipped.push({ rule: rule.id, reason: `skipped: ${SKIP_REASONS[missing]}` });
    else active.push(rule);
  }

  const raw: RawFinding[] = [];
  const seen = new Set<string>();
  const emit = (rule: AnyRule, report: Report, job?: JobView, step?: StepView): void => {
    const position = report.at ?? positionOf(report, source, locate);
    const severity: Severity = report.severity ?? rule.severity;
    const fix = built.typescript ? (report.fixTs ?? report.fix ?? rule.fixTs ?? rule.fix) : (report.fix ?? rule.fix);
    const finding: Finding = {
      severity,
      code: rule.id,
      message: report.message,
      fix,
      where: {
        file,
        workflow: baseName(file),
        ...(job ? { job: job.id } : {}),
        ...(step ? { step: step.label } : {}),
        path: [...report.path],
        ...(position ? { line: position.line, column: position.column } : {}),
      },
      path: [...report.path],
      docs: rule.docs,
      ...(source && position ? excerptOf(source.lines, position.line) : {}),
    };
    const key = `${rule.id}\u0000${finding.path.join("\u0000")}\u0000${finding.message}\u0000${position?.line}:${position?.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    raw.push({ finding, stepAliases: step ? stepAliases(step) : [] });
  };

  const call = (rule: AnyRule, context: RuleContext, job?: JobView, step?: StepView): void => {
    try {
      (rule.check as (context: RuleContext) => void)(context);
    } catch (error) {
      // A crashing rule is our bug, not the user's: say so, and keep the other rules' findings.
      emit(rule, {
        path: step?.path ?? job?.path ?? [],
        severity: "error",
        message: `the rule "${rule.id}" failed on this workflow: ${(error as Error)?.message ?? String(error)}`,
        fix: "this is a wfgen bug; please report it with the workflow file and your wfgen version, and turn the rule off meanwhile",
      }, job, step);
    }
  };
  const knownRules = new Set([...knownCodeIds(), ...rules.map((rule) => rule.id)]);
  const base = {
    file,
    workflow,
    ...(source ? { source } : {}),
    ...(built.versionComment ? { versionComment: built.versionComment } : {}),
    capabilities,
    knownRules,
  };
  const visiting = (level: Level) => active.filter((rule) => (rule.visits as readonly Level[]).includes(level));
  const workflowRules = visiting("workflow");
  const jobRules = visiting("job");
  const stepRules = visiting("step");

  for (const rule of workflowRules) {
    call(rule, { ...base, level: "workflow", report: (r) => emit(rule, r) });
  }
  for (const job of workflow.jobs) {
    // An action's steps belong to no job of the user's: findings name the step alone.
    const named = kind === "action" ? undefined : job;
    for (const rule of jobRules) call(rule, { ...base, level: "job", job, report: (r) => emit(rule, r, named) }, named);
    for (const step of job.steps) {
      for (const rule of stepRules) {
        call(rule, { ...base, level: "step", job, step, report: (r) => emit(rule, r, named, step) }, named, step);
      }
    }
  }

  const inline = source && options.inlineSuppressions !== false ? inlineSuppressions(source, knownRules) : [];
  const { findings, suppressed } = applyPolicy(raw, { ...(options.rules ? { rules: options.rules } : {}), suppressions: options.suppressions ?? [], inline });
  findings.sort(byPosition);
  suppressed.sort(byPosition);
  return { findings, suppressed, skipped };
}

function positionOf(
  report: Report,
  source: YamlSource | undefined,
  locate: ((path: ModelPath) => TextPosition | undefined) | undefined,
): TextPosition | undefined {
  if (source) return report.needle !== undefined ? source.locateText(report.path, report.needle, report.occurrence) : source.locate(report.path);
  return locate?.(report.path);
}

// By position; findings at the same place keep the walk's order (registry order, then model order). The
// sort is stable, so that order survives.
function byPosition(a: Finding, b: Finding): number {
  return (a.where.line ?? 0) - (b.where.line ?? 0) || (a.where.column ?? 0) - (b.where.column ?? 0);
}

function excerptOf(lines: readonly string[], line: number): { excerpt?: string } {
  const text = lines[line - 1];
  return text === undefined ? {} : { excerpt: text };
}

function baseName(file: string): string {
  return file.replace(/\\/g, "/").split("/").at(-1) ?? file;
}

/** The names a step answers to in suppressions: its id, its name, and `#n`. */
export function stepAliases(step: StepView): string[] {
  const aliases: string[] = [];
  if (typeof step.value.id === "string") aliases.push(step.value.id);
  if (typeof step.value.name === "string") aliases.push(step.value.name);
  aliases.push(step.ordinal);
  return aliases;
}

// ---------------------------------------------------------------------------------------------------------
// Views: the workflow read defensively into the shapes rules walk.

function viewWorkflow(value: Json): WorkflowView {
  const jobs: JobView[] = [];
  for (const [id, job] of Object.entries(asObject(value.jobs))) {
    if (!isObject(job)) continue;
    jobs.push(viewJob(id, job));
  }
  return { kind: "workflow", value, events: eventsOf(value.on), env: asObject(value.env), jobs };
}

/** What a YAML mapping is: a workflow (`on:` or `jobs:`), an action's metadata (`runs:`), or neither. */
export function documentKind(value: unknown): "workflow" | "action" | "other" {
  const document = asObject(value);
  if ("on" in document || "jobs" in document) return "workflow";
  if ("runs" in document) return "action";
  return "other";
}

// A composite action's `runs.steps` walked as the steps of one job; other actions (node, docker) have none.
function viewAction(value: Json): WorkflowView {
  const runs = asObject(value.runs);
  const path = ["runs"];
  const job: JobView = { id: "", value: runs, path, isCall: false, steps: viewSteps(runs.steps, path), env: {} };
  return { kind: "action", value, events: new Map(), env: {}, jobs: [job] };
}

// A file that is neither: one finding that says so, instead of every workflow key it lacks.
function notAWorkflow(model: unknown, file: string, source: YamlSource | undefined): LintResult {
  const keys = Object.keys(asObject(model));
  const finding: Finding = {
    severity: "error",
    code: "not-a-workflow",
    message: `this file is neither a workflow (it has no on: or jobs:) nor an action's metadata (no runs:)${keys.length > 0 ? `; its top-level keys are ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", ..." : ""}` : ""}`,
    fix: "lint only workflow files (.github/workflows/*.yml) and action.yml files; leave other YAML (dependabot.yml, issue templates, configs) out of the files given to wfgen lint",
    where: { file, workflow: baseName(file), ...(source ? { line: 1, column: 1 } : {}) },
    path: [],
    docs: "docs/rules/not-a-workflow.md",
    ...(source ? excerptOf(source.lines, 1) : {}),
  };
  return { findings: [finding], suppressed: [], skipped: [] };
}

function viewJob(id: string, value: Json): JobView {
  const path = ["jobs", id];
  const uses = parseUses(value.uses);
  return { id, value, path, isCall: uses !== undefined, ...(uses ? { uses } : {}), steps: viewSteps(value.steps, path), env: asObject(value.env) };
}

function viewSteps(value: unknown, path: (string | number)[]): StepView[] {
  const steps: StepView[] = [];
  const list = Array.isArray(value) ? value : [];
  list.forEach((step: unknown, i) => {
    if (!isObject(step)) return;
    if (Array.isArray(step.parallel)) {
      step.parallel.forEach((inner: unknown, j) => {
        if (isObject(inner)) steps.push(viewStep(inner, [...path, "steps", i, "parallel", j], steps.length, `${i + 1}.${j + 1}`));
      });
      return;
    }
    steps.push(viewStep(step, [...path, "steps", i], steps.length, `${i + 1}`));
  });
  return steps;
}

function viewStep(value: Json, path: (string | number)[], index: number, ordinal: string): StepView {
  const label = typeof value.id === "string" ? `"${value.id}"` : typeof value.name === "string" ? `"${value.name}"` : `#${ordinal}`;
  const uses = parseUses(value.uses);
  return {
    value,
    path,
    index,
    label,
    ordinal: `#${ordinal}`,
    ...(uses ? { uses } : {}),
    ...(typeof value.run === "string" ? { run: value.run } : {}),
    with: asObject(value.with),
    env: asObject(value.env),
  };
}

/**
 * The shapes of the linter: rules, the contexts one walk of the model hands them, findings, suppressions,
 * and the two capabilities other parts of wfgen provide (action metadata, the permissions engine). Rules
 * read the workflow as plain data in the model's shape, not as a zod-validated value: hand-written YAML
 * that the model would refuse (an unknown event, a misspelt key) must still be linted, and rules must
 * never crash on it.
 */
import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { PermissionScope } from "../facts/index.ts";
import type { ModelPath, TextPosition, YamlSource } from "../source/yaml.ts";

export type { ModelPath, TextPosition };

/** A mapping of the workflow, as plain data. */
export type Json = Record<string, unknown>;

/** The levels of the walk; a rule visits one or more of them. */
export type Level = "workflow" | "job" | "step";

/** What a rule needs beyond the model; without it the rule is skipped and the skip is reported. */
export type Capability = "source" | "actions" | "permissions" | "tags";

/** A parsed `uses:` value. */
export interface UsesRef {
  raw: string;
  /** `action`: owner/repo[/path]@ref; `reusable`: a workflow file in another repository; `local`: ./path; `docker`: docker://image. */
  kind: "action" | "reusable" | "local" | "docker";
  /** `owner/repo[/path]` for remote actions and workflows (as written); the image for docker; the path for local ones. */
  name: string;
  /** `owner/repo`, lowercase, for remote ones. */
  repo?: string;
  /** The part after `@`, for remote ones. */
  ref?: string;
}

/** A step as the walk sees it. Steps inside a `parallel:` group are visited as steps of their own. */
export interface StepView {
  value: Json;
  path: ModelPath;
  /** Position among the job's visited steps (0-based), in run order. */
  index: number;
  /** `"id"`, `"name"` or `#n`: how messages and suppressions name the step. */
  label: string;
  /** `#n` (1-based), or `#n.m` inside a parallel group: accepted by suppressions whatever the label. */
  ordinal: string;
  uses?: UsesRef;
  run?: string;
  /** `with:` when it is a mapping, else empty. */
  with: Json;
  /** `env:` when it is a mapping, else empty. */
  env: Json;
}

/** A job as the walk sees it. */
export interface JobView {
  id: string;
  value: Json;
  path: ModelPath;
  /** True for a job that calls a reusable workflow (`uses:` at job level). */
  isCall: boolean;
  uses?: UsesRef;
  steps: readonly StepView[];
  env: Json;
}

/** The workflow as the walk sees it; a composite action is walked as one job of its `runs.steps`. */
export interface WorkflowView {
  /** `action` for an action's metadata file (`action.yml`). */
  kind: "workflow" | "action";
  value: Json;
  /** The events of `on:`, whichever form it is written in, with their configuration (null when bare). */
  events: ReadonlyMap<string, unknown>;
  env: Json;
  jobs: readonly JobView[];
}

/** One problem a rule reports; the engine turns it into a {@link Finding}. */
export interface Report {
  /** The model path the problem is at; findings point at its source position. */
  path: ModelPath;
  message: string;
  /** Overrides the rule's fix for this finding. */
  fix?: string;
  /** Overrides the rule's `fixTs` for this finding, in a build from workflows.ts. */
  fixTs?: string;
  /** Overrides the rule's severity for this finding (use sparingly: a rule has one severity). */
  severity?: Severity;
  /** Point at this text inside the scalar at `path` (its first occurrence, or `occurrence`). */
  needle?: string;
  occurrence?: number;
  /** An exact position, when the rule computed one from the source. */
  at?: TextPosition;
}

interface BaseContext {
  file: string;
  workflow: WorkflowView;
  /** Present when linting YAML text; absent for a model built in TypeScript. */
  source?: YamlSource;
  /** For a model whose pins wfgen wrote: the tag a SHA-pinned `uses:` stands for, by the path of its `uses:`. */
  versionComment?: (path: ModelPath) => string | undefined;
  capabilities: Capabilities;
  /** The ids of every registered rule (for suppressions that name them). */
  knownRules: ReadonlySet<string>;
  report(report: Report): void;
}

export interface WorkflowContext extends BaseContext {
  level: "workflow";
}

export interface JobContext extends BaseContext {
  level: "job";
  job: JobView;
}

export interface StepContext extends BaseContext {
  level: "step";
  job: JobView;
  step: StepView;
}

export type RuleContext = WorkflowContext | JobContext | StepContext;

type ContextOf<L extends Level> = Extract<RuleContext, { level: L }>;

/** One lint rule. The id joins the source file, fixture folder, docs page, `[id]` in output and SARIF ruleId. */
export interface Rule<L extends Level = Level> {
  /** Kebab-case, no slashes. */
  id: string;
  severity: Severity;
  /** How sure a finding is to be a real problem. */
  confidence: "high" | "medium" | "low";
  /** One line: what the rule finds. */
  summary: string;
  /** The usual fix, as an instruction, for hand-written YAML. */
  fix: string;
  /**
   * The fix for a workflow built from `workflows.ts`, when it is not the YAML one (the `sh` template instead
   * of an `env:` block, say). Used instead of `fix`, and of a report's own `fix`, for findings of a build.
   */
  fixTs?: string;
  /** False for a problem no reason can make acceptable (GitHub refuses the file); default true. */
  suppressible?: boolean;
  /** Ids this code was known by before, still accepted in suppressions and the config. */
  aliases?: readonly string[];
  /**
   * Set when a build from workflows.ts does not run the rule because one of its own stages reports the same
   * problem under the same code with more knowledge: that stage, as the reason listed in `skipped`.
   */
  reportedInBuildBy?: string;
  /** `docs/rules/<id>.md`. */
  docs: string;
  visits: readonly L[];
  /** The files it applies to: workflows (the default) and/or composite actions' `action.yml`. */
  documents?: readonly ("workflow" | "action")[];
  requires?: readonly Capability[];
  check(context: ContextOf<L>): void;
}

/**
 * A rule of any level, as the registry holds it. Its context type is erased (the engine hands each rule
 * only the levels it declared in `visits`), since `Rule<"job">` is not a `Rule<Level>` to the compiler.
 */
export interface AnyRule extends Omit<Rule<Level>, "visits" | "check"> {
  visits: readonly Level[];
  check(context: never): void;
}

/** Defines a rule; the levels it visits type its context. */
export function defineRule<L extends Level>(rule: Omit<Rule<L>, "docs"> & { docs?: string }): Rule<L> {
  return { ...rule, docs: rule.docs ?? `docs/rules/${rule.id}.md` };
}

/** A finding: a diagnostic whose `code` is the rule id, with the model path and the docs page. */
export interface Finding extends Diagnostic {
  path: ModelPath;
  /** `docs/rules/<id>.md`. */
  docs: string;
  /** The source line the finding points at, when linting text. */
  excerpt?: string;
}

/** A finding that a suppression silenced, kept so that reports can show it. */
export interface SuppressedFinding extends Finding {
  suppression: { origin: "inline" | "dsl" | "config"; reason: string };
}

/**
 * Silences one rule, optionally only in one workflow, job or step. The DSL and the config file both give
 * this shape; a reason is required, because a silenced finding must say why it is acceptable.
 */
export interface Suppression {
  rule: string;
  /** The file name (`deploy.yml`), its name without extension, or a path ending in it. */
  workflow?: string;
  job?: string;
  /** The step's id, its name, or `#n` (1-based). */
  step?: string;
  reason: string;
  /** Where it was written, for reports; defaults to "config". */
  origin?: "dsl" | "config";
  /**
   * Keep the finding reported, at this severity, instead of silencing it: an error accepted for now stays
   * in view (what `wfgen import` writes for a finding the YAML ran with).
   */
  severity?: "warning" | "info";
}

/** A rule that did not run, and why. */
export interface SkippedRule {
  rule: string;
  reason: string;
}

/** The metadata of an action that `missing-action-input` and `unknown-action-input` check `with:` against. */
export interface ActionMetadata {
  inputs: Record<string, { required?: boolean; default?: string; deprecationMessage?: string }>;
  /** `runs.using` (`node20`, `docker`, `composite`); docker actions also take `args` and `entrypoint`. */
  using?: string;
}

/**
 * Looks up an action's metadata. `action` is `owner/repo[/path]` without the ref; `ref` is the tag to read it
 * at: the `# v1.2.3` comment of a SHA-pinned step when there is one (so SHA pins are checked too), else the
 * ref after `@`. Undefined: unknown action or version, and the rules stay silent.
 */
export type ActionMetadataProvider = (action: string, ref: string) => ActionMetadata | undefined;

/**
 * The release tags wfgen knows of an action repository (`owner/repo`, lowercase), tag -> commit SHA, from
 * its offline catalog; undefined for a repository it does not know. Lets `version-comment-mismatch` check
 * `@<sha> # v1.2.3` without the network.
 */
export type TagCatalog = (repo: string) => Readonly<Record<string, string>> | undefined;

/** A permission level a job needs of one scope, and why. */
export interface PermissionNeed {
  scope: PermissionScope;
  level: "read" | "write";
  /** What the step does with the token, as a verb phrase: `pushes the image to ghcr.io with GITHUB_TOKEN`. */
  reason: string;
  /** The step that needs it (absent for needs of the job itself, such as its container's registry). */
  step?: { label: string; path: ModelPath };
}

/** What the permissions engine concludes for one job. */
export interface JobPermissionNeeds {
  needs: readonly PermissionNeed[];
  /**
   * True when every step was understood (known actions, recognised commands): only then is a granted scope
   * nobody needs reported as excessive.
   */
  complete: boolean;
}

/**
 * The interface the permission rules are written against: the job as plain model data in, its needs out;
 * undefined when the engine cannot analyse the job at all (a call job, say).
 */
export type PermissionsAnalyzer = (job: Json, context: { jobId: string; workflow: Json }) => JobPermissionNeeds | undefined;

/** What the environment provides to rules. */
export interface Capabilities {
  actions?: ActionMetadataProvider;
  permissions?: PermissionsAnalyzer;
  tags?: TagCatalog;
  /** Self-hosted runner labels the project has declared (config), accepted by `unknown-runner-label`. */
  runnerLabels: readonly string[];
}

/** Options of {@link lintYaml} and {@link lintModel}. */
export interface LintOptions {
  /** Per rule: turn it off, or change its severity. */
  rules?: Record<string, "off" | Severity>;
  /** DSL- and config-level suppressions. */
  suppressions?: readonly Suppression[];
  /** Honour `# wfgen-ignore <id>: <reason>` comments (default true). */
  inlineSuppressions?: boolean;
  actions?: ActionMetadataProvider;
  /** Defaults to wfgen's permissions engine; `false` skips missing-permission and excessive-permission. */
  permissions?: PermissionsAnalyzer | false;
  /** Release tags of known actions, for version-comment-mismatch. */
  tags?: TagCatalog;
  runnerLabels?: readonly string[];
}

/** The outcome of linting one workflow. */
export interface LintResult {
  /** Sorted by line and column; at one position, in registry order. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Rules that could not run (missing capability), with the reason. */
  skipped: SkippedRule[];
}

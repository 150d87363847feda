/**
 * Contexts whose values an outsider chooses: whoever opens an issue, comments, names a branch or writes a
 * commit message. Matched on expressions normalised by `normaliseExpression` (lowercase, `.*` for indexes).
 * Each entry says in plain words who controls the value, for the message.
 */
import { parseExpression, pathText, valuePaths } from "./expression-flow.ts";
import type { JobView, StepView, WorkflowView } from "./types.ts";
import { asObject, expressionsOf, normaliseExpression, scalarText, shellVariablesRead } from "./util.ts";

interface Untrusted {
  pattern: RegExp;
  what: string;
}

// `a.*.b` matches any one segment in place of `*` (an index, normalised to `*`, or a key).
const ctx = (path: string, what: string): Untrusted => ({
  pattern: new RegExp(`(?<![\\w.-])${path.replace(/\./g, "\\.").replace(/\\\.\*/g, "\\.[^.\\s]+")}(?![\\w-])`),
  what,
});

// Whole objects that contain attacker text: dumping them (toJSON, or the bare object) injects the same way.
const OBJECT = "(?:issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages|workflow_run)";

const UNTRUSTED: readonly Untrusted[] = [
  ctx("github.head_ref", "the pull request's branch name, which its author chooses"),
  ctx("github.event.pull_request.title", "the pull request's title, which its author writes"),
  ctx("github.event.pull_request.body", "the pull request's description, which its author writes"),
  ctx("github.event.pull_request.head.ref", "the pull request's branch name, which its author chooses"),
  ctx("github.event.pull_request.head.label", "the pull request's head label (owner:branch), which its author chooses"),
  ctx("github.event.pull_request.head.repo.default_branch", "the default branch name of the fork, which its owner chooses"),
  ctx("github.event.pull_request.head.repo.description", "the fork's description, which its owner writes"),
  ctx("github.event.pull_request.head.repo.homepage", "the fork's homepage, which its owner writes"),
  ctx("github.event.issue.title", "the issue's title, which whoever opens the issue writes"),
  ctx("github.event.issue.body", "the issue's body, which whoever opens the issue writes"),
  ctx("github.event.comment.body", "the comment's body, which anyone who can comment writes"),
  ctx("github.event.review.body", "the review's body, which the reviewer writes"),
  ctx("github.event.review_comment.body", "the review comment's body, which the reviewer writes"),
  ctx("github.event.discussion.title", "the discussion's title, which whoever starts it writes"),
  ctx("github.event.discussion.body", "the discussion's body, which whoever starts it writes"),
  ctx("github.event.pages.*.page_name", "a wiki page's name, which any wiki editor chooses"),
  ctx("github.event.commits.*.message", "a commit message, which the commit's author writes"),
  ctx("github.event.commits.*.author.name", "a commit's author name, which the committer sets freely"),
  ctx("github.event.commits.*.author.email", "a commit's author email, which the committer sets freely"),
  ctx("github.event.head_commit.message", "the head commit's message, which the commit's author writes"),
  ctx("github.event.head_commit.author.name", "the head commit's author name, which the committer sets freely"),
  ctx("github.event.head_commit.author.email", "the head commit's author email, which the committer sets freely"),
  ctx("github.event.workflow_run.head_branch", "the triggering run's branch name, which a fork's author can choose"),
  ctx("github.event.workflow_run.display_title", "the triggering run's title (a commit message or PR title)"),
  ctx("github.event.workflow_run.head_commit.message", "the triggering run's commit message"),
  ctx("github.event.workflow_run.head_commit.author.name", "the triggering run's commit author name"),
  ctx("github.event.workflow_run.head_commit.author.email", "the triggering run's commit author email"),
  ctx("github.event.workflow_run.pull_requests.*.head.ref", "a pull request branch name of the triggering run"),
  ctx("github.event.merge_group.head_commit.message", "the merge queue commit's message, written by the pull request's author"),
  // Whole or any field of it: the sender chooses every key, so no field is safe.
  ctx("github.event.client_payload", "the repository_dispatch payload, which whoever sends the dispatch writes"),
  {
    pattern: new RegExp(`(?<![\\w.-])github\\.event(?:\\.${OBJECT})?(?![\\w.-]|\\s*\\.)`),
    what: "a whole event object, which contains titles, bodies and branch names that outsiders write",
  },
];

/** What an expression reads that outsiders control, in words; undefined when it reads nothing of the kind. */
export function untrustedIn(inner: string): string | undefined {
  const code = normaliseExpression(inner).replace(/'(?:[^']|'')*'/g, "''");
  return UNTRUSTED.find((entry) => entry.pattern.test(code))?.what;
}

/** Where an expression is evaluated: the workflow (or action), and the job and step it is in. */
export interface Scope {
  workflow: WorkflowView;
  job: JobView;
  step?: StepView;
}

/** Something outsiders (or a caller) may control that reaches an expression's value. */
export interface TaintSource {
  /** In words, for the message: `the title, which whoever opens the issue writes`. */
  what: string;
  /** `error` when outsiders control it; `warning` for inputs, which a caller or a dispatcher chooses. */
  severity: "error" | "warning";
  /** The env variable the value came through, when it did (`${{ env.TITLE }}`). */
  env?: string;
}

// Outputs of actions that carry text a pull request's author chooses.
const UNTRUSTED_OUTPUTS: Record<string, { outputs: RegExp; what: string }> = {
  "tj-actions/changed-files": { outputs: /files|_paths?$/, what: "a list of the file names the change touched, which its author chooses" },
  "dorny/paths-filter": { outputs: /_files$/, what: "a list of the file names the change touched, which its author chooses" },
  "xt0rted/pull-request-comment-branch": { outputs: /^head_ref$/, what: "the pull request's branch name, which its author chooses" },
};

// Input types whose values cannot carry text: GitHub checks them before the run starts.
const SAFE_INPUT_TYPES = new Set(["boolean", "number"]);

/**
 * What reaches the value of `inner` that someone other than the workflow's author controls, followed
 * through env variables, step outputs written from such values, job outputs and inputs. Only what can
 * reach the result counts: `github.event.issue.title == 'x'` is true or false, nothing an author writes.
 */
export function untrustedSource(inner: string, scope: Scope, depth = 0): TaintSource | undefined {
  const ast = parseExpression(inner);
  // Text GitHub's parser refuses is matched as it is: better a finding on a broken expression than none.
  const paths = ast ? valuePaths(ast).map(pathText) : [normaliseExpression(inner).replace(/'(?:[^']|'')*'/g, "''")];
  let weaker: TaintSource | undefined;
  for (const path of paths) {
    const found = pathSource(path, scope, depth);
    if (found?.severity === "error") return found;
    weaker ??= found;
  }
  return weaker;
}

function pathSource(path: string, scope: Scope, depth: number): TaintSource | undefined {
  const what = untrustedIn(path);
  if (what !== undefined) return { what, severity: "error" };
  if (depth > 4) return undefined;
  const { workflow, job, step } = scope;
  const env = /(?<![\w.-])env\.([a-z_][a-z0-9_]*)/.exec(path);
  if (env) {
    const entry = envEntryIgnoringCase(env[1]!, workflow, job, step);
    const held = entry && sourceInText(entry.value, scope, depth + 1);
    if (held) return { ...held, what: `env ${entry.name}, which holds ${held.what}`, env: entry.name };
  }
  const output = /(?<![\w.-])steps\.([a-z_][a-z0-9_-]*)\.outputs\.([a-z_][a-z0-9_-]*)/.exec(path);
  if (output) {
    const held = stepOutputSource(output[1]!, output[2]!, scope, depth + 1);
    if (held) return { ...held, what: `steps.${output[1]}.outputs.${output[2]}, which ${held.what}` };
  }
  const needs = /(?<![\w.-])needs\.([a-z_][a-z0-9_-]*)\.outputs\.([a-z_][a-z0-9_-]*)/.exec(path);
  if (needs) {
    const other = workflow.jobs.find((j) => j.id.toLowerCase() === needs[1]);
    const outputs = asObject(other?.value.outputs);
    const key = Object.keys(outputs).find((k) => k.toLowerCase() === needs[2]);
    const value = key === undefined ? undefined : scalarText(outputs[key]);
    const held = other && value !== undefined ? sourceInText(value, { workflow, job: other }, depth + 1) : undefined;
    if (held) return { ...held, what: `needs.${needs[1]}.outputs.${needs[2]}, which job "${other!.id}" sets from ${held.what}` };
  }
  const input = /(?<![\w.-])(?:github\.event\.)?inputs\.([a-z_][a-z0-9_-]*)/.exec(path);
  if (input) return inputSource(input[1]!, workflow);
  return undefined;
}

/** The strongest source among the `${{ }}` of a text. */
function sourceInText(text: string, scope: Scope, depth: number): TaintSource | undefined {
  let weaker: TaintSource | undefined;
  for (const { inner } of expressionsOf(text)) {
    const found = untrustedSource(inner, scope, depth);
    if (found?.severity === "error") return found;
    weaker ??= found;
  }
  return weaker;
}

const stepsById = new WeakMap<JobView, Map<string, StepView>>();

/** The first step of `job` with the id `id` (lowercase), through a map built once per job. */
function stepWithId(job: JobView, id: string): StepView | undefined {
  let byId = stepsById.get(job);
  if (!byId) {
    byId = new Map();
    for (const s of job.steps) {
      const own = typeof s.value.id === "string" ? s.value.id.toLowerCase() : undefined;
      if (own !== undefined && !byId.has(own)) byId.set(own, s);
    }
    stepsById.set(job, byId);
  }
  return byId.get(id);
}

// A step output: from an action known to output outsiders' text, or written by a script from such a value.
function stepOutputSource(id: string, name: string, scope: Scope, depth: number): TaintSource | undefined {
  // Looked up, not searched: thousands of steps that each read another's output stay linear.
  const producer = stepWithId(scope.job, id);
  if (!producer) return undefined;
  if (producer.uses?.kind === "action") {
    const known = UNTRUSTED_OUTPUTS[producer.uses.name.toLowerCase()];
    if (known && known.outputs.test(name)) return { what: `${producer.uses.name} outputs as ${known.what}`, severity: "error" };
  }
  if (producer.run === undefined) return undefined;
  const stepScope = { ...scope, step: producer };
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const writes = new RegExp(`\\b${escaped}=([^\\n]*?)["']?\\s*>>\\s*["']?\\$\\{?GITHUB_OUTPUT`, "gi");
  for (const match of producer.run.matchAll(writes)) {
    const value = match[1]!;
    const held =
      sourceInText(value, stepScope, depth) ??
      [...shellVariablesRead(value)].map((variable) => envEntryIgnoringCase(variable.toLowerCase(), scope.workflow, scope.job, producer)).map((entry) => entry && sourceInText(entry.value, stepScope, depth)).find((s) => s !== undefined);
    if (held) return { ...held, what: `step "${id}" writes from ${held.what}` };
  }
  return undefined;
}

// `inputs.<name>`: whatever a calling workflow, or a workflow using the action, passes (an issue title, say).
// Typed boolean and number inputs carry no text. A workflow only dispatched by hand is left alone: whoever
// can dispatch it has write access and could change the workflow itself.
function inputSource(name: string, workflow: WorkflowView): TaintSource | undefined {
  if (workflow.kind === "action") {
    return { what: `the action input ${name}, which the workflow using the action passes and may fill with an issue title or a branch name`, severity: "warning" };
  }
  const inputs = asObject(asObject(workflow.events.get("workflow_call")).inputs);
  const key = Object.keys(inputs).find((k) => k.toLowerCase() === name);
  if (!workflow.events.has("workflow_call") || (key !== undefined && SAFE_INPUT_TYPES.has(scalarText(asObject(inputs[key]).type)?.toLowerCase() ?? ""))) return undefined;
  return { what: `the workflow input ${name}, which the workflow calling this one passes and may fill with an issue title or a branch name`, severity: "warning" };
}

function envEntryIgnoringCase(lowerName: string, workflow: WorkflowView, job: JobView, step?: StepView): { name: string; value: string } | undefined {
  for (const env of [step?.env ?? {}, job.env, workflow.env]) {
    const key = Object.keys(env).find((k) => k.toLowerCase() === lowerName);
    const value = key === undefined ? undefined : scalarText(env[key]);
    if (value !== undefined) return { name: key!, value };
  }
  return undefined;
}

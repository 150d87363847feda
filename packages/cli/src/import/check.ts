/**
 * Before any TypeScript is written, every imported workflow is rendered by wfgen itself, as plain objects
 * (what the generated code lowers to), with `wfgen build`'s checks. This decides the one thing conversion
 * cannot see locally, the `permissions` a job must be written with so the build accepts it without
 * changing what the job may do, and it refuses, with the file and line, what the build would refuse.
 *
 * Permissions, job by job:
 * - a job with its own block keeps it; if the build's check would refuse it (a scope its steps need is
 *   missing, or wfgen cannot know what a step needs), it is kept as `unchecked(block)`: the same grant;
 * - a job without a block, in a workflow with one, runs with the workflow's block; where the check would
 *   refuse that, the job gets the workflow's block as `unchecked(...)`: the same grant, written on the job;
 * - a job with no block anywhere is left to wfgen's inference (least privilege; the documented change of
 *   import). Where inference cannot know what a step needs, the job gets `unchecked("write-all")`, the
 *   most the repository's default token could have granted, with a comment saying to narrow it.
 */
import { model, renderWorkflows, unchecked, workflow, type Diagnostic, type Lock, type WorkflowInput } from "@wfgen/core";
import type { PermissionDecision } from "./convert.ts";
import { isRecord } from "./raw.ts";

type Permissions = model.Permissions;

/** One workflow to check: its output file name and its plain DSL value (unknown keys under `raw`). */
export interface CheckInput {
  file: string;
  value: Record<string, unknown>;
}

/** A problem the build would report, placed in the workflow: a data path when known, else job and step. */
export interface CheckProblem {
  file: string;
  message: string;
  path: Array<string | number>;
}

export interface CheckResult {
  /** Jobs to write as `unchecked(...)`, by workflow file, then job id. */
  permissions: Map<string, Map<string, PermissionDecision>>;
  problems: CheckProblem[];
  /** What the build writes for each workflow that passed, by file. */
  rendered: Map<string, string>;
}

/**
 * What a job without `permissions` gets when the repository's default is the permissive one, the most a
 * default token can do (GitHub's "Permissions for the GITHUB_TOKEN" table): write on every scope but
 * `id-token` (none) and `models` (read). Spelled out rather than `write-all`, which would also grant
 * `id-token: write`, and which the build refuses (blanket-permissions).
 */
const PERMISSIVE_DEFAULT: model.PermissionsMap = {
  actions: "write",
  attestations: "write",
  checks: "write",
  contents: "write",
  deployments: "write",
  discussions: "write",
  issues: "write",
  models: "read",
  packages: "write",
  pages: "write",
  "pull-requests": "write",
  "repository-projects": "write",
  "security-events": "write",
  statuses: "write",
};

const PERMISSION_ERRORS = new Set([
  "permissions-missing",
  "permissions-undeclared",
  "permissions-call-unknown",
  "permissions-call-underprovisioned",
  "permissions-blanket",
]);

/**
 * Check the workflows together (a local reusable-workflow call is planned against its callee), pinned from
 * `lock` as the build pins them.
 */
export function checkWorkflows(inputs: CheckInput[], lock: Lock): CheckResult {
  const problems: CheckProblem[] = [];
  const valid: CheckInput[] = [];
  for (const input of inputs) {
    const parsed = model.parseWorkflowModel(input.value);
    if (parsed.ok) valid.push(input);
    else for (const issue of parsed.issues) problems.push({ file: input.file, message: issue.message, path: issue.path });
  }

  const permissions = new Map<string, Map<string, PermissionDecision>>();
  const first = render(valid, permissions, lock);
  for (const d of first.errors) {
    const file = d.where.workflow;
    const input = valid.find((i) => i.file === file);
    if (!input || !PERMISSION_ERRORS.has(d.code) || d.where.job === undefined) continue;
    let jobs = permissions.get(input.file);
    if (!jobs) permissions.set(input.file, (jobs = new Map()));
    if (!jobs.has(d.where.job)) jobs.set(d.where.job, decide(input.value, d.where.job, d));
  }
  const failed = new Set<string>();
  // Rendered again with the decisions (all together: a local call is planned against its callee), which
  // must leave nothing the build would refuse; without decisions the first render's errors stand.
  const final = permissions.size > 0 ? render(valid, permissions, lock) : first;
  for (const d of final.errors) {
    const file = d.where.workflow ?? "";
    failed.add(file);
    problems.push({ file, message: `${d.message}${d.fix ? ` (${d.fix})` : ""}`, path: pathOf(d, valid.find((i) => i.file === file)?.value) });
  }
  for (const file of failed) {
    permissions.delete(file);
    final.rendered.delete(file);
  }
  return { permissions, problems, rendered: final.rendered };
}

/** The error diagnostics and the files of rendering `inputs` with `decisions` applied. */
function render(
  inputs: CheckInput[],
  decisions: Map<string, Map<string, PermissionDecision>>,
  lock: Lock,
): { errors: Diagnostic[]; rendered: Map<string, string> } {
  const entries = inputs.map((input) => ({
    exportName: input.file,
    value: workflow(input.file, applyDecisions(input.value, decisions.get(input.file)) as WorkflowInput),
  }));
  // GitHub's parser runs on the user's own file instead (index.ts), where its lines mean something.
  const result = renderWorkflows(entries, { source: "workflows.ts", githubParser: false, lock });
  return {
    errors: result.diagnostics.filter((d) => d.severity === "error"),
    rendered: new Map(result.files.map((f) => [f.path, f.content])),
  };
}

function applyDecisions(value: Record<string, unknown>, decisions: Map<string, PermissionDecision> | undefined): Record<string, unknown> {
  if (!decisions || !isRecord(value.jobs)) return value;
  const jobs: Record<string, unknown> = { ...value.jobs };
  for (const [id, decision] of decisions) {
    if (isRecord(jobs[id])) jobs[id] = { ...jobs[id], permissions: unchecked(decision.grant) };
  }
  return { ...value, jobs };
}

function decide(workflowValue: Record<string, unknown>, jobId: string, diagnostic: Diagnostic): PermissionDecision {
  const job = (workflowValue.jobs as Record<string, Record<string, unknown>>)[jobId]!;
  const reported = diagnostic.message.replace(/\s+/g, " ").replace(/([^.])$/, "$1.");
  if (job.permissions !== undefined) {
    return {
      grant: job.permissions as Permissions,
      added: false,
      why: `wfgen import: kept as written, unchecked, since wfgen's check refuses it: ${reported}`,
    };
  }
  if (workflowValue.permissions !== undefined) {
    return {
      grant: workflowValue.permissions as Permissions,
      added: true,
      why: `wfgen import: the workflow's permissions, which this job ran with, unchecked, since wfgen cannot infer them: ${reported}`,
    };
  }
  return {
    grant: PERMISSIVE_DEFAULT,
    added: true,
    why:
      "wfgen import: this job had no permissions, so it ran with the repository's default token permissions " +
      `(at most these, GitHub's permissive default), and wfgen cannot infer them: ${reported} Narrow this grant; \`npx wfgen explain\` shows what the steps need.`,
  };
}

/** Where a diagnostic points, as a data path: a path at the start of its message, else its job and step. */
function pathOf(d: Diagnostic, value: Record<string, unknown> | undefined): Array<string | number> {
  const match = /^((?:[A-Za-z_][\w-]*)(?:\.[A-Za-z_][\w-]*|\[\d+\])*)[: ]/.exec(d.message);
  if (match && /[.[]/.test(match[1]!)) {
    return [...match[1]!.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  }
  if (d.where.job === undefined) return [];
  const path: Array<string | number> = ["jobs", d.where.job];
  const steps = (value?.jobs as Record<string, { steps?: unknown }> | undefined)?.[d.where.job]?.steps;
  if (d.where.step !== undefined && Array.isArray(steps)) {
    const label = d.where.step;
    const index = /^#\d+$/.test(label)
      ? Number(label.slice(1)) - 1
      : steps.findIndex((s) => isRecord(s) && (`"${String(s.id)}"` === label || `"${String(s.name)}"` === label));
    if (index >= 0) path.push("steps", index);
  }
  return path;
}

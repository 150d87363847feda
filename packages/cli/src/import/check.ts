/**
 * Before any TypeScript is written, every imported workflow is rendered by wfgen itself, as plain objects
 * (what the generated code lowers to), with `wfgen build`'s checks. This decides the one thing conversion
 * cannot see locally, the `permissions` a job must be written with so the build accepts it without
 * widening what the job may do, and it refuses, with the file and line, what the build would refuse.
 *
 * Import never widens a job's token. Each job's bound is the grant it ran with: its own block; else the
 * workflow's block; else (no block anywhere) the repository's default, which the file does not show, so
 * the most it can be: GitHub's permissive default (PERMISSIVE_DEFAULT). Job by job:
 * - a job with its own block keeps it; if the build's check would refuse it (a scope its steps need is
 *   missing, or wfgen cannot know what a step needs), it is kept as `unchecked(block)`: the same grant;
 * - a job without a block is left to wfgen's inference (least privilege: the documented change of import)
 *   when what wfgen infers is within its bound. When inference needs more than the bound, or cannot know
 *   what a step needs, the job gets its bound as `unchecked(...)`, with a comment saying what wfgen would
 *   add and why.
 */
import { beyondGrant, model, renderWorkflows, unchecked, workflow, type Diagnostic, type JobPlan, type Lock, type WorkflowInput } from "@wfgen/core";
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
  "missing-permission",
  "permissions-undeclared",
  "permissions-call-unknown",
  "permissions-call-underprovisioned",
  "blanket-permissions",
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

  // Rendered until every job's permissions are settled: a decision can change what another job sees (a
  // caller plans against what its callee's jobs request), so each round may find more; each round decides
  // at least one more job, or stops.
  const permissions = new Map<string, Map<string, PermissionDecision>>();
  let result = render(valid, permissions, lock);
  for (;;) {
    let decided = false;
    const decideOnce = (file: string, job: string, make: () => PermissionDecision): void => {
      let jobs = permissions.get(file);
      if (!jobs) permissions.set(file, (jobs = new Map()));
      if (jobs.has(job)) return;
      jobs.set(job, make());
      decided = true;
    };
    for (const input of valid) {
      const errors = result.errors.filter((d) => d.where.workflow === input.file && PERMISSION_ERRORS.has(d.code) && d.where.job !== undefined);
      for (const job of new Set(errors.map((d) => d.where.job!))) {
        decideOnce(input.file, job, () => refused(input.value, job, errors.filter((d) => d.where.job === job)));
      }
      for (const plan of result.plans.get(input.file) ?? []) {
        const beyond = widened(input.value, plan);
        if (beyond.length > 0) decideOnce(input.file, plan.job, () => bounded(input.value, plan, beyond));
      }
    }
    if (!decided) break;
    result = render(valid, permissions, lock);
  }
  const failed = new Set<string>();
  for (const d of result.errors) {
    const file = d.where.workflow ?? "";
    failed.add(file);
    problems.push({ file, message: `${d.message}${d.fix ? ` (${d.fix})` : ""}`, path: pathOf(d, valid.find((i) => i.file === file)?.value) });
  }
  for (const file of failed) {
    permissions.delete(file);
    result.rendered.delete(file);
  }
  return { permissions, problems, rendered: result.rendered };
}

interface Rendered {
  errors: Diagnostic[];
  rendered: Map<string, string>;
  /** How the permissions of each rendered workflow's jobs were decided, by file. */
  plans: Map<string, JobPlan[]>;
}

/** The error diagnostics and the files of rendering `inputs` with `decisions` applied. */
function render(inputs: CheckInput[], decisions: Map<string, Map<string, PermissionDecision>>, lock: Lock): Rendered {
  const entries = inputs.map((input) => ({
    exportName: input.file,
    value: workflow(input.file, applyDecisions(input.value, decisions.get(input.file)) as WorkflowInput),
  }));
  // GitHub's parser runs on the user's own file instead (index.ts), where its lines mean something.
  const result = renderWorkflows(entries, { source: "workflows.ts", githubParser: false, lock });
  return {
    errors: result.diagnostics.filter((d) => d.severity === "error"),
    rendered: new Map(result.files.map((f) => [f.path, f.content])),
    plans: new Map(result.files.map((f) => [f.path, f.permissions])),
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

/** The grant a job ran with, and how to name it. */
function boundOf(workflowValue: Record<string, unknown>, jobId: string): { grant: Permissions; own: boolean; named: string } {
  const job = (workflowValue.jobs as Record<string, Record<string, unknown>>)[jobId]!;
  if (job.permissions !== undefined) return { grant: job.permissions as Permissions, own: true, named: "its own block" };
  if (workflowValue.permissions !== undefined) return { grant: workflowValue.permissions as Permissions, own: false, named: "the workflow's permissions" };
  return {
    grant: PERMISSIVE_DEFAULT,
    own: false,
    named: "the repository's default token permissions, at most GitHub's permissive default (this job had no permissions, nor had the workflow)",
  };
}

/** A job the build's permission check refuses: it keeps the grant it ran with, unchecked. */
function refused(workflowValue: Record<string, unknown>, jobId: string, diagnostics: Diagnostic[]): PermissionDecision {
  const bound = boundOf(workflowValue, jobId);
  const reported = diagnostics.map((d) => d.message.replace(/\s+/g, " ").replace(/([^.])$/, "$1.")).join(" ");
  if (bound.own) {
    return {
      grant: bound.grant,
      added: false,
      why: `wfgen import: kept as written, unchecked, since wfgen's check refuses it: ${reported}`,
      note: "permissions kept as written, as unchecked(...), because wfgen's check would refuse them",
    };
  }
  return {
    grant: bound.grant,
    added: true,
    note: `permissions written as unchecked(${JSON.stringify(bound.grant)}), the grant it ran with, because wfgen cannot infer them`,
    why:
      `wfgen import: ${bound.named}, which this job ran with, unchecked, since wfgen cannot infer them: ${reported}` +
      (typeof bound.grant === "object" && bound.grant === PERMISSIVE_DEFAULT ? " Narrow this grant; `npx wfgen explain` shows what the steps need." : ""),
  };
}

/** A job whose inferred permissions exceed what it ran with: it keeps what it ran with, unchecked. */
function bounded(workflowValue: Record<string, unknown>, plan: JobPlan, beyond: Beyond[]): PermissionDecision {
  const bound = boundOf(workflowValue, plan.job);
  const added = beyond.map(({ scope, level }) => {
    const because = plan.needs.filter((n) => n.scope === scope && n.level === level);
    const reasons = [...new Set(because.map((n) => `${n.step >= 0 ? `step ${n.label}` : n.label}: ${n.reason}`))];
    return `${scope}: ${level}${reasons.length > 0 ? ` (${reasons.join("; ")})` : ""}`;
  });
  return {
    grant: bound.grant,
    added: true,
    note: `permissions written as unchecked(${JSON.stringify(bound.grant)}), the grant it ran with: wfgen would add ${beyond.map((b) => `${b.scope}: ${b.level}`).join(", ")}, and import never widens a job's token`,
    why:
      `wfgen import: ${bound.named}, which this job ran with, unchecked: wfgen would add ${added.join(", ")}, ` +
      "and import never widens a job's token. If the job needs it, grant it here (or remove this line to let wfgen infer).",
  };
}

/** A scope a job's inferred grant gives beyond the grant it ran with. */
type Beyond = ReturnType<typeof beyondGrant>[number];

/** What an inferred job's grant gives beyond the grant it ran with (nothing for jobs written with a block). */
function widened(workflowValue: Record<string, unknown>, plan: JobPlan): Beyond[] {
  const source = isRecord(workflowValue.jobs) ? workflowValue.jobs[plan.job] : undefined;
  if (plan.mode !== "infer" || !isRecord(source) || source.permissions !== undefined) return [];
  return beyondGrant(plan.granted, boundOf(workflowValue, plan.job).grant);
}

/** Where a diagnostic points, as a data path: a path at the start of its message, else its job and step. */
function pathOf(d: Diagnostic, value: Record<string, unknown> | undefined): Array<string | number> {
  if (d.where.path !== undefined && d.where.path.length > 0) return [...d.where.path];
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

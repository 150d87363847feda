/**
 * The permissions engine for one workflow: decide each job's mode, find its needs, and either write the
 * inferred block into the model or check the block the user wrote. The workflow level gets
 * `permissions: {}` when it has none, so every job starts from nothing and gets only its own block.
 *
 * Modes, per job: `"infer"` or no key -> the union of the needs; a block -> checked; `unchecked(block)` ->
 * written, not checked. Every job thus runs with a block of its own (or the workflow's `{}`), so a
 * workflow-level block that grants something reaches no job: it is reported as unused.
 */
import type { Diagnostic, Location } from "../diagnostics.ts";
import type { Permissions, PermissionsMap } from "../model/index.ts";
import { inferJobNeeds, unionOf, type UnknownUse } from "./infer.ts";
import { permissionMode } from "./modes.ts";
import type { StepNeed } from "./needs.ts";
import { calleeNeeds, localWorkflowFile, type Callee, type CalleeResolver } from "./reusable.ts";
import type { JobSource } from "./sources.ts";
import { envOf } from "./token.ts";
import { showGrant } from "./scopes.ts";
import { blanketDiagnostic, excessDiagnostic, excesses, shortfallDiagnostic, shortfalls } from "./verify.ts";

/** One workflow as the engine reads it. */
export interface WorkflowSource {
  /** Output file name, e.g. `deploy-image.yml`. */
  file: string;
  /** The lowered model (plain data); `"infer"` may stand as a job's permissions. */
  model: Record<string, unknown>;
  /** What the DSL knows beyond the model, by job id; absent for YAML wfgen did not build. */
  jobs?: Record<string, JobSource>;
  /** Where the workflow was defined, for workflow-level diagnostics (resolved only when one is reported). */
  locate?: () => Partial<Location>;
}

/** How a job's permissions were decided. */
export type JobMode = "infer" | "explicit" | "unchecked";

/** The permissions of one job, decided. */
export interface JobPlan {
  job: string;
  mode: JobMode;
  /** What the job runs with: its own block, or the workflow's `{}` when it needs nothing. */
  granted: Permissions;
  /** Every need of the job, with the step (or nested job) behind it. */
  needs: StepNeed[];
  /** The union of the needs. */
  required: PermissionsMap;
  /** Steps whose needs could not be known and were not declared. */
  unknown: UnknownUse[];
  /** The reusable workflow the job calls, if it is a call job. */
  calls?: string;
}

/** The engine's result for one workflow. */
export interface WorkflowPermissions {
  file: string;
  /** The model with every block written: ready for the schema, the checks and the emitter. */
  model: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** The jobs in the model's order. */
  jobs: JobPlan[];
}

type Model = Record<string, unknown>;

/** Decide the permissions of every job of a workflow. `resolve` finds reusable workflows rendered alongside. */
export function planPermissions(source: WorkflowSource, resolve: CalleeResolver = () => undefined): WorkflowPermissions {
  const file = source.file;
  const model: Model = { ...source.model };
  const diagnostics: Diagnostic[] = [];
  const workflowGrant = model.permissions as Permissions | undefined;
  if (workflowGrant === undefined) model.permissions = {};
  const inheritsNothing = workflowGrant === undefined || (typeof workflowGrant === "object" && Object.keys(workflowGrant).length === 0);
  const workflowEnv = envOf(model.env);
  const workflowWhere = (): Location => ({ workflow: file, path: ["permissions"], ...source.locate?.() });
  const jobsIn = (model.jobs !== null && typeof model.jobs === "object" ? model.jobs : {}) as Record<string, unknown>;
  const jobsOut: Record<string, unknown> = {};
  const plans: JobPlan[] = [];

  for (const [id, value] of Object.entries(jobsIn)) {
    if (value === null || typeof value !== "object") {
      jobsOut[id] = value;
      continue;
    }
    const job = value as Model;
    const src = source.jobs?.[id];
    // At the step behind a need, else at the job's permissions (or, for a call, its uses).
    const where = (step?: number, key = "permissions"): Location => ({
      workflow: file,
      job: id,
      ...(step !== undefined && step >= 0 && { step: src?.steps[step]?.label ?? `#${step + 1}` }),
      path: step !== undefined && step >= 0 ? ["jobs", id, "steps", step] : ["jobs", id, key],
      ...src?.locate(step !== undefined && step >= 0 ? step : undefined),
    });
    const mode = src?.mode ?? permissionMode(job.permissions);
    const kind: JobMode = mode?.kind ?? "infer";

    let needs: StepNeed[];
    let unknown: UnknownUse[] = [];
    let calleeKnown = true;
    const calls = typeof job.uses === "string" ? job.uses : undefined;
    if (calls !== undefined) {
      const callee = localWorkflowFile(calls) !== undefined ? resolve(calls) : undefined;
      calleeKnown = callee !== undefined;
      needs = callee ? calleeNeeds(callee) : [];
    } else if (kind === "unchecked") {
      // Nothing is checked against an unchecked job's needs: they are inferred only if something reads
      // its plan (explain, permission comments, a caller of this workflow).
      const granted = (mode as { grant: Permissions }).grant;
      const out: Model = { ...job, permissions: granted };
      plans.push(lazyPlan(id, granted, () => inferJobNeeds(job, workflowEnv, src?.steps)));
      jobsOut[id] = out;
      continue;
    } else {
      const inferred = inferJobNeeds(job, workflowEnv, src?.steps);
      needs = inferred.needs;
      unknown = inferred.unknown;
    }
    const required = unionOf(needs);

    if (kind !== "unchecked") for (const use of unknown) diagnostics.push(undeclaredDiagnostic(id, use, where(use.step)));

    const out: Model = { ...job };
    let granted: Permissions;
    switch (kind) {
      case "infer":
        if (!calleeKnown) {
          diagnostics.push(unknownCalleeDiagnostic(id, calls!, where(undefined, "uses")));
          out.permissions = {};
          granted = {};
        } else if (Object.keys(required).length === 0 && inheritsNothing) {
          delete out.permissions;
          granted = {};
        } else {
          out.permissions = required;
          granted = required;
        }
        break;
      case "explicit":
      case "unchecked":
        granted = (mode as { grant: Permissions }).grant;
        out.permissions = granted;
        break;
    }
    const plan: JobPlan = { job: id, mode: kind, granted, needs, required, unknown, ...(calls !== undefined && { calls }) };
    plans.push(plan);
    jobsOut[id] = out;

    if (kind === "explicit" && calleeKnown) {
      for (const gap of shortfalls(granted, needs)) {
        diagnostics.push(shortfallDiagnostic(id, gap, where(gap.because[0]!.step), calls !== undefined ? { uses: calls } : undefined));
      }
      if (typeof granted === "string") diagnostics.push(blanketDiagnostic(id, granted, required, where()));
      for (const extra of excesses(granted, needs)) diagnostics.push(excessDiagnostic(id, extra, where(), calls));
    }
  }

  if (!inheritsNothing && plans.length > 0) diagnostics.push(unusedWorkflowGrantDiagnostic(workflowGrant!, workflowWhere()));

  model.jobs = jobsOut;
  return { file, model, diagnostics, jobs: plans };
}

/** The plan of an unchecked job whose needs are inferred on first read. */
function lazyPlan(job: string, granted: Permissions, infer: () => { needs: StepNeed[]; unknown: UnknownUse[] }): JobPlan {
  let inferred: { needs: StepNeed[]; unknown: UnknownUse[]; required: PermissionsMap } | undefined;
  const get = () => {
    if (inferred === undefined) {
      const { needs, unknown } = infer();
      inferred = { needs, unknown, required: unionOf(needs) };
    }
    return inferred;
  };
  const plan = { job, mode: "unchecked", granted } as JobPlan;
  for (const key of ["needs", "required", "unknown"] as const) {
    Object.defineProperty(plan, key, { enumerable: true, get: () => get()[key] });
  }
  return plan;
}

/** A planned workflow as a reusable workflow its callers check against. */
export function asCallee(plan: WorkflowPermissions): Callee {
  return { file: plan.file, jobs: plan.jobs.map((j) => ({ job: j.job, requests: j.granted, needs: j.needs })) };
}

function undeclaredDiagnostic(job: string, use: UnknownUse, where: Location): Diagnostic {
  const subject = use.step >= 0 ? `step ${use.label}` : use.label;
  return {
    severity: "error",
    code: "permissions-undeclared",
    message: `job "${job}" › ${subject} gets GITHUB_TOKEN, but wfgen cannot know which scopes it needs: it ${use.what}`,
    fix:
      `declare them on the step: step({ ... }, { permissions: { issues: "write" } }) with the scopes it uses, ` +
      `or { permissions: {} } if it needs none; or set the job's permissions to unchecked({ ... })`,
    where,
  };
}

function unusedWorkflowGrantDiagnostic(grant: Permissions, where: Location): Diagnostic {
  const shown = typeof grant === "string" ? grant : Object.entries(grant).map(([scope, level]) => showGrant(scope, String(level))).join(", ");
  return {
    severity: "warning",
    code: "workflow-level-write",
    message: `the workflow's permissions grant ${shown}, but every job has a block of its own, so no job runs with them`,
    fix: "write permissions: {} at the workflow level (or leave it out: wfgen writes {}); give a job the scopes it needs in its own block, or let wfgen infer them",
    where,
  };
}

function unknownCalleeDiagnostic(job: string, uses: string, where: Location): Diagnostic {
  return {
    severity: "error",
    code: "permissions-call-unknown",
    message: `job "${job}" calls ${uses}, which this build does not produce, so wfgen cannot infer what its jobs request`,
    fix: `give job "${job}" an explicit permissions block with what the called workflow's jobs request (permissions: {} if nothing)`,
    where,
  };
}

/**
 * `wfgen explain <workflow> [job]`: for every scope a job is granted, the steps that need it and why.
 * Pure: it takes the exports of `workflows.ts`, like renderWorkflows, and returns data; the CLI prints it
 * with {@link formatExplanation} or as JSON with {@link explanationJson}.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { isWorkflowDefinition } from "../dsl/brand.ts";
import type { WorkflowDefinition } from "../dsl/workflow.ts";
import type { PermissionLevel, PermissionScope } from "../facts/index.ts";
import type { StepNeed } from "./needs.ts";
import { stepName } from "./verify.ts";
import type { JobMode } from "./plan.ts";
import { PermissionPlanner } from "./planner.ts";
import { acceptsLevel, grantedLevel, SCOPES_IN_DOC_ORDER } from "./scopes.ts";

/** One reason a scope is granted: the step (or nested job) that needs it, and what it does. */
export interface ExplainedReason {
  /** The step's id or name (`Push image`), `#3`, or a nested job (`job "build" of build.yml`). */
  step: string;
  /** The same, as messages write it: `step "Push image"`, `step #3`, `job "build" of build.yml`. */
  label: string;
  reason: string;
  /** The level this step needs (a scope granted write may have steps that only read). */
  level: PermissionLevel;
}

/** One granted scope. `because` is empty when no step needs it (an excess the build warns about). */
export interface ExplainedScope {
  scope: PermissionScope;
  level: PermissionLevel;
  because: ExplainedReason[];
}

/** One job. */
export interface ExplainedJob {
  job: string;
  /** How the block was decided: inferred, written and checked, or written and unchecked. */
  mode: JobMode;
  permissions: ExplainedScope[];
}

/** The explanation of one workflow. */
export interface Explanation {
  /** Output file, e.g. `deploy-image.yml`. */
  workflow: string;
  exportName: string;
  jobs: ExplainedJob[];
}

/** What `explainPermissions` returns: the explanation, and the build's diagnostics for that workflow. */
export interface ExplainResult {
  explanation?: Explanation;
  diagnostics: Diagnostic[];
}

/** The stable JSON shape of `wfgen explain --json` (version 1). */
export interface ExplanationJson {
  version: 1;
  workflow: string;
  jobs: Array<{ job: string; permissions: Array<{ scope: string; level: string; because: Array<{ step: string; reason: string }> }> }>;
}

/**
 * Explain one workflow, found by its output file name with or without extension (`deploy-image`) or by its
 * export name (`deployImage`); `job` narrows it to one job. `entries` are all exports of the entry file, so
 * that calls to reusable workflows of the same build are explained too.
 */
export function explainPermissions(entries: Array<{ exportName: string; value: unknown }>, workflow: string, job?: string): ExplainResult {
  const definitions = entries.filter((e) => isWorkflowDefinition(e.value)) as Array<{ exportName: string; value: WorkflowDefinition }>;
  const found = definitions.find(
    (e) => e.value.file === workflow || e.value.file.replace(/\.ya?ml$/, "") === workflow || e.exportName === workflow,
  );
  if (found === undefined) {
    const known = definitions.map((e) => `${e.value.file.replace(/\.ya?ml$/, "")} (export ${e.exportName})`);
    return {
      diagnostics: [
        {
          severity: "error",
          code: "explain-unknown-workflow",
          message: `no workflow is called "${workflow}"`,
          fix: known.length > 0 ? `name one of: ${known.join(", ")}` : "export a workflow() from the entry file",
          where: {},
        },
      ],
    };
  }
  const definition = found.value;
  const planner = new PermissionPlanner(definitions.map((e) => e.value));
  const lowered = planner.lower(definition);
  if (lowered.diagnostics.some((d) => d.severity === "error")) return { diagnostics: lowered.diagnostics };
  const plan = planner.plan(definition);
  const jobs = job === undefined ? plan.jobs : plan.jobs.filter((j) => j.job === job);
  if (job !== undefined && jobs.length === 0) {
    return {
      diagnostics: [
        ...plan.diagnostics,
        {
          severity: "error",
          code: "explain-unknown-job",
          message: `workflow ${definition.file} has no job "${job}"`,
          fix: `name one of: ${plan.jobs.map((j) => j.job).join(", ")}`,
          where: { workflow: definition.file },
        },
      ],
    };
  }
  const explained = jobs.map((j): ExplainedJob => {
    const permissions: ExplainedScope[] = [];
    for (const scope of SCOPES_IN_DOC_ORDER) {
      const level = grantedLevel(j.granted, scope);
      if (level === "none" || !acceptsLevel(scope, level)) continue;
      permissions.push({ scope, level, because: j.needs.filter((n) => n.scope === scope).map(reasonOf) });
    }
    return { job: j.job, mode: j.mode, permissions };
  });
  return {
    explanation: { workflow: definition.file, exportName: found.exportName, jobs: explained },
    diagnostics: plan.diagnostics.filter((d) => job === undefined || d.where.job === undefined || d.where.job === job),
  };
}

function reasonOf(need: StepNeed): ExplainedReason {
  const quoted = /^"(.*)"$/.exec(need.label);
  return { step: quoted ? quoted[1]! : need.label, label: stepName(need), reason: need.reason, level: need.level };
}

/** The JSON `wfgen explain --json` prints (version 1). */
export function explanationJson(explanation: Explanation): ExplanationJson {
  return {
    version: 1,
    workflow: explanation.workflow,
    jobs: explanation.jobs.map((j) => ({
      job: j.job,
      permissions: j.permissions.map((p) => ({
        scope: p.scope,
        level: p.level,
        because: p.because.map((b) => ({ step: b.step, reason: b.reason })),
      })),
    })),
  };
}

const MODE: Record<JobMode, string> = {
  infer: "inferred",
  explicit: "written in the source, checked",
  unchecked: "written in the source, unchecked",
};

/** The explanation as the lines `wfgen explain` prints. */
export function formatExplanation(explanation: Explanation): string {
  const lines: string[] = [explanation.workflow];
  for (const job of explanation.jobs) {
    lines.push(`  job ${job.job} (${MODE[job.mode]})`);
    if (job.permissions.length === 0) lines.push("    no permissions: the job's token can do nothing beyond reading metadata");
    for (const p of job.permissions) {
      lines.push(`    ${p.scope}: ${p.level}`);
      if (p.because.length === 0) lines.push("      no step needs it");
      for (const b of p.because) {
        const lower = b.level !== p.level ? ` [${b.level}]` : "";
        lines.push(`      ${b.label}: ${b.reason}${lower}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * From a model path (`["jobs", "build", "steps", 2, "run"]`) back to the `workflows.ts` line that created
 * that step, job or workflow, for what is found after lowering (the model's checks, the linter, pinning),
 * which knows only the model. Steps lower one to one, in order, so the model's step index is the index in
 * the job's `steps`; a step made without a builder (a plain object) has no call site of its own, and its
 * job's is used.
 */
import { resolveCallSite, type CallSite, type SourcePosition } from "./callsite.ts";
import { isJobDefinition } from "./job.ts";
import { isStepDefinition } from "./step.ts";
import type { WorkflowDefinition } from "./workflow.ts";

/** The source position of the step, else the job, else the workflow that `path` is in. */
export function locatePath(definition: WorkflowDefinition, path: ReadonlyArray<string | number>): SourcePosition | undefined {
  const job = path[0] === "jobs" && typeof path[1] === "string" ? definition.input.jobs[path[1]] : undefined;
  const jobSite = isJobDefinition(job) ? job.site : undefined;
  const stepSite = path[2] === "steps" && typeof path[3] === "number" ? siteOfStep(job, path.slice(3)) : undefined;
  return resolveCallSite(stepSite ?? jobSite ?? definition.site);
}

// `[index]`, or `[index, "parallel", inner]` for a step of a parallel group.
function siteOfStep(job: unknown, at: ReadonlyArray<string | number>): CallSite | undefined {
  if (!isJobDefinition(job) || !("steps" in job.input) || !Array.isArray(job.input.steps)) return undefined;
  let step: unknown = job.input.steps[at[0] as number];
  if (at[1] === "parallel" && typeof at[2] === "number" && !isStepDefinition(step)) {
    const group = (step as { parallel?: unknown } | undefined)?.parallel;
    if (Array.isArray(group) && isStepDefinition(group[at[2]])) step = group[at[2]];
  }
  return isStepDefinition(step) ? step.site : undefined;
}

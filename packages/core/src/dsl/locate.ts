/**
 * From a diagnostic's model location (workflow › job › step) back to the `workflows.ts` line that created
 * that job or step, for diagnostics found after lowering (validation, pinning), which know only the model.
 */
import { resolveCallSite, type CallSite, type SourcePosition } from "./callsite.ts";
import { isJobDefinition } from "./job.ts";
import { isStepDefinition } from "./step.ts";
import type { WorkflowDefinition } from "./workflow.ts";

/** The source position of the step, else the job, else the workflow named by `where`. */
export function locateInDefinition(
  definition: WorkflowDefinition,
  where: { job?: string; step?: string },
): SourcePosition | undefined {
  const job = where.job !== undefined ? definition.input.jobs[where.job] : undefined;
  const jobSite = isJobDefinition(job) ? job.site : undefined;
  return resolveCallSite(stepSite(job, where.step) ?? jobSite ?? definition.site);
}

// Steps are labelled `"<id or name>"` or `#<position>` in diagnostics (see stepLabel in lower.ts).
function stepSite(job: unknown, label: string | undefined): CallSite | undefined {
  if (label === undefined || !isJobDefinition(job) || !("steps" in job.input) || !Array.isArray(job.input.steps)) return undefined;
  const steps = job.input.steps as unknown[];
  const position = /^#(\d+)$/.exec(label);
  const found = position
    ? steps[Number(position[1]) - 1]
    : steps.find((s) => {
        const input = isStepDefinition(s) ? s.input : (s as { id?: unknown; name?: unknown });
        return `"${String(input.id)}"` === label || (input.id === undefined && `"${String(input.name)}"` === label);
      });
  return isStepDefinition(found) ? found.site : undefined;
}

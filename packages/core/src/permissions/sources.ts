/**
 * What the engine needs of the DSL definitions beyond the lowered model: each job's permissions mode
 * (the model cannot hold `"infer"` or `unchecked()`), each step's label, its declared needs (`StepMeta`), and
 * the call sites that diagnostics point at. Steps are read in the order of the job's `steps`, which is the
 * order of the model's steps.
 */
import { resolveCallSite, type CallSite } from "../dsl/callsite.ts";
import { isJobDefinition, type JobInput, type StepItem } from "../dsl/job.ts";
import { stepLabel } from "../dsl/lower.ts";
import { isStepDefinition, type StepInput } from "../dsl/step.ts";
import type { WorkflowDefinition } from "../dsl/workflow.ts";
import type { Location } from "../diagnostics.ts";
import { isScript } from "../expr/index.ts";
import type { StepSource } from "./infer.ts";
import { permissionMode, type PermissionMode } from "./modes.ts";

/** One job as the DSL wrote it. */
export interface JobSource {
  mode?: PermissionMode;
  steps: StepSource[];
  /** Source position of the job, and of each step, resolved only when a diagnostic needs it. */
  locate(step?: number): Partial<Location>;
}

/** The jobs of a workflow definition, by id. */
export function jobSources(definition: WorkflowDefinition): Record<string, JobSource> {
  const out: Record<string, JobSource> = {};
  for (const [id, value] of Object.entries(definition.input.jobs ?? {})) {
    const handle = isJobDefinition(value) ? value : undefined;
    const input = (handle ? handle.input : value) as JobInput;
    const items = ("steps" in input && Array.isArray(input.steps) ? input.steps : []) as readonly StepItem[];
    const sites: Array<CallSite | undefined> = [];
    const steps = items.map((item, index): StepSource => {
      if (isStepDefinition(item)) {
        sites.push(item.site);
        return { label: stepLabel(item.input, index), ...(item.meta.permissions !== undefined && { declared: item.meta.permissions }) };
      }
      sites.push(undefined);
      return { label: isScript(item) ? `#${index + 1}` : stepLabel(item as StepInput, index) };
    });
    const mode = permissionMode((input as { permissions?: unknown }).permissions);
    out[id] = {
      ...(mode !== undefined && { mode }),
      steps,
      locate: (step) => resolveCallSite((step !== undefined ? sites[step] : undefined) ?? handle?.site ?? definition.site) ?? {},
    };
  }
  return out;
}

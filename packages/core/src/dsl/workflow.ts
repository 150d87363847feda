/**
 * `workflow(file, {...})`: one generated file. The first argument names the output file
 * (`"deploy-image"` writes `deploy-image.yml`; an explicit `.yml`/`.yaml` extension is kept).
 */
import type { Workflow } from "../model/index.ts";
import { WORKFLOW } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
import { fileNameProblem, workflowFileName } from "./file-name.ts";
import type { JobDefinition, JobInput } from "./job.ts";
import type { Lift } from "./lift.ts";

/** What a workflow accepts: the model's keys, with expressions, and jobs as handles or plain objects. */
export type WorkflowInput = Omit<Lift<Workflow>, "jobs"> & {
  jobs: Record<string, JobDefinition<string> | JobInput>;
};

/** A workflow value; export it from `workflows.ts` and `wfgen build` writes it. */
export interface WorkflowDefinition {
  readonly [WORKFLOW]: true;
  /** Output file name, e.g. `deploy-image.yml`. */
  readonly file: string;
  readonly input: WorkflowInput;
  readonly site: CallSite;
}

/**
 * Create a workflow written to `<file>.yml` in the output folder. Throws when `file` is not a plain file name
 * (see file-name.ts): the error then points at the line that called `workflow()`.
 */
export function workflow(file: string, input: WorkflowInput): WorkflowDefinition {
  const problem = fileNameProblem(file);
  if (problem !== undefined) throw new Error(`workflow(${JSON.stringify(file)}, ...): ${problem}.`);
  return { [WORKFLOW]: true, file: workflowFileName(file), input, site: captureCallSite() };
}

/**
 * `workflow(file, {...})`: one generated file. The first argument names the output file
 * (`"deploy-image"` writes `deploy-image.yml`; an explicit `.yml`/`.yaml` extension is kept).
 */
import type { Workflow } from "../model/index.ts";
import { WORKFLOW } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
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

/** Create a workflow written to `<file>.yml` in the output folder. */
export function workflow(file: string, input: WorkflowInput): WorkflowDefinition {
  return { [WORKFLOW]: true, file: /\.ya?ml$/.test(file) ? file : `${file}.yml`, input, site: captureCallSite() };
}

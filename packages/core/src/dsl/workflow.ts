/**
 * `workflow(file, {...})`: one generated file. The first argument names the output file
 * (`"deploy-image"` writes `deploy-image.yml`; an explicit `.yml`/`.yaml` extension is kept).
 */
import type { WorkflowFields } from "../model/dsl-types.gen.ts";
import { WORKFLOW } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
import { fileNameProblem, workflowFileName } from "./file-name.ts";
import type { JobDefinition, JobInput } from "./job.ts";
import type { Lift } from "./lift.ts";

/**
 * What a workflow accepts: the model's keys, with expressions, and jobs as handles or plain objects. `J`,
 * the job ids, is inferred from `jobs`, so a job written there as a plain object can only `need` one of them.
 * `E`, the names of `env`, is inferred from `env`, so a job handle that needs its workflow to define an `env`
 * variable (see `JobMeta`) compiles only in a workflow that does.
 */
export type WorkflowInput<J extends string = string, E extends string = string> = Omit<Lift<WorkflowFields>, "env"> & {
  env?: Record<E, Lift<Extract<WorkflowFields["env"], object>[string]>> | Lift<Extract<WorkflowFields["env"], string>> | undefined;
  jobs: { [K in J]: JobDefinition<string, NoInfer<E>> | JobInput<NoInfer<J>> };
};

/**
 * A lint finding of this workflow that is accepted, and why (docs/rules/README.md, "Suppressions"). The
 * same shape as a suppression in wfgen.config.ts, without `workflow`: it is this one.
 */
export interface WorkflowSuppression {
  /** The rule id, e.g. `"persist-credentials"`. */
  rule: string;
  /** The job id. */
  job?: string;
  /** The step's id, its name, or `#n` (1-based). */
  step?: string;
  /** Why the finding is acceptable here; required. */
  reason: string;
  /** Report the finding at this severity instead of silencing it (it no longer fails the build). */
  severity?: "warning" | "info";
}

/** What a workflow says beyond its YAML: the third argument of `workflow()`. */
export interface WorkflowMeta {
  suppressions?: readonly WorkflowSuppression[];
}

/** A workflow value; export it from `workflows.ts` and `wfgen build` writes it. */
export interface WorkflowDefinition {
  readonly [WORKFLOW]: true;
  /** Output file name, e.g. `deploy-image.yml`. */
  readonly file: string;
  readonly input: WorkflowInput;
  readonly meta: WorkflowMeta;
  readonly site: CallSite;
}

/**
 * Create a workflow written to `<file>.yml` in the output folder. Throws when `file` is not a plain file name
 * (see file-name.ts): the error then points at the line that called `workflow()`.
 */
export function workflow<J extends string, E extends string = never>(
  file: string,
  input: WorkflowInput<J, E>,
  meta: WorkflowMeta = {},
): WorkflowDefinition {
  const problem = fileNameProblem(file);
  if (problem !== undefined) throw new Error(`workflow(${JSON.stringify(file)}, ...): ${problem}.`);
  return { [WORKFLOW]: true, file: workflowFileName(file), input, meta, site: captureCallSite() };
}

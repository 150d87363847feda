/**
 * Jobs as values: `job({...})` returns a handle. Its id is the key it gets in a workflow's `jobs`;
 * `build.outputs.digest` renders `${{ needs.build.outputs.digest }}` and is checked at build time
 * against the reading job's `needs`.
 */
import { handleExpr, job as jobContext, type Expr, type JobContext, type Script } from "../expr/index.ts";
import type { CallJob, NormalJob } from "../model/index.ts";
import { JOB } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
import type { DistributiveOmit, Lift, Text } from "./lift.ts";
import type { Result, StepDefinition, StepInput } from "./step.ts";
import type { JobPermissions } from "../permissions/modes.ts";

/** An item of `steps`: a step handle, a plain step object, or an `sh` script (a `run` step). */
export type StepItem = StepDefinition<string> | StepInput | Script;

/** A job `needs`: job handles (or job ids as strings, for jobs written as plain objects). */
export type Needs = JobDefinition<string> | string | readonly (JobDefinition<string> | string)[];

/** What a normal job accepts. */
export type NormalJobInput = Omit<Lift<NormalJob>, "steps" | "needs" | "outputs" | "permissions"> & {
  needs?: Needs;
  /** `"infer"` (the default when left out), a block that wfgen checks, or `unchecked(block)`. */
  permissions?: JobPermissions;
  steps: readonly StepItem[];
  outputs?: Record<string, Text>;
};

/** What a job that calls a reusable workflow accepts. */
export type CallJobInput = DistributiveOmit<Lift<CallJob>, "needs" | "outputs" | "permissions"> & {
  needs?: Needs;
  /** `"infer"` (the called workflow's needs, when this render produces it), a checked block, or `unchecked(block)`. */
  permissions?: JobPermissions;
  outputs?: Record<string, Text>;
};

/** Either kind of job. */
export type JobInput = NormalJobInput | CallJobInput;

/** A job handle. `O` lists its outputs. */
export interface JobDefinition<O extends string = string> {
  readonly [JOB]: true;
  readonly input: JobInput;
  readonly site: CallSite;
  /** `${{ needs.<id>.outputs.<name> }}` (or `jobs.<id>.outputs.<name>` in `workflow_call` outputs). */
  readonly outputs: { readonly [K in O]: Expr<string> };
  /** `${{ needs.<id>.result }}`. */
  readonly result: Expr<Result>;
}

/** Create a job. Its id is the key under which a workflow lists it. */
function createJob<O extends string = never>(input: JobInput & { outputs?: Record<O, Text> }): JobDefinition<O> {
  const definition = { [JOB]: true, input, site: captureCallSite() } as Record<PropertyKey, unknown>;
  const outputs: Record<string, Expr<string>> = {};
  for (const name of Object.keys(input.outputs ?? {})) outputs[name] = handleExpr<string>(definition, ["outputs", name]);
  Object.defineProperties(definition, {
    outputs: { value: Object.freeze(outputs) },
    result: { value: handleExpr<Result>(definition, ["result"]) },
  });
  return definition as unknown as JobDefinition<O>;
}

/** Whether `value` is a job handle. */
export function isJobDefinition(value: unknown): value is JobDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[JOB] === true;
}

/** The fields of GitHub's `job` context, reachable as `job.status` etc. */
export type JobContextFields = Pick<
  JobContext,
  "status" | "container" | "services" | "check_run_id" | "workflow_ref" | "workflow_sha" | "workflow_repository" | "workflow_file_path"
>;

/**
 * `job({...})` creates a job; `job.status`, `job.container.id`, ... read GitHub's `job` context. One name
 * for both, because a builder and a context both called `job` would otherwise collide in one import.
 */
export const job: typeof createJob & JobContextFields = new Proxy(createJob, {
  get(target, property, receiver) {
    if (property in target) return Reflect.get(target, property, receiver);
    return (jobContext as unknown as Record<PropertyKey, unknown>)[property];
  },
}) as typeof createJob & JobContextFields;

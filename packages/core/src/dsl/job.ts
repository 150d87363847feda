/**
 * Jobs as values: `job({...})` returns a handle. Its id is the key it gets in a workflow's `jobs`;
 * `build.outputs.digest` renders `${{ needs.build.outputs.digest }}` and is checked at build time
 * against the reading job's `needs`.
 */
import { handleExpr, type Expr, type Script } from "../expr/index.ts";
import type { CallJobFields, NormalJobFields } from "../model/dsl-types.gen.ts";
import { JOB } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
import type { Lift, Text } from "./lift.ts";
import { outputHandles, type Result, type StepDefinition, type StepInput } from "./step.ts";
import type { JobPermissions } from "../permissions/modes.ts";

/** An item of `steps`: a step handle, a plain step object, or an `sh` script (a `run` step). */
export type StepItem = StepDefinition<string> | StepInput | Script;

/**
 * A job `needs`: job handles, or job ids as strings. `J` lists the ids a string may name: the keys of the
 * workflow's `jobs` for a job written inline there (so `needs: ["biuld"]` is a type error), any string for a
 * `job()` made on its own (the build checks it).
 */
export type Needs<J extends string = string> = AnyJob | J | readonly (AnyJob | J)[];

/** What a normal job accepts. */
export type NormalJobInput<J extends string = string> = Lift<NormalJobFields> & {
  needs?: Needs<J>;
  /** `"infer"` (the default when left out), a block that wfgen checks, or `unchecked(block)`. */
  permissions?: JobPermissions;
  steps: readonly StepItem[];
  outputs?: Record<string, Text>;
};

/** What a job that calls a reusable workflow accepts. */
export type CallJobInput<J extends string = string> = Lift<CallJobFields> & {
  needs?: Needs<J>;
  /** `"infer"` (the called workflow's needs, when this render produces it), a checked block, or `unchecked(block)`. */
  permissions?: JobPermissions;
  outputs?: Record<string, Text>;
};

/** Either kind of job; `J` is what `needs` may name (see `Needs`). */
export type JobInput<J extends string = string> = NormalJobInput<J> | CallJobInput<J>;

/**
 * What a job made for several workflows (a preset's job, a function of yours) says about itself. `E`: the
 * names of `meta.env`.
 */
export interface JobMeta<E extends string = string> {
  /**
   * The variables the job reads from `env` (`env.REGISTRY`, `$REGISTRY` in a script) and leaves to the
   * workflow that lists it to define: a workflow whose `env` lacks one does not compile, and fails the build.
   */
  readonly env?: readonly E[];
}

/**
 * A job handle. `O` lists its outputs; `E` the `env` names it needs its workflow to define (see
 * {@link JobMeta}), none for a job made by `job(input)`.
 */
export interface JobDefinition<O extends string = string, E extends string = never> {
  readonly [JOB]: true;
  readonly input: JobInput;
  readonly meta: JobMeta<E>;
  readonly site: CallSite;
  /** `${{ needs.<id>.outputs.<name> }}` (or `jobs.<id>.outputs.<name>` in `workflow_call` outputs). */
  readonly outputs: { readonly [K in O]: Expr<string> };
  /** `${{ needs.<id>.result }}`. */
  readonly result: Expr<Result>;
}

/** Any job handle, whatever it declares and needs. */
export type AnyJob = JobDefinition<string, string>;

/**
 * Create a job. Its id is the key under which a workflow lists it. `outputs` declares what other jobs read
 * as `handle.outputs.<name>`; reading a name it does not declare is a type error, and an error of the build.
 * `meta` is for a job made for several workflows (see {@link JobMeta}).
 */
export function job<O extends string = never, E extends string = never>(
  input: JobInput & { outputs?: Record<O, Text> },
  meta: JobMeta<E> = {},
): JobDefinition<O, E> {
  const definition = { [JOB]: true, input, meta, site: captureCallSite() } as Record<PropertyKey, unknown>;
  Object.defineProperties(definition, {
    outputs: { value: outputHandles(definition) },
    result: { value: handleExpr<Result>(definition, ["result"]) },
  });
  return definition as unknown as JobDefinition<O, E>;
}

/** Whether `value` is a job handle. */
export function isJobDefinition(value: unknown): value is AnyJob {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[JOB] === true;
}

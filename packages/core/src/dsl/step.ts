/**
 * Steps as values: `step({...})` returns a handle whose `outputs.x` renders `${{ steps.<id>.outputs.x }}`.
 * A referenced step without an `id` gets a stable derived one at build time (see lower-job.ts); steps
 * nobody references keep no `id`, as hand-written YAML does.
 */
import { handleExpr, type Expr, type Script } from "../expr/index.ts";
import type { PermissionsMap, StepFields } from "../model/dsl-types.gen.ts";
import { STEP } from "./brand.ts";
import { captureCallSite, type CallSite } from "./callsite.ts";
import type { AnyExpr, Lift } from "./lift.ts";

type StepKeys = Omit<Lift<StepFields>, "run">;

/** A step that runs a script: `run` as text or an `sh` script. */
export type RunStepInput = Omit<StepKeys, "uses" | "with"> & { run: string | Script | AnyExpr; uses?: never; with?: never };

/** A step that uses an action. */
export type UsesStepInput = Omit<StepKeys, "uses"> & { uses: string | AnyExpr; run?: never };

/** A step of another kind (`wait`, `wait-all`, `cancel`, `parallel`). */
export type ControlStepInput = StepKeys & { run?: never; uses?: never };

/** What a step definition accepts: the model's step keys, with expressions; `run` and `uses` exclude each other. */
export type StepInput = RunStepInput | UsesStepInput | ControlStepInput;

/** The conclusion/outcome values of a finished step or job. */
export type Result = "success" | "failure" | "cancelled" | "skipped";

/** Metadata a typed action binding attaches to its steps (intent, needs); empty for raw steps. */
export interface StepMeta {
  /** The action intent the step was created from, e.g. `docker/build-push-action@v7`. */
  action?: string;
  /**
   * The GITHUB_TOKEN scopes the step needs, declared by its author; they replace what wfgen would infer
   * for it (`{}` says it needs none). Required where wfgen cannot know, e.g. for `actions/github-script`.
   */
  permissions?: PermissionsMap;
  /**
   * What a typed binding found wrong with its call (an unknown input, a value of the wrong type...), which
   * the build reports at the call. @internal
   */
  problems?: readonly StepProblem[];
  /** The outputs the action declares, when known; the build rejects a read of any other. @internal */
  outputs?: readonly string[];
}

/** A problem of a step found when it was made, reported by the build at the step's call site. */
export interface StepProblem {
  code: string;
  message: string;
  fix: string;
  /** The key of the step it is about (`["with", "cache"]`), when it is about one. */
  key?: readonly (string | number)[];
}

/** A step handle. `O` lists the outputs the step is known to have (any name for raw steps). */
export interface StepDefinition<O extends string = string> {
  readonly [STEP]: true;
  readonly input: StepInput;
  readonly meta: StepMeta;
  readonly site: CallSite;
  /** `${{ steps.<id>.outputs.<name> }}` for each output. */
  readonly outputs: { readonly [K in O]: Expr<string> };
  /** `${{ steps.<id>.outcome }}`: the result before `continue-on-error` is applied. */
  readonly outcome: Expr<Result>;
  /** `${{ steps.<id>.conclusion }}`: the result after `continue-on-error` is applied. */
  readonly conclusion: Expr<Result>;
}

/** Create a step. Give it an `id` to fix the name GitHub sees; otherwise one is derived if it is referenced. */
export function step<O extends string = string>(input: StepInput, meta: StepMeta = {}): StepDefinition<O> {
  return makeStep<O>(input, meta, captureCallSite());
}

/** Shared by `step()` and typed action bindings, which capture the call site themselves. */
export function makeStep<O extends string>(input: StepInput, meta: StepMeta, site: CallSite): StepDefinition<O> {
  const definition = { [STEP]: true, input, meta, site } as StepDefinition<O> & Record<string, unknown>;
  Object.defineProperties(definition, {
    outputs: { value: outputHandles(definition) },
    outcome: { value: handleExpr<Result>(definition, ["outcome"]) },
    conclusion: { value: handleExpr<Result>(definition, ["conclusion"]) },
  });
  return definition;
}

/**
 * `handle.outputs`: every name gives an expression, declared or not, so that the build (not a bare
 * `undefined` in the YAML) reports an undeclared one to users who never run tsc.
 */
export function outputHandles(handle: object): Record<string, Expr<string>> {
  return new Proxy({} as Record<string, Expr<string>>, {
    get(cache, name) {
      if (typeof name !== "string" || name === "then") return undefined;
      return (cache[name] ??= handleExpr<string>(handle, ["outputs", name]));
    },
  });
}

/** Whether `value` is a step handle. */
export function isStepDefinition(value: unknown): value is StepDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[STEP] === true;
}

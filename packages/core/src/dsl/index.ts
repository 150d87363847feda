/**
 * The DSL a `workflows.ts` calls: the builders, typed expressions and scripts, and the helpers the action
 * bindings and presets build on. Its own entry (`@wfgen/core/dsl`) so that loading a user's workflows loads
 * none of the engine (model schemas, rules, GitHub's parser): the bundler splits along this line, and
 * `wfgen check` of unchanged files never loads the rest (docs/performance.md).
 */
export { workflow, type WorkflowDefinition, type WorkflowInput, type WorkflowMeta, type WorkflowSuppression } from "./workflow.ts";
export { fileNameProblem, MAX_FILE_NAME_LENGTH } from "./file-name.ts";
export {
  job,
  isJobDefinition,
  type AnyJob,
  type CallJobInput,
  type JobDefinition,
  type JobInput,
  type JobMeta,
  type Needs,
  type NormalJobInput,
  type StepItem,
} from "./job.ts";
export {
  step,
  makeStep,
  isStepDefinition,
  type ControlStepInput,
  type Result,
  type RunStepInput,
  type StepDefinition,
  type StepInput,
  type StepMeta,
  type StepProblem,
  type UsesStepInput,
} from "./step.ts";
export { uses, type UsesOptions } from "./uses.ts";
export { captureCallSite, resolveCallSite, type CallSite, type SourcePosition } from "./callsite.ts";
export type { AnyExpr, Lift, Text } from "./lift.ts";
export { isWorkflowDefinition } from "./brand.ts";
export * from "../expr/index.ts";
export { unchecked, type JobPermissions, type UncheckedPermissions } from "../permissions/modes.ts";
export { closest } from "../model/suggest.ts";

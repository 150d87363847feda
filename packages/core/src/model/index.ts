// The workflow model: zod schemas for the whole workflow syntax, the types inferred from them, and
// parseWorkflowModel. Keys are GitHub's own, verbatim; every mapping is strict, with `raw` as the escape
// hatch on the workflow, jobs, steps and event configurations.

export type {
  ActivityType,
  EventName,
  PermissionLevel,
  PermissionScope,
  ScopeLevel,
  WorkflowCallInputType,
  WorkflowDispatchInputType,
} from "../facts/index.ts";
export { ConcurrencyObjectSchema, ConcurrencySchema, type Concurrency } from "./concurrency.ts";
export {
  ContainerObjectSchema,
  ContainerSchema,
  ServiceContainerSchema,
  type Container,
  type ServiceContainer,
} from "./container.ts";
export { DefaultsRunSchema, DefaultsSchema, type Defaults } from "./defaults.ts";
export { EnvMapSchema, EnvSchema, ScalarSchema, type Env, type Scalar } from "./env.ts";
export { ConditionSchema, ExpressionString, isExpressionString, type Condition } from "./expression.ts";
export {
  WorkflowCallInputSchema,
  WorkflowCallInputsSchema,
  WorkflowCallOutputSchema,
  WorkflowCallOutputsSchema,
  WorkflowCallSecretSchema,
  WorkflowCallSecretsSchema,
  WorkflowDispatchInputSchema,
  WorkflowDispatchInputsSchema,
  type WorkflowCallInput,
  type WorkflowDispatchInput,
} from "./inputs.ts";
export {
  CallJobSchema,
  EnvironmentSchema,
  JobIdSchema,
  JobSchema,
  NeedsSchema,
  NormalJobSchema,
  RunsOnSchema,
  SnapshotSchema,
  type CallJob,
  type Environment,
  type Job,
  type NormalJob,
  type RunsOn,
} from "./job.ts";
export { formatPath, parseWorkflowModel, type ModelIssue, type ParseWorkflowResult } from "./parse.ts";
export { withStringsAsRead } from "./strings.ts";
export {
  PermissionsMapSchema,
  PermissionsSchema,
  PermissionsShorthandSchema,
  type Permissions,
  type PermissionsMap,
} from "./permissions.ts";
export { ParallelStepSchema, StepSchema, WithSchema, type ParallelStep, type Step, type With } from "./step.ts";
export { MatrixObjectSchema, MatrixSchema, StrategySchema, type Matrix, type Strategy } from "./strategy.ts";
export {
  EventNameSchema,
  GlobsSchema,
  OnObjectSchema,
  OnSchema,
  PushSchema,
  RepositoryDispatchSchema,
  ScheduleEntrySchema,
  WorkflowCallSchema,
  WorkflowDispatchSchema,
  type EventConfig,
  type On,
  type OnObject,
} from "./triggers.ts";
export { JobsSchema, WorkflowSchema, type Workflow, type WorkflowInput } from "./workflow.ts";

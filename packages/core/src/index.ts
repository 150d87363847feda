/**
 * @wfgen/core: the public API. Everything not exported here is internal and free to move.
 */
export { workflow, type WorkflowDefinition, type WorkflowInput } from "./dsl/workflow.ts";
export { job, isJobDefinition, type JobDefinition, type JobInput, type NormalJobInput, type CallJobInput, type StepItem } from "./dsl/job.ts";
export { step, makeStep, isStepDefinition, type StepDefinition, type StepInput, type StepMeta, type Result } from "./dsl/step.ts";
export { uses, type UsesOptions } from "./dsl/uses.ts";
export { captureCallSite, resolveCallSite, type CallSite, type SourcePosition } from "./dsl/callsite.ts";
export type { AnyExpr, Lift, Text } from "./dsl/lift.ts";
export { isWorkflowDefinition } from "./dsl/brand.ts";
export * from "./expr/index.ts";
export { renderWorkflows, renderWorkflow, type RenderedFile, type RenderOptions, type RenderResult } from "./render.ts";
export { emitYaml } from "./emit/emit.ts";
export { generatedHeader, isGeneratedFile } from "./emit/header.ts";
export { WfgenError, formatDiagnostic, formatPath, type Diagnostic, type Location, type Severity } from "./diagnostics.ts";
export { validateModel, checkWithGitHubParser, cronProblem } from "./validate/index.ts";
export * as model from "./model/index.ts";

/**
 * @wfgen/core: the public API. Everything not exported here is internal and free to move.
 */
export * from "./dsl/index.ts";
export { asBuiltFinding, BUILD_LINT_RULES } from "./build-lint.ts";
export { finishWorkflows, renderWorkflows, renderWorkflow, type RenderedFile, type RenderLintOptions, type RenderOptions, type RenderResult } from "./render.ts";
export { emitYaml } from "./emit/emit.ts";
export { generatedHeader, isGeneratedFile } from "./emit/header.ts";
export {
  WfgenError,
  formatDiagnostic,
  formatModelPath,
  formatPath,
  pathContext,
  type Diagnostic,
  type Location,
  type Severity,
} from "./diagnostics.ts";
export { checkWithGitHubParser, cronProblem } from "./validate/index.ts";
export * as model from "./model/index.ts";
export {
  explainPermissions,
  explanationJson,
  formatExplanation,
  type ExplainResult,
  type Explanation,
  type ExplanationJson,
  type ExplainedJob,
  type ExplainedReason,
  type ExplainedScope,
} from "./permissions/explain.ts";
export { beyondGrant } from "./permissions/scopes.ts";
export { planPermissions, type JobMode, type JobPlan, type WorkflowPermissions, type WorkflowSource } from "./permissions/plan.ts";
export { ACTION_KNOWLEDGE, knowledgeOf, type ActionKnowledge } from "./permissions/knowledge.ts";
export {
  LOCK_FILE,
  LockSchema,
  TAG_NAME,
  emptyLock,
  isUnpinned,
  parseLock,
  type Lock,
  type LockedAction,
  type LockedImage,
  type PinnedAction,
  type UnpinnedAction,
} from "./lock/schema.ts";
export { serializeLock } from "./lock/serialize.ts";
export { hasDigest, isCommitSha, isFullSha, parseImage, parseUses, type ImageRef, type RemoteIntent, type UsesIntent } from "./lock/intent.ts";
export { pinModel, type PinComment, type PinResult } from "./lock/pin-model.ts";
export { collectIntents, collectWorkflowIntents, type IntentUse } from "./lock/collect.ts";
export type { ModelPath as PinPath } from "./lock/sites.ts";
// Lint: workflow YAML read with source positions, the rule engine and its rules, and the renderers of
// findings (text, JSON, SARIF, GitHub annotations).
export { composeDocuments } from "./source/compose.ts";
export { COLLECTION_KEY, collectionKey, parseYamlSource, type ModelPath, type ParseYamlResult, type SourceComment, type TextPosition, type YamlSource } from "./source/yaml.ts";
export { documentKind, lintModel, lintSource, lintYaml, lintYamlWith, type LintModelOptions } from "./rules/lint.ts";
export { ENGINE_CODES, RULES } from "./rules/index.ts";
export { BUILD_CODES } from "./rules/build-codes.ts";
export { allCodes, canonicalCode, codeInfo, knownCodeIds, type CodeInfo } from "./rules/codes.ts";
export { inferredPermissions } from "./rules/permissions-engine.ts";
export type {
  ActionMetadata,
  ActionMetadataProvider,
  AnyRule,
  Finding,
  JobPermissionNeeds,
  LintOptions,
  LintResult,
  PermissionNeed,
  PermissionsAnalyzer,
  Rule,
  SkippedRule,
  SuppressedFinding,
  Suppression,
  TagCatalog,
} from "./rules/types.ts";
export {
  countBySeverity,
  escapeData,
  escapeProperty,
  failsAt,
  githubAnnotations,
  jsonReport,
  mergeResults,
  renderJson,
  renderSarif,
  renderText,
  ruleDescriptors,
  sarifReport,
  SARIF_SCHEMA,
  summaryLine,
  textReport,
  type JsonFinding,
  type JsonReport,
  type RenderTextOptions,
  type ReportInput,
  type RuleDescriptor,
  type SarifLog,
  type SarifOptions,
  type TextFinding,
  type TextGroup,
} from "./report/index.ts";

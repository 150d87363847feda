/**
 * Typed GitHub Actions expressions: `Expr<T>`, contexts, operators and functions, rendering, placeholders in
 * strings, and the `sh` / `pwsh` script templates that keep expressions out of script text.
 */
export type {
  CallNode,
  ComparisonNode,
  ComparisonOperator,
  ContextNode,
  FilterNode,
  HandleNode,
  Handle,
  HasNode,
  IndexNode,
  LiteralNode,
  LiteralValue,
  LogicalNode,
  Node,
  NotNode,
  PropertyNode,
  RawNode,
} from "./node.ts";
export { renderString } from "./literal.ts";
export { noHandles, type RenderContext, renderExpression, renderInterpolation, renderNode } from "./render.ts";
export {
  type BooleanLike,
  Expr,
  expr,
  type Exprish,
  handleExpr,
  isExpr,
  type JsonValue,
  nodeOf,
  type NumberLike,
  type OpenPath,
  type Operand,
  type PathExpr,
  type PathKey,
  type StringLike,
  toExpr,
  type ValueOf,
} from "./expr.ts";
export { and, eq, ge, gt, le, lt, ne, not, or } from "./operators.ts";
export {
  always,
  cancelled,
  contains,
  endsWith,
  failure,
  format,
  fromJSON,
  hashFiles,
  join,
  startsWith,
  success,
  toJSON,
} from "./functions.ts";
export {
  type ContainerInfo,
  contextNames,
  env,
  github,
  type GithubContext,
  inputs,
  jobContext,
  type JobContext,
  jobs,
  matrix,
  needs,
  runner,
  type RunnerContext,
  secrets,
  steps,
  strategy,
  type StrategyContext,
  vars,
} from "./contexts.ts";
export {
  collectReferences,
  type ContextReference,
  parseContextPath,
  type ReferenceVisitor,
  type References,
  walkReferences,
} from "./references.ts";
export { type FunctionArity, functionArity, type Offsets, parseExpression, type ParseError, type ParseErrorKind, type ParseResult, WORKFLOW_FUNCTIONS } from "./parse.ts";
export { hasTokens, resolveTokens, splitTokens, tokensIn } from "./tokens.ts";
export { derivedName, existingVariable, isSafeName } from "./env-names.ts";
export {
  isScript,
  type LoweredScript,
  lowerScript,
  pwsh,
  Script,
  type ScriptValue,
  script,
  sh,
  type Shell,
} from "./sh.ts";

/**
 * The expression AST. Nodes are plain immutable data so that validation, lint and the `sh` lowering can
 * walk them without knowing about the `Expr` wrapper or its proxies.
 */

/** A value GitHub's expression language can write literally. */
export type LiteralValue = string | number | boolean | null;

/** A literal: `'text'`, `42`, `true`, `null`. */
export interface LiteralNode {
  readonly kind: "literal";
  readonly value: LiteralValue;
}

/** A context root: `github`, `secrets`, `steps`, ... */
export interface ContextNode {
  readonly kind: "context";
  readonly name: string;
}

/** `object.name`, or `object['name']` when the name is not an identifier. */
export interface PropertyNode {
  readonly kind: "property";
  readonly object: Node;
  readonly name: string;
}

/** `object[index]` with a computed index. */
export interface IndexNode {
  readonly kind: "index";
  readonly object: Node;
  readonly index: Node;
}

/** The object filter `object.*` (`github.event.pull_request.labels.*.name`). */
export interface FilterNode {
  readonly kind: "filter";
  readonly object: Node;
}

/** A function call, by GitHub's name (`contains`, `hashFiles`, `success`, ...). */
export interface CallNode {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Node[];
}

/** `!operand`. */
export interface NotNode {
  readonly kind: "not";
  readonly operand: Node;
}

/** The comparison operators. */
export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** `left <op> right` for a comparison. */
export interface ComparisonNode {
  readonly kind: "comparison";
  readonly op: ComparisonOperator;
  readonly left: Node;
  readonly right: Node;
}

/** `a && b && c` or `a || b || c`; both are associative, so they are n-ary. */
export interface LogicalNode {
  readonly kind: "logical";
  readonly op: "&&" | "||";
  readonly args: readonly Node[];
}

/**
 * Anything expressions can reference through a `HandleNode`: the DSL's step and job handles. Deliberately
 * empty; what a handle means is the `RenderContext`'s business.
 */
export interface Handle {}

/**
 * A reference to a step or job output (or any value the DSL owns) whose context path is only known at build
 * time, e.g. a step whose id is derived. Rendering asks the `RenderContext` for the path text.
 */
export interface HandleNode {
  readonly kind: "handle";
  readonly handle: object;
  readonly path: readonly string[];
}

/** Hand-written expression text, rendered verbatim. */
export interface RawNode {
  readonly kind: "raw";
  readonly text: string;
}

/** Any expression node. */
export type Node =
  | LiteralNode
  | ContextNode
  | PropertyNode
  | IndexNode
  | FilterNode
  | CallNode
  | NotNode
  | ComparisonNode
  | LogicalNode
  | HandleNode
  | RawNode;

/** The key under which an `Expr` keeps its node: a symbol, so that no context property name can shadow it. */
export const NODE: unique symbol = Symbol("wfgen.expr.node");

/** Anything carrying a node under `NODE` (an `Expr`); lets the renderer avoid a runtime import of `Expr`. */
export interface HasNode {
  readonly [NODE]: Node;
}

/** `name` can follow a dot in GitHub's expression syntax (its lexer's identifier rule). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

/**
 * How deep expressions may nest. GitHub's own parser stops far sooner; this bound only keeps every walker
 * over the tree (rendering, checks, the `sh` lowering) from exhausting the stack on a generated expression.
 */
export const MAX_EXPRESSION_DEPTH = 256;

const depths = new WeakMap<Node, number>();

/** The nesting depth of `node` (a leaf is 1); cached, so building a tree node by node stays linear. */
export function nodeDepth(node: Node): number {
  const known = depths.get(node);
  if (known !== undefined) return known;
  let children: readonly Node[];
  switch (node.kind) {
    case "property":
    case "filter":
      children = [node.object];
      break;
    case "index":
      children = [node.object, node.index];
      break;
    case "call":
    case "logical":
      children = node.args;
      break;
    case "not":
      children = [node.operand];
      break;
    case "comparison":
      children = [node.left, node.right];
      break;
    default:
      children = [];
  }
  const depth = 1 + children.reduce((max, child) => Math.max(max, nodeDepth(child)), 0);
  depths.set(node, depth);
  return depth;
}

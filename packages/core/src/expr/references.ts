/**
 * What an expression reads: context paths, handles and function calls. Validation uses it for `needs` and
 * step-scope checks, lint for injection-prone contexts, the DSL for status functions in `if:`.
 */
import type { Expr } from "./expr.ts";
import { type CallNode, type ContextNode, type HandleNode, NODE, type Node } from "./node.ts";
import { parseExpression } from "./parse.ts";

/** A context read, with its static path: `needs.build.outputs.digest` -> `needs` + `[build, outputs, digest]`. */
export interface ContextReference {
  /** The context name, lowercase (GitHub's context names are case-insensitive). */
  readonly context: string;
  /** Property names below the context, `*` for the object filter; stops before the first computed index. */
  readonly path: readonly string[];
}

/** Everything an expression references, in order of appearance (with repeats). */
export interface References {
  readonly contexts: ContextReference[];
  readonly handles: HandleNode[];
  /** Function names as written (`hashFiles`, `success`, ...). */
  readonly functions: string[];
}

/** The contexts, handles and functions `expr` uses; hand-written `expr.raw` text is parsed too. */
export function collectReferences(expr: Expr<unknown> | Node): References {
  const refs: References = { contexts: [], handles: [], functions: [] };
  walkReferences("kind" in expr ? expr : expr[NODE], {
    context: (reference) => refs.contexts.push(reference),
    handle: (node) => refs.handles.push(node),
    call: (node) => refs.functions.push(node.name),
  });
  return refs;
}

/** What {@link walkReferences} reports, with the nodes, so that callers can find where each is written. */
export interface ReferenceVisitor {
  /** A context read; `node` is its root (`github` of `github.ref`). */
  context(reference: ContextReference, node: ContextNode): void;
  handle(node: HandleNode): void;
  call(node: CallNode): void;
}

/**
 * Visits every context read, handle and function call of an expression tree, in order of appearance.
 * `raw` text is parsed with GitHub's parser; text that does not parse reads nothing (it is reported as
 * a syntax error where the workflow is checked).
 */
export function walkReferences(node: Node, visitor: ReferenceVisitor): void {
  visit(node, [], visitor);
}

// Walks from the outermost access towards the root, prepending names, so the root sees its whole path.
function visit(node: Node, below: string[], visitor: ReferenceVisitor): void {
  switch (node.kind) {
    case "literal":
      return;
    case "context":
      visitor.context({ context: node.name.toLowerCase(), path: below }, node);
      return;
    case "property":
      return visit(node.object, [node.name, ...below], visitor);
    case "filter":
      return visit(node.object, ["*", ...below], visitor);
    case "index":
      if (node.index.kind === "literal" && node.index.value !== null && typeof node.index.value !== "boolean") {
        return visit(node.object, [String(node.index.value), ...below], visitor);
      }
      visit(node.index, [], visitor);
      return visit(node.object, [], visitor);
    case "handle":
      visitor.handle(node);
      return;
    case "call":
      visitor.call(node);
      for (const arg of node.args) visit(arg, [], visitor);
      return;
    case "not":
      return visit(node.operand, [], visitor);
    case "comparison":
      visit(node.left, [], visitor);
      return visit(node.right, [], visitor);
    case "logical":
      for (const arg of node.args) visit(arg, [], visitor);
      return;
    case "raw": {
      const parsed = parseExpression(node.text);
      if (parsed.ok) visit(parsed.node, below, visitor);
      return;
    }
  }
}

/** `text` as a context path when it is exactly one (`steps.meta.outputs.tags`, `inputs['a b']`). */
export function parseContextPath(text: string): ContextReference | undefined {
  const parsed = parseExpression(text);
  if (!parsed.ok) return undefined;
  const path: string[] = [];
  let node = parsed.node;
  for (;;) {
    if (node.kind === "property") path.unshift(node.name);
    else if (node.kind === "filter") path.unshift("*");
    else if (node.kind === "index" && node.index.kind === "literal" && typeof node.index.value === "number") path.unshift(String(node.index.value));
    else break;
    node = node.object;
  }
  return node.kind === "context" ? { context: node.name.toLowerCase(), path } : undefined;
}

/**
 * What an expression reads: context paths, handles and function calls. Validation uses it for `needs` and
 * step-scope checks, lint for injection-prone contexts, the DSL for status functions in `if:`.
 */
import { contextNames } from "./contexts.ts";
import type { Expr } from "./expr.ts";
import { type HandleNode, NODE, type Node } from "./node.ts";

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

/** The contexts, handles and functions `expr` uses; hand-written `expr.raw` text is scanned too. */
export function collectReferences(expr: Expr<unknown> | Node): References {
  const refs: References = { contexts: [], handles: [], functions: [] };
  visit("kind" in expr ? expr : expr[NODE], [], refs);
  return refs;
}

// Walks from the outermost access towards the root, prepending names, so the root sees its whole path.
function visit(node: Node, below: string[], refs: References): void {
  switch (node.kind) {
    case "literal":
      return;
    case "context":
      refs.contexts.push({ context: node.name.toLowerCase(), path: below });
      return;
    case "property":
      return visit(node.object, [node.name, ...below], refs);
    case "filter":
      return visit(node.object, ["*", ...below], refs);
    case "index":
      if (node.index.kind === "literal" && node.index.value !== null && typeof node.index.value !== "boolean") {
        return visit(node.object, [String(node.index.value), ...below], refs);
      }
      visit(node.index, [], refs);
      return visit(node.object, [], refs);
    case "handle":
      refs.handles.push(node);
      return;
    case "call":
      refs.functions.push(node.name);
      for (const arg of node.args) visit(arg, [], refs);
      return;
    case "not":
      return visit(node.operand, [], refs);
    case "comparison":
      visit(node.left, [], refs);
      return visit(node.right, [], refs);
    case "logical":
      for (const arg of node.args) visit(arg, [], refs);
      return;
    case "raw":
      return scanRaw(node.text, refs);
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;
const CALL = /\s*\(/y;
const SEGMENT = /\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*|\*)|\[\s*(?:'((?:[^']|'')*)'|(\d+)|(\*))\s*\])/y;

/** `text` as a context path when it is exactly one (`steps.meta.outputs.tags`, `inputs['a b']`). */
export function parseContextPath(text: string): ContextReference | undefined {
  const root = matchAt(IDENT, text, 0);
  if (!root || !contextNames.includes(root[0].toLowerCase())) return undefined;
  const path: string[] = [];
  let i = root[0].length;
  for (let seg = matchAt(SEGMENT, text, i); seg; seg = matchAt(SEGMENT, text, i)) {
    path.push(segmentName(seg));
    i += seg[0].length;
  }
  return i === text.length ? { context: root[0].toLowerCase(), path } : undefined;
}

function segmentName(seg: RegExpExecArray): string {
  return seg[1] ?? seg[2]?.replaceAll("''", "'") ?? seg[3] ?? (seg[4] as string);
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** A lexer-level scan of hand-written text: enough to find context paths and calls, not a parser. */
function scanRaw(text: string, refs: References): void {
  let afterDot = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      i++;
      afterDot = false;
      continue;
    }
    const number = matchAt(NUMBER, text, i);
    if (number) {
      i += number[0].length;
      afterDot = false;
      continue;
    }
    const ident = matchAt(IDENT, text, i);
    if (!ident) {
      if (!/\s/.test(c)) afterDot = c === ".";
      i++;
      continue;
    }
    const word = ident[0];
    i += word.length;
    if (afterDot) {
      afterDot = false;
      continue;
    }
    if (matchAt(CALL, text, i)) {
      refs.functions.push(word);
      continue;
    }
    if (!contextNames.includes(word.toLowerCase())) continue;
    const path: string[] = [];
    for (let seg = matchAt(SEGMENT, text, i); seg; seg = matchAt(SEGMENT, text, i)) {
      path.push(segmentName(seg));
      i += seg[0].length;
    }
    refs.contexts.push({ context: word.toLowerCase(), path });
  }
}

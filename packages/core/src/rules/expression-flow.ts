/**
 * What the rules ask of a parsed expression (expr/parse.ts, GitHub's own parser) beyond the names it
 * reads: which context values can reach its result (a comparison yields only true or false, `a || b`
 * yields either side), the path a context access reads, and whether a condition is a constant.
 */
import { parseExpression as parse } from "../expr/parse.ts";
import type { LiteralValue, Node } from "../expr/node.ts";

/** The parsed expression, or undefined when it does not parse (expression-syntax reports that). */
export function parseExpression(inner: string): Node | undefined {
  const result = parse(inner);
  return result.ok ? result.node : undefined;
}

/** A context path read by an expression: `github.event.issue.title` as `["github", "event", "issue", "title"]`, `*` for filters and computed indexes. */
export type ReadPath = readonly string[];

// Functions whose result is a boolean or a hash, whatever their arguments hold.
const OPAQUE = new Set(["contains", "startswith", "endswith", "success", "always", "failure", "cancelled", "hashfiles"]);

/**
 * The context paths whose text can end up in the expression's result. A comparison, `!` and
 * `contains`/`startsWith`/`endsWith` give only true or false; `a && b` gives b, or a falsy a (`''`, `0`,
 * `false`, `null`, which carry no text); `a || b` gives either; `format`, `join`, `toJSON`, `fromJSON`
 * and `case` pass their arguments through. A computed index (`a[b]`) reads any property of `a`.
 */
export function valuePaths(node: Node): ReadPath[] {
  switch (node.kind) {
    case "literal":
    case "not":
    case "comparison":
    case "handle":
    case "raw":
      return [];
    case "logical":
      return (node.op === "&&" ? node.args.slice(-1) : node.args).flatMap(valuePaths);
    case "call": {
      const name = node.name.toLowerCase();
      if (OPAQUE.has(name)) return [];
      // case(pred1, value1, ..., default): only the values and the default reach the result.
      if (name === "case") return node.args.filter((_, i) => i % 2 === 1 || i === node.args.length - 1).flatMap(valuePaths);
      return node.args.flatMap(valuePaths);
    }
    default: {
      const path = accessPath(node);
      return path ? [path] : [];
    }
  }
}

/** `github.event.issue.title` as a path; undefined for anything that is not a context access. */
export function accessPath(node: Node): ReadPath | undefined {
  switch (node.kind) {
    case "context":
      return [node.name];
    case "property":
    case "filter":
    case "index": {
      const base = accessPath(node.object);
      if (!base) return undefined;
      if (node.kind === "property") return [...base, node.name];
      if (node.kind === "index" && node.index.kind === "literal" && typeof node.index.value === "number") return [...base, String(node.index.value)];
      return [...base, "*"];
    }
    default:
      return undefined;
  }
}

/** The direct sub-expressions of a node. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case "not":
      return [node.operand];
    case "comparison":
      return [node.left, node.right];
    case "logical":
    case "call":
      return [...node.args];
    case "property":
    case "filter":
      return [node.object];
    case "index":
      return [node.object, node.index];
    default:
      return [];
  }
}

/** The text of a string literal; undefined for anything else. */
export function stringLiteral(node: Node): string | undefined {
  return node.kind === "literal" && typeof node.value === "string" ? node.value : undefined;
}

/** The path as expression text, lowercase, for matching (`github.event.pages.*.page_name`). */
export function pathText(path: ReadPath): string {
  return path.join(".").toLowerCase();
}

/** The value of an expression that reads no context and calls no function; undefined otherwise. */
export function constantValue(node: Node): LiteralValue | undefined {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "not": {
      const value = constantValue(node.operand);
      return value === undefined ? undefined : !truthy(value);
    }
    case "comparison": {
      const left = constantValue(node.left);
      const right = constantValue(node.right);
      if (left === undefined || right === undefined) return undefined;
      if (node.op === "==") return looseEquals(left, right);
      if (node.op === "!=") return !looseEquals(left, right);
      return undefined;
    }
    case "logical": {
      const values = node.args.map(constantValue);
      if (values.some((v) => v === undefined)) return undefined;
      if (node.op === "&&") return values.find((v) => !truthy(v!)) ?? values.at(-1);
      return values.find((v) => truthy(v!)) ?? values.at(-1);
    }
    default:
      return undefined;
  }
}

/** How GitHub's expressions coerce a value to a boolean. */
export function truthy(value: LiteralValue): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value !== "";
}

// Equality of literals: strings compare without case; otherwise values of different kinds compare as numbers.
function looseEquals(a: LiteralValue, b: LiteralValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const number = (v: LiteralValue): number => (v === null ? 0 : typeof v === "boolean" ? Number(v) : typeof v === "number" ? v : v.trim() === "" ? 0 : Number(v));
  return number(a) === number(b);
}

/**
 * Hand-written `${{ }}` text read with GitHub's own expression parser (`@actions/expressions`), for the
 * rules that need more than a context name: which values can reach an expression's result (a comparison
 * yields only true or false, `a || b` yields either side), and whether a condition is constant.
 */
import { Lexer, Parser } from "@actions/expressions";
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Star, Unary, type Expr } from "@actions/expressions/ast";
import { Kind } from "@actions/expressions/data/expressiondata";
import { contextNames } from "../expr/contexts.ts";

export type ExpressionAst = Expr;

// Every context and status function a workflow or action may use: the parser refuses unknown names, and
// telling which names are valid where is the expression checker's business, not these rules'.
const CONTEXTS = [...contextNames];
const FUNCTIONS = [
  { name: "success", minArgs: 0, maxArgs: 0 },
  { name: "always", minArgs: 0, maxArgs: 0 },
  { name: "failure", minArgs: 0, maxArgs: 0 },
  { name: "cancelled", minArgs: 0, maxArgs: 0 },
  { name: "hashFiles", minArgs: 1, maxArgs: 255 },
];

/** The parsed expression, or undefined when it does not parse (the expression checker reports that). */
export function parseExpression(inner: string): ExpressionAst | undefined {
  try {
    const lexed = new Lexer(inner).lex();
    return new Parser(lexed.tokens, CONTEXTS, FUNCTIONS).parse();
  } catch {
    return undefined;
  }
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
export function valuePaths(ast: ExpressionAst): ReadPath[] {
  if (ast instanceof Grouping) return valuePaths(ast.group);
  if (ast instanceof Literal || ast instanceof Unary || ast instanceof Binary) return [];
  if (ast instanceof Logical) {
    const args = ast.operator.lexeme === "&&" ? ast.args.slice(-1) : ast.args;
    return args.flatMap(valuePaths);
  }
  if (ast instanceof FunctionCall) {
    const name = ast.functionName.lexeme.toLowerCase();
    if (OPAQUE.has(name)) return [];
    // case(pred1, value1, ..., default): only the values and the default reach the result.
    if (name === "case") return ast.args.filter((_, i) => i % 2 === 1 || i === ast.args.length - 1).flatMap(valuePaths);
    return ast.args.flatMap(valuePaths);
  }
  const path = accessPath(ast);
  return path ? [path] : [];
}

/** `github.event.issue.title` as a path; undefined for anything that is not a context access. */
export function accessPath(ast: ExpressionAst): ReadPath | undefined {
  if (ast instanceof ContextAccess) return [ast.name.lexeme];
  if (ast instanceof IndexAccess) {
    const base = accessPath(ast.expr);
    if (!base) return undefined;
    if (ast.index instanceof Star) return [...base, "*"];
    if (ast.index instanceof Literal && (ast.index.literal.kind === Kind.String || ast.index.literal.kind === Kind.Number)) {
      return [...base, ast.index.literal.coerceString()];
    }
    return [...base, "*"];
  }
  return undefined;
}

/** The direct sub-expressions of a node. */
export function childrenOf(node: ExpressionAst): ExpressionAst[] {
  if (node instanceof Grouping) return [node.group];
  if (node instanceof Unary) return [node.expr];
  if (node instanceof Binary) return [node.left, node.right];
  if (node instanceof Logical || node instanceof FunctionCall) return [...node.args];
  if (node instanceof IndexAccess) return node.index instanceof Star ? [node.expr] : [node.expr, node.index];
  return [];
}

/** The text of a string literal; undefined for anything else. */
export function stringLiteral(ast: ExpressionAst): string | undefined {
  return ast instanceof Literal && ast.literal.kind === Kind.String ? ast.literal.coerceString() : undefined;
}

/** The path as expression text, lowercase, for matching (`github.event.pages.*.page_name`). */
export function pathText(path: ReadPath): string {
  return path.join(".").toLowerCase();
}

/** The value of an expression that reads no context and calls no status function; undefined otherwise. */
export function constantValue(ast: ExpressionAst): string | number | boolean | null | undefined {
  if (ast instanceof Grouping) return constantValue(ast.group);
  if (ast instanceof Literal) {
    const data = ast.literal;
    if (data.kind === Kind.Null) return null;
    return (data as unknown as { value: string | number | boolean }).value;
  }
  if (ast instanceof Unary) {
    const value = constantValue(ast.expr);
    return value === undefined ? undefined : !truthy(value);
  }
  if (ast instanceof Binary) {
    const left = constantValue(ast.left);
    const right = constantValue(ast.right);
    if (left === undefined || right === undefined) return undefined;
    const op = ast.operator.lexeme;
    if (op === "==") return looseEquals(left, right);
    if (op === "!=") return !looseEquals(left, right);
    return undefined;
  }
  if (ast instanceof Logical) {
    const values = ast.args.map(constantValue);
    if (values.some((v) => v === undefined)) return undefined;
    if (ast.operator.lexeme === "&&") return values.find((v) => !truthy(v!)) ?? values.at(-1);
    return values.find((v) => truthy(v!)) ?? values.at(-1);
  }
  return undefined;
}

/** How GitHub's expressions coerce a value to a boolean. */
export function truthy(value: string | number | boolean | null): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value !== "";
}

// Equality of literals: strings compare without case; otherwise values of different kinds compare as numbers.
function looseEquals(a: string | number | boolean | null, b: string | number | boolean | null): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const number = (v: string | number | boolean | null): number => (v === null ? 0 : typeof v === "boolean" ? Number(v) : typeof v === "number" ? v : v.trim() === "" ? 0 : Number(v));
  return number(a) === number(b);
}

export { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Star, Unary };

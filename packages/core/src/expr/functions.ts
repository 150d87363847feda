/**
 * GitHub's expression functions, each returning the type GitHub's evaluator produces.
 */
import { Expr, type Operand, type PathExpr, pathExpr, type StringLike, toNode } from "./expr.ts";
import type { Node } from "./node.ts";

function call(name: string, args: readonly Operand[]): Node {
  return { kind: "call", name, args: args.map(toNode) };
}

/** `contains(search, item)`: substring test on a string, element test on an array. */
export function contains(search: Operand, item: Operand): Expr<boolean> {
  return new Expr(call("contains", [search, item]));
}

/** `startsWith(searchString, searchValue)` (case-insensitive in GitHub). */
export function startsWith(searchString: StringLike, searchValue: StringLike): Expr<boolean> {
  return new Expr(call("startsWith", [searchString, searchValue]));
}

/** `endsWith(searchString, searchValue)` (case-insensitive in GitHub). */
export function endsWith(searchString: StringLike, searchValue: StringLike): Expr<boolean> {
  return new Expr(call("endsWith", [searchString, searchValue]));
}

/**
 * Checks a constant format string the way GitHub's `format` reads it, so that a mistake is a build error
 * instead of a failed run: `{N}` needs an argument N, and literal braces are written `{{` and `}}`.
 */
function checkFormat(fmt: string, argCount: number): void {
  const fail = (why: string) => new TypeError(`format(${JSON.stringify(fmt)}, ...): ${why}`);
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "{" && c !== "}") continue;
    if (fmt[i + 1] === c) {
      i++;
      continue;
    }
    if (c === "}") throw fail(`a lone '}' at offset ${i}; write '}}' for a literal brace.`);
    const placeholder = /^\{(\d+)\}/.exec(fmt.slice(i));
    if (!placeholder) throw fail(`a lone '{' at offset ${i}; write '{{' for a literal brace.`);
    const index = Number(placeholder[1]);
    if (index >= argCount) throw fail(`{${index}} needs ${index + 1} argument(s), got ${argCount}.`);
    i += placeholder[0].length - 1;
  }
}

/**
 * `format(fmt, ...args)`: `{0}` .. `{N}` in `fmt` are replaced by the arguments. A constant `fmt` is checked
 * at build time. For plain concatenation a JS template literal (`${env.A}/${env.B}`) is simpler.
 */
export function format(fmt: StringLike, ...args: Operand[]): Expr<string> {
  if (typeof fmt === "string") {
    if (toNode(fmt).kind !== "literal") {
      throw new TypeError("format(): the format string contains an expression; pass it as an argument ({0}).");
    }
    checkFormat(fmt, args.length);
  }
  return new Expr(call("format", [fmt, ...args]));
}

/** `join(array, separator?)`: the elements joined with `separator` (GitHub's default is `,`). */
export function join(array: Operand, separator?: StringLike): Expr<string> {
  return new Expr(call("join", separator === undefined ? [array] : [array, separator]));
}

/** `toJSON(value)`: pretty-printed JSON text of any value (handy for debugging a context). */
export function toJSON(value: Operand): Expr<string> {
  return new Expr(call("toJSON", [value]));
}

/**
 * `fromJSON(json)`: parses JSON text. `T` is the caller's claim about the shape; the result's properties are
 * paths (`fromJSON<{ os: string[] }>(x).os`).
 */
export function fromJSON<T = unknown>(json: StringLike): PathExpr<T> {
  return pathExpr<T>(call("fromJSON", [json]));
}

/** `hashFiles(...patterns)`: SHA-256 of the files matching the glob patterns (only in steps). */
export function hashFiles(...patterns: [StringLike, ...StringLike[]]): Expr<string> {
  if (patterns.length === 0) throw new TypeError("hashFiles() needs at least one pattern.");
  return new Expr(call("hashFiles", patterns));
}

/** `success()`: no previous step (or needed job) failed or was cancelled; GitHub's implicit `if`. */
export function success(): Expr<boolean> {
  return new Expr(call("success", []));
}

/** `always()`: run even after failure or cancellation. */
export function always(): Expr<boolean> {
  return new Expr(call("always", []));
}

/** `failure()`: a previous step (or needed job) failed. */
export function failure(): Expr<boolean> {
  return new Expr(call("failure", []));
}

/** `cancelled()`: the workflow run was cancelled. */
export function cancelled(): Expr<boolean> {
  return new Expr(call("cancelled", []));
}

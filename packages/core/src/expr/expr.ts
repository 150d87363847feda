/**
 * `Expr<T>`: an immutable expression with a phantom value type, plus the path proxies that make
 * `github.event.pull_request.title` or `steps.build.outputs.digest` expressions.
 */
import { renderNumber } from "./literal.ts";
import { type ComparisonOperator, type HandleNode, type LiteralValue, MAX_EXPRESSION_DEPTH, NODE, type Node, nodeDepth } from "./node.ts";
import { renderNode } from "./render.ts";
import { hasTokens, splitTokens, tokenFor } from "./tokens.ts";

declare const VALUE: unique symbol;

/** A JSON value; arrays and objects become `fromJSON('...')` when used as an expression operand. */
export type JsonValue = LiteralValue | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Anything accepted where an expression operand is expected: an `Expr`, or a constant JS value. */
export type Operand = Expr<unknown> | JsonValue;

/** `T` or an expression producing `T`. */
export type Exprish<T> = T | Expr<T>;

/** Fields that accept text: a string (placeholders allowed), or any expression (GitHub stringifies it). */
export type StringLike = string | Expr<string> | Expr<unknown>;

/** Fields that accept a number or an expression. */
export type NumberLike = number | Expr<number> | Expr<unknown>;

/** Fields that accept a boolean or an expression (`if:`-style fields, `continue-on-error`, ...). */
export type BooleanLike = boolean | Expr<boolean> | Expr<unknown>;

/** The value type an operand stands for: `Expr<T>` -> `T`, a JS constant -> its widened type. */
export type ValueOf<O> =
  O extends Expr<infer V> ? V : O extends string ? string : O extends number ? number : O extends boolean ? boolean : O;

/**
 * A path of a shape only the workflow knows (`secrets`, `env`, `matrix`, `needs`, `github.event`, ...): every
 * property read is a deeper expression, `secrets.NPM_TOKEN` or `github.event.pull_request.head.ref`.
 *
 * `any` on purpose: it is the one type that takes any property name under every compiler option users run.
 * An index signature makes each read `| undefined` under `noUncheckedIndexedAccess` and rejects `.name` under
 * `noPropertyAccessFromIndexSignature` (both are on in a new `tsc --init` project).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenPath = any;

/**
 * An expression whose properties are deeper paths: `x.a.b` and `x["a-b"]` are expressions too. Known shapes
 * (from `fromJSON<T>` or typed contexts) give typed members; unknown ones accept any name.
 */
export type PathExpr<T = unknown> = unknown extends T ? OpenPath : Expr<T> & PathMembers<T>;

// Arrays and records are read by index, which those options type as possibly missing: they stay open.
type PathMembers<T> = T extends readonly unknown[]
  ? OpenPath
  : T extends object
    ? string extends keyof T
      ? OpenPath
      : { readonly [K in keyof T & string]-?: PathExpr<T[K]> }
    : unknown;

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Renders handles as `<handle>` so that inspecting an expression never needs a build context. */
const inspectContext = {
  resolveHandle: (_: object, path: readonly string[]) => ["<handle>", ...path].join("."),
};

/**
 * An expression producing a value of type `T` (phantom: it exists only for the type checker). Immutable.
 * In a JS string (template literal) it becomes a placeholder token that the build resolves to `${{ ... }}`.
 */
export class Expr<T = unknown> {
  declare readonly [VALUE]?: T;
  /** The AST; read with `nodeOf(expr)`. A symbol key, so that `matrix.node` stays a matrix value. */
  readonly [NODE]: Node;

  /** Wraps a node; prefer the builders (`expr.lit`, contexts, functions) over calling this directly. */
  constructor(node: Node) {
    if (nodeDepth(node) > MAX_EXPRESSION_DEPTH) {
      throw new Error(`an expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep; GitHub's parser accepts far fewer`);
    }
    this[NODE] = node;
    Object.freeze(this);
  }

  /** `this == other`. */
  eq(other: Operand): Expr<boolean> {
    return compare("==", this, other);
  }

  /** `this != other`. */
  ne(other: Operand): Expr<boolean> {
    return compare("!=", this, other);
  }

  /** `this < other`. */
  lt(other: Operand): Expr<boolean> {
    return compare("<", this, other);
  }

  /** `this <= other`. */
  le(other: Operand): Expr<boolean> {
    return compare("<=", this, other);
  }

  /** `this > other`. */
  gt(other: Operand): Expr<boolean> {
    return compare(">", this, other);
  }

  /** `this >= other`. */
  ge(other: Operand): Expr<boolean> {
    return compare(">=", this, other);
  }

  /** `this && others...`: GitHub returns the first falsy operand, or the last one. */
  and<O extends readonly Operand[]>(...others: O): Expr<T | ValueOf<O[number]>> {
    return logical("&&", [this, ...others]);
  }

  /** `this || others...`: GitHub returns the first truthy operand, or the last one. */
  or<O extends readonly Operand[]>(...others: O): Expr<T | ValueOf<O[number]>> {
    return logical("||", [this, ...others]);
  }

  /** `!this`. */
  not(): Expr<boolean> {
    return new Expr({ kind: "not", operand: this[NODE] });
  }

  /** A placeholder token for use in JS strings; resolved to `${{ ... }}` by the build (`resolveTokens`). */
  toString(): string {
    return tokenFor(this);
  }

  /** The placeholder token, so that objects holding expressions serialise to resolvable text. */
  toJSON(): string {
    return tokenFor(this);
  }

  /** String and default hints give the placeholder; a numeric hint is a JS comparison mistake. @internal */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "number") {
      throw new TypeError(
        `An expression (${renderNode(this[NODE], inspectContext)}) was used as a JS number; ` +
          "use .lt()/.gt()/... to compare inside the workflow.",
      );
    }
    return tokenFor(this);
  }

  /** Node's `util.inspect` (and so test failure output) shows the expression text. @internal */
  [INSPECT](): string {
    return `Expr(${renderNode(this[NODE], inspectContext)})`;
  }
}

/** Whether `value` is an `Expr` (proxies included). */
export function isExpr(value: unknown): value is Expr<unknown> {
  return value instanceof Expr;
}

/** The AST node of an expression. */
export function nodeOf(expr: Expr<unknown>): Node {
  return expr[NODE];
}

/** `'{'` -> `'{{'`: GitHub's `format` reads single braces as placeholders. */
function escapeFormat(text: string): string {
  return text.replaceAll("{", "{{").replaceAll("}", "}}");
}

/**
 * A string built from a JS template literal carries placeholders; as an operand it becomes
 * `format('refs/heads/{0}', env.BRANCH)`, so the expressions are evaluated, not compared as token text.
 */
function templateNode(text: string): Node {
  const args: Node[] = [];
  let fmt = "";
  for (const part of splitTokens(text)) {
    if (typeof part === "string") {
      fmt += escapeFormat(part);
    } else {
      fmt += `{${args.length}}`;
      args.push(part[NODE]);
    }
  }
  return { kind: "call", name: "format", args: [{ kind: "literal", value: fmt }, ...args] };
}

/** The node for an operand: expressions as they are, JS constants as literals. */
export function toNode(value: Operand): Node {
  if (value instanceof Expr) return value[NODE];
  if (value === null || typeof value === "boolean") return { kind: "literal", value };
  if (typeof value === "number") {
    renderNumber(value); // fail here, where the user passed it, not at render time
    return { kind: "literal", value };
  }
  if (typeof value === "string") return hasTokens(value) ? templateNode(value) : { kind: "literal", value };
  if (typeof value === "object") {
    const json = JSON.stringify(value);
    if (hasTokens(json)) {
      throw new TypeError(
        "An array or object used as an expression value contains expressions; only constant JSON can be " +
          "embedded. Build it with toJSON()/format() or pass the expressions separately.",
      );
    }
    return { kind: "call", name: "fromJSON", args: [{ kind: "literal", value: json }] };
  }
  throw new TypeError(`${String(value)} (${typeof value}) cannot be used as an expression value.`);
}

/** An operand as an `Expr` (expressions are returned unchanged). */
export function toExpr<O extends Operand>(value: O): Expr<ValueOf<O>> {
  return value instanceof Expr ? (value as Expr<ValueOf<O>>) : new Expr(toNode(value));
}

/** Builds a comparison; shared by the methods and the standalone operators. */
export function compare(op: ComparisonOperator, left: Operand, right: Operand): Expr<boolean> {
  return new Expr({ kind: "comparison", op, left: toNode(left), right: toNode(right) });
}

/** Builds `a && b ...` / `a || b ...`; shared by the methods and the standalone `and`/`or`. */
export function logical<R>(op: "&&" | "||", operands: readonly Operand[]): Expr<R> {
  if (operands.length === 0) throw new TypeError(`${op === "&&" ? "and" : "or"}() needs at least one operand.`);
  if (operands.length === 1) return toExpr(operands[0] as Operand) as Expr<R>;
  return new Expr({ kind: "logical", op, args: operands.map(toNode) });
}

/** One step of a path: a property name (`"*"` is the object filter), an array index, or a computed key. */
export type PathKey = string | number | Expr<unknown>;

function stepNode(object: Node, key: PathKey): Node {
  if (typeof key === "string") {
    if (key === "*") return { kind: "filter", object };
    if (object.kind === "handle") return { ...object, path: [...object.path, key] } satisfies HandleNode;
    return { kind: "property", object, name: key };
  }
  return { kind: "index", object, index: toNode(key) };
}

/** Property names that JS machinery probes on any object; a path proxy must answer them like a plain object. */
const NOT_A_PATH = new Set(["then"]);

/**
 * An expression whose unknown properties are deeper paths (see `PathExpr`). `then` answers `undefined` so an
 * expression is never taken for a promise; use `expr.prop(x, "then")` for a property really named so.
 */
export function pathExpr<T = unknown>(node: Node): PathExpr<T> {
  return new Proxy(new Expr<T>(node), {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      if (NOT_A_PATH.has(key)) return undefined;
      return pathExpr(stepNode(node, key));
    },
  }) as PathExpr<T>;
}

/** A reference to a handle (step or job) output, resolved at build time through `RenderContext.resolveHandle`. */
export function handleExpr<T = unknown>(handle: object, path: readonly string[]): Expr<T> {
  return new Expr<T>({ kind: "handle", handle, path: [...path] });
}

/**
 * Expression builders that are not operators or functions: `expr.raw(...)`, `expr.lit(...)`, `expr.prop(...)`.
 */
export const expr = {
  /**
   * A hand-written expression, rendered verbatim (without `${{ }}`), e.g.
   * `expr.raw<boolean>("github.event_name == 'push'")`. It is parenthesised when used as an operand unless it
   * is a plain context path.
   */
  raw<T = unknown>(text: string): Expr<T> {
    const trimmed = text.trim();
    if (trimmed === "") throw new TypeError("expr.raw() needs expression text.");
    if (trimmed.startsWith("${{")) {
      throw new TypeError(`expr.raw() takes the bare expression, without \${{ }}: got ${JSON.stringify(text)}.`);
    }
    return new Expr<T>({ kind: "raw", text: trimmed });
  },

  /** A literal expression: `expr.lit("main")` renders `'main'`; arrays/objects become `fromJSON('...')`. */
  lit<O extends Operand>(value: O): Expr<ValueOf<O>> {
    return toExpr(value);
  },

  /**
   * A deeper path from any expression, for names a proxy cannot express (`then`, a method name such as `eq`)
   * or computed keys: `expr.prop(matrix, "eq")`, `expr.prop(fromJSON(x), 0, "name")`, `expr.prop(x, key)`.
   */
  prop(object: Expr<unknown>, ...keys: PathKey[]): PathExpr<unknown> {
    return pathExpr(keys.reduce<Node>(stepNode, object[NODE]));
  },
};

/**
 * Expression text (what sits between `${{` and `}}`, or a bare `if:` condition) read into the expression
 * AST of node.ts. The lexer and parser are GitHub's own (`@actions/expressions`, the ones behind its
 * workflow parser and language service), so what is a syntax error here is one for GitHub; this module
 * only converts their tree, and keeps where each context and call starts for findings.
 */
import { Lexer, Parser, wellKnownFunctions } from "@actions/expressions";
import {
  Binary,
  ContextAccess,
  type Expr as GitHubExpr,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Star,
  Unary,
} from "@actions/expressions/ast";
import { BooleanData, NumberData, StringData } from "@actions/expressions/data/index";
import { ErrorType, ExpressionError, MAX_EXPRESSION_LENGTH } from "@actions/expressions/errors";
import type { Token } from "@actions/expressions/lexer";
import { contextNames } from "./contexts.ts";
import type { ComparisonOperator, LiteralValue, Node } from "./node.ts";

/** A function GitHub's workflow parser adds to the built-in ones, with the arguments it takes. */
export interface FunctionArity {
  name: string;
  minArgs: number;
  maxArgs: number;
}

/**
 * The functions workflows add to the expression language's own (which GitHub's parser knows: `contains`,
 * `startsWith`, `endsWith`, `format`, `join`, `toJSON`, `fromJSON`, `case`). Where each may be used is
 * the availability table's business (facts/context-availability.ts); here they only need to parse.
 * `success` and `failure` take job names in a job's `if:` for GitHub's parser, hence no upper bound.
 */
export const WORKFLOW_FUNCTIONS: readonly FunctionArity[] = [
  { name: "hashFiles", minArgs: 1, maxArgs: 255 },
  { name: "always", minArgs: 0, maxArgs: 0 },
  { name: "cancelled", minArgs: 0, maxArgs: 0 },
  { name: "success", minArgs: 0, maxArgs: Number.MAX_SAFE_INTEGER },
  { name: "failure", minArgs: 0, maxArgs: Number.MAX_SAFE_INTEGER },
];

/** The arguments `name` takes (case-insensitive), among GitHub's functions and `functions`; undefined for an unknown name. */
export function functionArity(name: string, functions: readonly FunctionArity[] = WORKFLOW_FUNCTIONS): FunctionArity | undefined {
  const lower = name.toLowerCase();
  const known = wellKnownFunctions[lower] ?? functions.find((f) => f.name.toLowerCase() === lower);
  return known && { name: known.name, minArgs: known.minArgs, maxArgs: known.maxArgs };
}

/** Why an expression does not parse, in GitHub's classes. */
export type ParseErrorKind = "syntax" | "unknown-context" | "unknown-function" | "arity";

/** A parse failure: GitHub's message, and the offset in the text of the token it is about. */
export interface ParseError {
  kind: ParseErrorKind;
  message: string;
  offset: number;
  /** The token's text (the function or context name for those kinds). */
  token: string;
}

/** Where a context name or function call starts in the parsed text. */
export type Offsets = WeakMap<Node, number>;

export type ParseResult =
  | { ok: true; node: Node; offsets: Offsets }
  | { ok: false; error: ParseError };

const LOCATED = /\. Located at position (\d+) within expression: /;

const KINDS: Partial<Record<ErrorType, ParseErrorKind>> = {
  [ErrorType.ErrorUnrecognizedContext]: "unknown-context",
  [ErrorType.ErrorUnrecognizedNamedValue]: "unknown-context",
  [ErrorType.ErrorUnrecognizedFunction]: "unknown-function",
  [ErrorType.ErrorTooFewParameters]: "arity",
  [ErrorType.ErrorTooManyParameters]: "arity",
  [ErrorType.ErrorEvenParameters]: "arity",
};

/**
 * Parses `text` with every context name and the workflow functions known, so that a failure is either
 * a syntax error or a name GitHub has nowhere. Whether a context may be used at a given key is checked
 * on the tree afterwards.
 */
export function parseExpression(text: string, functions: readonly FunctionArity[] = WORKFLOW_FUNCTIONS): ParseResult {
  // The same expressions recur in every job and workflow (`matrix.os`, `runner.os`, `always()`): each
  // distinct one is parsed once per process. The result is shared, so it is read, never changed.
  if (functions !== WORKFLOW_FUNCTIONS) return parse(text, functions);
  let parsed = parsedWorkflowExpressions.get(text);
  if (parsed === undefined) {
    if (parsedWorkflowExpressions.size >= PARSED_LIMIT) parsedWorkflowExpressions.clear();
    parsed = parse(text, functions);
    parsedWorkflowExpressions.set(text, parsed);
  }
  return parsed;
}

// Bounded, so that a long-lived process cannot grow it without end.
const PARSED_LIMIT = 10_000;
const parsedWorkflowExpressions = new Map<string, ParseResult>();

function parse(text: string, functions: readonly FunctionArity[]): ParseResult {
  const lines = lineStarts(text);
  const offsetOf = (token: Token): number => (lines[token.range.start.line] ?? 0) + token.range.start.column;
  let tree: GitHubExpr | undefined;
  try {
    const { tokens } = new Lexer(text).lex();
    tree = new Parser(tokens, [...contextNames], [...functions]).parse();
  } catch (error) {
    if (error instanceof ExpressionError) {
      const { typ, tok } = error as unknown as { typ: ErrorType; tok: Token };
      return {
        ok: false,
        error: { kind: KINDS[typ] ?? "syntax", message: error.message, offset: offsetOf(tok), token: tok.lexeme },
      };
    }
    // Symbols the lexer cannot read, and over-long text, fail with a plain Error whose message says where.
    const message = String((error as Error)?.message ?? error);
    if (message === "ErrorExceededMaxLength") {
      return { ok: false, error: { kind: "syntax", message: `the expression is longer than GitHub's limit of ${MAX_EXPRESSION_LENGTH} characters`, offset: 0, token: "" } };
    }
    const located = LOCATED.exec(message);
    return {
      ok: false,
      error: {
        kind: "syntax",
        message: located ? message.slice(0, located.index) : message,
        offset: located ? Number(located[1]) - 1 : 0,
        token: /^Unexpected symbol: '(.*)'$/s.exec(located ? message.slice(0, located.index) : "")?.[1] ?? "",
      },
    };
  }
  if (tree === undefined) return { ok: false, error: { kind: "syntax", message: "an expression was expected", offset: 0, token: "" } };
  const offsets: Offsets = new WeakMap();
  return { ok: true, node: convert(tree, offsets, offsetOf), offsets };
}

function convert(tree: GitHubExpr, offsets: Offsets, offsetOf: (token: Token) => number): Node {
  const at = <N extends Node>(node: N, token: Token): N => {
    offsets.set(node, offsetOf(token));
    return node;
  };
  const walk = (e: GitHubExpr): Node => {
    if (e instanceof Literal) return { kind: "literal", value: literalValue(e) };
    if (e instanceof ContextAccess) return at({ kind: "context", name: e.name.lexeme }, e.name);
    if (e instanceof Grouping) return walk(e.group);
    if (e instanceof Unary) return { kind: "not", operand: walk(e.expr) };
    if (e instanceof Binary) {
      return { kind: "comparison", op: e.operator.lexeme as ComparisonOperator, left: walk(e.left), right: walk(e.right) };
    }
    if (e instanceof Logical) return { kind: "logical", op: e.operator.lexeme as "&&" | "||", args: e.args.map(walk) };
    if (e instanceof FunctionCall) return at({ kind: "call", name: e.functionName.lexeme, args: e.args.map(walk) }, e.functionName);
    if (e instanceof IndexAccess) {
      const object = walk(e.expr);
      if (e.index instanceof Star) return { kind: "filter", object };
      if (e.index instanceof Literal && e.index.literal instanceof StringData) {
        return { kind: "property", object, name: literalValue(e.index) as string };
      }
      return { kind: "index", object, index: walk(e.index) };
    }
    throw new Error(`unexpected expression node ${e.constructor.name}`);
  };
  return walk(tree);
}

// The value of a literal. Quoted strings are read from the lexeme: the JS port's lexer un-doubles only the
// first `''` of a string (see github-parser.test.ts), GitHub's runner un-doubles them all.
function literalValue(literal: Literal): LiteralValue {
  const data = literal.literal;
  if (data instanceof StringData) {
    const { lexeme } = literal.token;
    return lexeme.startsWith("'") ? lexeme.slice(1, -1).replaceAll("''", "'") : data.value;
  }
  if (data instanceof NumberData || data instanceof BooleanData) return data.value;
  return null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

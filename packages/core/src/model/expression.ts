// Fields that GitHub lets an expression fill (`timeout-minutes: ${{ matrix.t }}`, `strategy.matrix:
// ${{ fromJSON(...) }}`) take either their plain value or a string with an expression in it. GitHub reads a
// string with text around the expression as a format string, and accepts it wherever an expression may
// stand (its parser checks the value's type only once the expression is evaluated), so the model does too.

import { z } from "zod";
import { expectedMessage, show } from "./messages.ts";

/**
 * A string that is exactly one expression, `${{ ... }}`, possibly spanning lines. Its type is a template
 * literal type, so a plain string cannot stand in for a number or a boolean by accident.
 */
export const ExpressionString = z
  .templateLiteral(["${{", z.string(), "}}"], { error: "expected an expression ${{ ... }}" })
  .refine(isSingleExpression, {
    error: (issue) => `expected one expression \${{ ... }} with nothing around it, got ${show(issue.input)}`,
  });

/** A string that is exactly one `${{ ... }}` expression. */
export type ExpressionString = z.infer<typeof ExpressionString>;

/** True when `value` is a string that is exactly one `${{ ... }}` expression. */
export function isExpressionString(value: unknown): value is ExpressionString {
  return typeof value === "string" && value.startsWith("${{") && value.endsWith("}}") && isSingleExpression(value);
}

// No `}}` between the opening `${{` and the closing `}}` except inside a single-quoted literal, where ''
// escapes a quote (`${{ format('}}') }}` is one expression). A scan rather than a regular expression: the
// regular expression that says this backtracks exponentially on a long run of quotes.
function isSingleExpression(value: string): boolean {
  let quoted = false;
  for (let i = 3; i < value.length - 2; i++) {
    if (value[i] === "'") quoted = !quoted;
    else if (!quoted && value[i] === "}" && value[i + 1] === "}") return false;
  }
  return !quoted && value.length >= 5;
}

/** A string with at least one complete `${{ ... }}` in it, which GitHub evaluates: alone, or inside text. */
export type ExpressionTemplate = `${string}\${{${string}}}${string}`;

// A `${{` closed by a `}}` outside single-quoted literals (where '' escapes a quote), as GitHub's parser finds
// expressions in a string. Each step of the repetition consumes a character no other alternative starts
// with, so the match is linear.
const EXPRESSION_IN_TEXT = /\$\{\{(?:[^'}]|'[^']*'|\}(?!\}))*\}\}/;

/** A string with at least one complete `${{ ... }}` in it. */
export const ExpressionTemplate = z
  .string()
  .regex(EXPRESSION_IN_TEXT, { error: "expected an expression ${{ ... }}" })
  .pipe(z.custom<ExpressionTemplate>(() => true));

/**
 * `schema`, or an expression in its place. `expected` names the plain form for messages ("a number"), which
 * then read "expected a number or an expression ${{ ... }}, got 'abc'".
 */
export function orExpression<T extends z.ZodType>(schema: T, expected: string) {
  return z.union([schema, ExpressionTemplate], {
    error: (issue) => expectedMessage(issue.input, `${expected} or an expression \${{ ... }}`),
  });
}

/**
 * `if:` of a job or a step: an expression with or without `${{ }}`, or a literal boolean or number, which
 * GitHub coerces the way the expression language does (0 is false). An empty `if:` (null) is read as "",
 * which GitHub runs as `success()`.
 */
export const ConditionSchema = z.union([z.string(), z.boolean(), z.number(), z.null().transform(() => "")], {
  error: (issue) => expectedMessage(issue.input, "a condition: an expression, true or false"),
});

/** `if:` of a job or a step. */
export type Condition = z.infer<typeof ConditionSchema>;

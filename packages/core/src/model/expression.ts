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

function isSingleExpression(value: string): boolean {
  const { expressions, unclosed } = findExpressions(value);
  return unclosed === undefined && expressions.length === 1 && expressions[0]!.start === 0 && expressions[0]!.end === value.length;
}

/** One `${{ ... }}` of a string: its offsets (`end` exclusive, after `}}`) and the text between the braces. */
export interface ExpressionSpan {
  start: number;
  end: number;
  inner: string;
}

/**
 * The `${{ ... }}` of a string, found the way GitHub's template reader finds them: from each `${{`, the first
 * `}}` outside a single-quoted literal closes it (`${{ format('}}') }}` is one expression). `unclosed` is the
 * offset of a `${{` that nothing closes; GitHub refuses such a value. A scan rather than a regular
 * expression: the regular expression that says this backtracks exponentially on a long run of quotes.
 */
export function findExpressions(text: string): { expressions: ExpressionSpan[]; unclosed?: number } {
  const expressions: ExpressionSpan[] = [];
  let start = text.indexOf("${{");
  while (start >= 0) {
    let quoted = false;
    let end = -1;
    for (let i = start + 3; i < text.length; i++) {
      if (text[i] === "'") quoted = !quoted;
      else if (!quoted && text[i] === "}" && text[i - 1] === "}") {
        end = i + 1;
        break;
      }
    }
    if (end < 0) return { expressions, unclosed: start };
    expressions.push({ start, end, inner: text.slice(start + 3, end - 2) });
    start = text.indexOf("${{", end);
  }
  return { expressions };
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

/**
 * A problem found in one expression: where it is (the model path of the string, and the offset in that
 * string), for the build's diagnostics and the linter's findings alike.
 */
import type { Severity } from "../diagnostics.ts";
import type { SiteExpression, ValuePath } from "./expressions.ts";

export interface ExpressionProblem {
  /** The diagnostic code, which is also the lint rule's id. */
  code: string;
  message: string;
  fix?: string;
  /** Overrides the code's severity. */
  severity?: Severity;
  path: ValuePath;
  /** The string at `path`. */
  text: string;
  /** The `${{ ... }}` (or bare condition) the problem is in, in `text`; `end` exclusive. */
  span: { start: number; end: number };
  /** Where in `text` the problem is (the name or symbol it is about). */
  offset: number;
}

/** A problem at `offset` of the expression text of `expression`. */
export function problemAt(
  expression: SiteExpression,
  offset: number,
  problem: Pick<ExpressionProblem, "code" | "message"> & Partial<Pick<ExpressionProblem, "fix" | "severity">>,
): ExpressionProblem {
  return {
    ...problem,
    path: expression.site.path,
    text: expression.site.text,
    span: { start: expression.start, end: expression.end },
    offset: expression.textStart + offset,
  };
}

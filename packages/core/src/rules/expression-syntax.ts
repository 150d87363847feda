// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const expressionSyntax = expressionRule({
  id: "expression-syntax",
  severity: "error",
  confidence: "high",
  summary: "An expression inside ${{ }} (or an if: condition) is not valid expression syntax, or a ${{ is never closed.",
  fix: "Correct the expression at the reported column: GitHub refuses the whole workflow when one expression does not parse.",
  // GitHub refuses the workflow: no reason can make it acceptable.
  suppressible: false,
});

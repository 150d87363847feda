// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const unknownContextProperty = expressionRule({
  id: "unknown-context-property",
  severity: "error",
  confidence: "high",
  summary: "An expression reads a context that does not exist, or a property its context does not have (github.refname, an undeclared input or matrix key, an output the job does not declare).",
  fix: "Correct the name, or declare the input, matrix key or job output it refers to.",
});

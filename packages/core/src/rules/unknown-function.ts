// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const unknownFunction = expressionRule({
  id: "unknown-function",
  severity: "error",
  confidence: "high",
  summary: "An expression calls a function that GitHub's expression language does not have.",
  fix: "Use one of GitHub's functions: contains, startsWith, endsWith, format, join, toJSON, fromJSON, hashFiles, case, or the status functions success, always, cancelled, failure.",
  // GitHub refuses the workflow: no reason can make it acceptable.
  suppressible: false,
});

// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const functionArity = expressionRule({
  id: "function-arity",
  severity: "error",
  confidence: "high",
  summary: "An expression calls a function with too few or too many arguments.",
  fix: "Pass the arguments the function takes (contains(search, item), startsWith(text, prefix), format(text, ...values), join(list, separator?), hashFiles(path, ...)).",
  // GitHub refuses the workflow: no reason can make it acceptable.
  suppressible: false,
});

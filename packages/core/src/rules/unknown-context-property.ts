// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const unknownContextProperty = expressionRule({
  id: "unknown-context-property",
  severity: "warning",
  confidence: "high",
  summary: "An expression reads a property its context does not have, which GitHub reads as empty (github.refname, an undeclared input or matrix key, an output the job does not declare), or a context that does not exist, which GitHub refuses (an error).",
  fix: "Correct the name, or declare the input, matrix key or job output it refers to.",
  fixTs: "Correct the name, or declare what it refers to: the input, the matrix key, the job's outputs; a step made with step<\"x\">() or uses<\"x\">() has the outputs you name.",
  aliases: ["unknown-output"],
});

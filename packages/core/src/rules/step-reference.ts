// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const stepReference = expressionRule({
  id: "step-reference",
  severity: "warning",
  confidence: "high",
  summary: "An expression reads steps.<id> of a step that is not in its job or not before it, which GitHub reads as empty, or reads steps in a job-level field, which GitHub refuses (an error).",
  fix: "Give the step that produces the value that id, move it before the step that reads it, or pass the value through a job output.",
});

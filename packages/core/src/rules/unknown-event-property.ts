// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const unknownEventProperty = expressionRule({
  id: "unknown-event-property",
  severity: "warning",
  confidence: "medium",
  summary: "An expression reads a github.event key that none of the workflow's events has in its payload.",
  fix: "Read a key the payload of the workflow's events has, or add the event that carries it to on:.",
});

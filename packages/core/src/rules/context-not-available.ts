// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const contextNotAvailable = expressionRule({
  id: "context-not-available",
  severity: "error",
  confidence: "high",
  summary: "An expression reads a context or calls a function that GitHub does not provide at that key (secrets in if:, env in jobs.<id>.env, ...).",
  fix: "Move the expression to a key where the context exists (see GitHub's context availability table), or pass the value through one that has it.",
});

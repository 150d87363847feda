// Reported from the shared expression analysis (expression-problems.ts, validate/).
import { expressionRule } from "./expression-problems.ts";

export const needsMissing = expressionRule({
  id: "needs-missing",
  severity: "warning",
  confidence: "high",
  summary: "A job reads needs.<job> for a job it does not list in needs:, which is always empty.",
  fix: "Add the job to needs: of the job that reads it.",
});

// `secrets: inherit` hands every secret of the caller to the called workflow, including ones it never
// uses; naming the secrets keeps the called workflow to what it needs, and documents it.
import { defineRule } from "./types.ts";

export const secretsInherit = defineRule({
  id: "secrets-inherit",
  severity: "warning",
  confidence: "high",
  summary: "A job passes all of the caller's secrets to a reusable workflow with secrets: inherit.",
  fix: "Pass only the secrets the called workflow declares: secrets: { NAME: ${{ secrets.NAME }} }.",
  fixTs: "Pass only the secrets the called workflow declares: secrets: { NAME: secrets.NAME }.",
  visits: ["job"],
  check(context) {
    const { job } = context;
    if (job.value.secrets !== "inherit") return;
    context.report({
      path: [...job.path, "secrets"],
      message: `job "${job.id}" passes every secret of this repository to ${job.uses ? `"${job.uses.raw}"` : "the called workflow"}, whether it needs them or not`,
      fix: "list the secrets the called workflow declares under on.workflow_call.secrets: secrets: { NAME: ${{ secrets.NAME }} }",
      fixTs: "list the secrets the called workflow declares under on.workflow_call.secrets: secrets: { NAME: secrets.NAME }",
    });
  },
});

// env at the workflow or job level is given to every step below it, third-party actions included; a secret
// there is readable by code that never needed it. Step-level env limits it to the step that uses it.
import { defineRule, type Json, type ModelPath } from "./types.ts";
import { readsGithubToken, scalarText, secretsRead } from "./util.ts";

export const secretsInEnv = defineRule({
  id: "secrets-in-env",
  severity: "warning",
  confidence: "high",
  summary: "A secret or the GITHUB_TOKEN is put in workflow- or job-level env, where every step can read it.",
  fix: "Move the variable to the env of the step that needs it.",
  visits: ["workflow", "job"],
  check(context) {
    const [env, path, scope]: [Json, ModelPath, string] =
      context.level === "workflow"
        ? [context.workflow.env, ["env"], "every step of every job"]
        : [context.job.env, [...context.job.path, "env"], `every step of job "${context.job.id}"`];
    for (const [name, raw] of Object.entries(env)) {
      const value = scalarText(raw);
      if (value === undefined) continue;
      const secrets = secretsRead(value);
      const token = readsGithubToken(value);
      if (secrets.length === 0 && !token) continue;
      const what = token && secrets.filter((s) => s !== "GITHUB_TOKEN").length === 0 ? "the GITHUB_TOKEN" : `the secret ${secrets.filter((s) => s !== "GITHUB_TOKEN")[0] ?? secrets[0]}`;
      context.report({
        path: [...path, name],
        message: `env ${name} holds ${what}, which ${scope} can then read, third-party actions included`,
        fix: `move ${name} to the env of the step that uses it`,
      });
    }
  },
});

// Lines written to $GITHUB_ENV or $GITHUB_PATH change the environment of every later step. In a privileged
// workflow (pull_request_target, workflow_run) a value that comes from the pull request can set LD_PRELOAD,
// NODE_OPTIONS or PATH and take over the rest of the job.
import { defineRule } from "./types.ts";
import { triggeredBy, usesAction } from "./util.ts";

const SHELL_WRITE = /\$\{?(?:env:)?GITHUB_(?:ENV|PATH)\b\}?/;
const SCRIPT_WRITE = /\bcore\s*\.\s*(?:exportVariable|addPath)\s*\(/;

export const githubEnvWrite = defineRule({
  id: "github-env-write",
  severity: "error",
  confidence: "medium",
  summary: "A pull_request_target or workflow_run workflow writes to GITHUB_ENV or GITHUB_PATH.",
  fix: "Pass values between steps through $GITHUB_OUTPUT and steps.<id>.outputs, or write only literal, fixed values.",
  visits: ["step"],
  check(context) {
    const { step, workflow } = context;
    if (!triggeredBy(workflow, "pull_request_target", "workflow_run")) return;
    const trigger = workflow.events.has("pull_request_target") ? "pull_request_target" : "workflow_run";
    const found: Array<{ key: (string | number)[]; match: string }> = [];
    if (step.run !== undefined) {
      const match = SHELL_WRITE.exec(step.run);
      if (match) found.push({ key: [...step.path, "run"], match: match[0] });
    }
    if (usesAction(step, "actions/github-script") && typeof step.with.script === "string") {
      const match = SCRIPT_WRITE.exec(step.with.script);
      if (match) found.push({ key: [...step.path, "with", "script"], match: match[0] });
    }
    for (const { key, match } of found) {
      const file = /PATH|addPath/.test(match) ? "GITHUB_PATH" : "GITHUB_ENV";
      context.report({
        path: key,
        needle: match,
        message: `writes to ${file} in a workflow run by ${trigger}; if any of the value comes from the pull request, it can set ${file === "GITHUB_PATH" ? "PATH" : "LD_PRELOAD or NODE_OPTIONS"} for every later step, which run with the repository's secrets`,
        fix: "pass values to later steps through $GITHUB_OUTPUT and steps.<id>.outputs, or write only fixed values that no pull request can influence",
      });
    }
  },
});

// On a public repository anyone can open a pull request, and pull_request runs its code; on a self-hosted
// runner that code runs on a machine that is not thrown away afterwards and may reach the internal network.
import { defineRule } from "./types.ts";
import { runnerLabels, triggeredBy } from "./util.ts";

export const selfHostedPullRequest = defineRule({
  id: "self-hosted-pull-request",
  severity: "warning",
  confidence: "medium",
  summary: "A job of a pull_request workflow runs on a self-hosted runner.",
  fix: "Run pull request jobs on GitHub-hosted runners, or use ephemeral self-hosted runners only in private repositories.",
  visits: ["job"],
  check(context) {
    const { job, workflow } = context;
    if (!triggeredBy(workflow, "pull_request")) return;
    const label = runnerLabels(job.value["runs-on"], [...job.path, "runs-on"]).find((l) => l.label.trim().toLowerCase() === "self-hosted");
    if (!label) return;
    context.report({
      path: label.path,
      message: `job "${job.id}" runs on a self-hosted runner in a workflow triggered by pull_request; a pull request from a fork would run its code on that machine`,
      fix: "use a GitHub-hosted runner for pull request jobs; keep self-hosted runners for private repositories, ephemeral (one job per runner)",
    });
  },
});

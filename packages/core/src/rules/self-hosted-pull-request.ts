// On a public repository anyone can open a pull request, and pull_request runs its code; anyone can also
// comment, open an issue or start a discussion and set off the workflows that listen to them. On a
// self-hosted runner, what such a run does (the pull request's code, or a command injected through the
// text) happens on a machine that is not thrown away afterwards and may reach the internal network.
import { defineRule } from "./types.ts";
import { runnerLabels, triggerAmong } from "./util.ts";

// Events outsiders set off, the ones that run their code first.
const PUBLIC_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
  "workflow_run",
  "issue_comment",
  "issues",
  "discussion",
  "discussion_comment",
];
const RUNS_THEIR_CODE = new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);

export const selfHostedPullRequest = defineRule({
  id: "self-hosted-pull-request",
  severity: "warning",
  confidence: "medium",
  summary: "A job of a workflow that outsiders can set off (pull_request, issue_comment, ...) runs on a self-hosted runner.",
  fix: "Run such jobs on GitHub-hosted runners, or use ephemeral self-hosted runners only in private repositories.",
  visits: ["job"],
  check(context) {
    const { job, workflow } = context;
    const trigger = triggerAmong(workflow, PUBLIC_EVENTS);
    if (trigger === undefined) return;
    const label = runnerLabels(job.value["runs-on"], [...job.path, "runs-on"]).find((l) => l.label.trim().toLowerCase() === "self-hosted");
    if (!label) return;
    context.report({
      path: label.path,
      message: RUNS_THEIR_CODE.has(trigger)
        ? `job "${job.id}" runs on a self-hosted runner in a workflow triggered by ${trigger}; a pull request from a fork would run its code on that machine`
        : `job "${job.id}" runs on a self-hosted runner in a workflow triggered by ${trigger}, which outsiders can set off; anything that run is made to do (an injected command, a build of their code) happens on a machine that outlives the job`,
      fix: `use a GitHub-hosted runner for jobs on ${trigger}; keep self-hosted runners for private repositories, ephemeral (one job per runner)`,
    });
  },
});

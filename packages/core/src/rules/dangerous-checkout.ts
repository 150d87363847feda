// pull_request_target, workflow_run and issue_comment run with the base repository's secrets and a writable
// token. Checking out the pull request's own code there and building or testing it runs an outsider's code
// with those privileges ("pwn request"); on issue_comment, a comment on the pull request is enough.
import { defineRule } from "./types.ts";
import { expressionsOf, normaliseExpression, triggerAmong, usesAction } from "./util.ts";

const PR_HEAD = [
  /(?<![\w.-])github\.head_ref(?![\w-])/,
  /(?<![\w.-])github\.event\.pull_request\.head\.(?:sha|ref|repo\.full_name|repo\.clone_url)(?![\w-])/,
  /(?<![\w.-])github\.event\.pull_request\.merge_commit_sha(?![\w-])/,
  /(?<![\w.-])github\.event\.workflow_run\.head_(?:sha|branch|commit\.id)(?![\w-])/,
  /(?<![\w.-])github\.event\.workflow_run\.head_repository\.full_name(?![\w-])/,
  /(?<![\w.-])github\.event\.workflow_run\.pull_requests\.[^.\s]+\.head\.(?:sha|ref)(?![\w-])/,
  // Looked up by a step (issue_comment has no pull request in its event): fromJSON(steps.pr.outputs.result).head.sha,
  // or the head_ref / head_sha outputs of actions that fetch the commented pull request.
  /\.head[._](?:sha|ref)(?![\w-])/,
];

function readsPullRequestHead(text: string): boolean {
  if (/refs\/pull\//.test(text)) return true;
  return expressionsOf(text).some(({ inner }) => PR_HEAD.some((pattern) => pattern.test(normaliseExpression(inner))));
}

const WHOSE: Record<string, string> = {
  pull_request_target: "the pull request's own code",
  workflow_run: "the code of the run that triggered this one (a fork's pull request can trigger it)",
  issue_comment: "the code of the pull request being commented on (anyone who can comment can set this off)",
};

export const dangerousCheckout = defineRule({
  id: "dangerous-checkout",
  severity: "error",
  confidence: "high",
  summary: "A pull_request_target, workflow_run or issue_comment workflow checks out the pull request's code.",
  fix: "Run untrusted code under on: pull_request (no secrets, read-only token); keep pull_request_target jobs to the base branch's code.",
  visits: ["step"],
  check(context) {
    const { step, workflow } = context;
    const trigger = triggerAmong(workflow, ["pull_request_target", "workflow_run", "issue_comment"]);
    if (trigger === undefined) return;
    if (usesAction(step, "actions/checkout")) {
      for (const key of ["ref", "repository"]) {
        const value = step.with[key];
        if (typeof value !== "string" || !readsPullRequestHead(value)) continue;
        context.report({
          path: [...step.path, "with", key],
          message: `checks out ${key} "${value}", ${WHOSE[trigger]}, in a workflow run by ${trigger}, which has the repository's secrets and a write token; whatever that code's build scripts do runs with them`,
          fix: `remove ${key} (the default is the base branch's code), or move the steps that run the pull request's code to a workflow on pull_request and pass results through an artifact`,
        });
        return;
      }
    }
    if (step.run !== undefined) {
      const command = /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout|pull)\b[^\n]*(?:refs\/pull\/|pull\/\$|\$\{\{[^}]*(?:head_ref|head\.(?:sha|ref)|head_sha|head_branch))/.exec(step.run);
      if (command) {
        context.report({
          path: [...step.path, "run"],
          needle: command[0],
          message: `"${command[0].trim()}" fetches the pull request's own code in a workflow run by ${trigger}, which has the repository's secrets and a write token`,
          fix: "do this in a workflow on pull_request instead, where the token is read-only and secrets are withheld from forks",
        });
      }
    }
  },
});

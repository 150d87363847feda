// Without a permissions block anywhere, the GITHUB_TOKEN gets the repository's (or organisation's) default,
// which on many repositories is read and write on every scope.
import { defineRule } from "./types.ts";

export const missingPermissions = defineRule({
  id: "missing-permissions",
  severity: "warning",
  confidence: "high",
  summary: "A job has no permissions block, and neither has the workflow, so its token gets the repository default.",
  fix: "Add permissions: {} at the workflow level and grant each job only the scopes it needs (e.g. contents: read).",
  reportedInBuildBy: "wfgen's permissions planner gives every job a permissions block, so it cannot happen there",
  visits: ["job"],
  check(context) {
    if (context.workflow.value.permissions !== undefined || context.job.value.permissions !== undefined) return;
    context.report({
      path: context.job.path,
      message: `job "${context.job.id}" sets no permissions and neither does the workflow, so its GITHUB_TOKEN gets the repository's default, which can be write access to everything`,
      fix: `add permissions: {} at the top of the workflow and give job "${context.job.id}" a permissions block with only what it needs (contents: read to check out a private repository)`,
    });
  },
});

// Workflow-level permissions are inherited by every job that sets none; a write scope there hands write
// access to jobs that never asked for it.
import { defineRule } from "./types.ts";
import { isObject } from "./util.ts";

export const workflowLevelWrite = defineRule({
  id: "workflow-level-write",
  severity: "warning",
  confidence: "high",
  summary: "A write scope is granted at the workflow level, where every job inherits it.",
  fix: "Set permissions: {} (or read scopes) at the workflow level and grant the write scope on the job that needs it.",
  fixTs: "Leave the workflow's permissions out (wfgen writes {}) and let each job's own permissions grant what it needs.",
  aliases: ["permissions-workflow-unused"],
  reportedInBuildBy: "wfgen's permissions planner reports it, checking each job's permissions while building",
  visits: ["workflow"],
  check(context) {
    const permissions = context.workflow.value.permissions;
    if (!isObject(permissions)) return;
    const inheriting = context.workflow.jobs.filter((job) => job.value.permissions === undefined).map((job) => `"${job.id}"`);
    for (const [scope, level] of Object.entries(permissions)) {
      if (level !== "write") continue;
      context.report({
        path: ["permissions", scope],
        message: `the workflow grants ${scope}: write to every job${inheriting.length > 0 ? ` (inherited by ${inheriting.join(", ")})` : ""}; a job that does not need it still gets it`,
        fix: `move ${scope}: write to the permissions of the job that needs it and leave the workflow level at {} or read`,
      });
    }
  },
});

// `read-all` and `write-all` grant every scope at once, including ones no step of the job touches; write-all
// turns any compromised step into a repository takeover, hence its higher severity.
import { defineRule, type ModelPath } from "./types.ts";

export const blanketPermissions = defineRule({
  id: "blanket-permissions",
  severity: "warning",
  confidence: "high",
  summary: "permissions is read-all or write-all instead of a map of the scopes needed (write-all is an error).",
  fix: "Replace the shorthand with the scopes the jobs need, e.g. permissions: { contents: read }.",
  fixTs: 'Set the job\'s permissions to "infer"; to keep the shorthand on purpose, write unchecked("read-all").',
  aliases: ["permissions-blanket"],
  reportedInBuildBy: "wfgen's permissions planner reports it, checking each job's permissions while building",
  visits: ["workflow", "job"],
  check(context) {
    const [value, path, owner]: [unknown, ModelPath, string] =
      context.level === "workflow"
        ? [context.workflow.value.permissions, ["permissions"], "the workflow"]
        : [context.job.value.permissions, [...context.job.path, "permissions"], `job "${context.job.id}"`];
    if (value !== "read-all" && value !== "write-all") return;
    const write = value === "write-all";
    context.report({
      path,
      severity: write ? "error" : "warning",
      message: write
        ? `${owner} grants write-all: every step can push code, publish packages and change repository settings it has no business with`
        : `${owner} grants read-all: every step can read every scope (security events, actions, packages) whether it needs them or not`,
      fix: `replace ${value} with the scopes ${owner} needs, e.g. permissions: { contents: read${write ? ", packages: write" : ""} }`,
    });
  },
});

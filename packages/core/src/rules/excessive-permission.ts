// Least privilege: a scope granted beyond what any step needs is attack surface for free. Reported only when
// the engine understood every step of the job; otherwise a scope an unknown action needs would look unused.
import type { PermissionScope } from "../facts/index.ts";
import { granted, rank } from "./permission-levels.ts";
import { defineRule } from "./types.ts";

export const excessivePermission = defineRule({
  id: "excessive-permission",
  severity: "warning",
  confidence: "medium",
  summary: "A job grants a token scope (or level) that none of its steps needs.",
  fix: "Lower or remove the scope, or drop the permissions block and let wfgen infer it.",
  fixTs: 'Lower or remove the scope in the job\'s permissions, or set them to "infer" and let wfgen infer them.',
  aliases: ["permissions-excessive"],
  reportedInBuildBy: "wfgen's permissions planner reports it, checking each job's permissions while building",
  visits: ["job"],
  requires: ["permissions"],
  check(context) {
    const { job, workflow } = context;
    if (job.isCall) return;
    const grant = granted(workflow, job);
    // Shorthands are blanket-permissions' business; an inherited workflow grant is judged where it is written.
    if (!grant || grant.shorthand !== undefined || grant.from !== "job") return;
    const analysis = context.capabilities.permissions!(job.value, { jobId: job.id, workflow: workflow.value });
    if (!analysis?.complete) return;
    const needed = new Map<PermissionScope, "read" | "write">();
    for (const need of analysis.needs) if (rank(need.level) > rank(needed.get(need.scope))) needed.set(need.scope, need.level);
    for (const [scope, level] of grant.levels) {
      const want = needed.get(scope);
      if (rank(level) <= rank(want)) continue;
      context.report({
        path: [...grant.path, scope],
        message:
          want === undefined
            ? `job "${job.id}" grants ${scope}: ${level}, but none of its steps uses ${scope}`
            : `job "${job.id}" grants ${scope}: ${level}, but its steps need only ${scope}: ${want}`,
        fix: want === undefined ? `remove ${scope} from the permissions of job "${job.id}"` : `lower it to ${scope}: ${want}`,
      });
    }
  },
});

// A job whose token lacks a scope a step needs fails at run time with a 403, often late (after the build,
// at the push). The needs come from the permissions engine, which knows what each action and command uses.
import type { PermissionScope } from "../facts/index.ts";
import { granted, rank } from "./permission-levels.ts";
import { defineRule, type PermissionNeed } from "./types.ts";

export const missingPermission = defineRule({
  id: "missing-permission",
  severity: "error",
  confidence: "medium",
  summary: "A step needs a token scope (or level) that its job does not grant.",
  fix: "Grant the scope on the job, or drop the job's permissions block and let wfgen infer it.",
  fixTs: 'Grant the scope in the job\'s permissions, or set them to "infer" (or leave them out) and let wfgen infer them.',
  aliases: ["permissions-missing"],
  reportedInBuildBy: "wfgen's permissions planner reports it, checking each job's permissions while building",
  visits: ["job"],
  requires: ["permissions"],
  check(context) {
    const { job, workflow } = context;
    if (job.isCall) return;
    const grant = granted(workflow, job);
    // No permissions anywhere: the token has the repository default; missing-permissions covers that case.
    if (!grant) return;
    const analysis = context.capabilities.permissions!(job.value, { jobId: job.id, workflow: workflow.value });
    if (!analysis) return;
    // One finding per scope, at the first step that needs its highest level.
    const byScope = new Map<PermissionScope, PermissionNeed[]>();
    for (const need of analysis.needs) byScope.set(need.scope, [...(byScope.get(need.scope) ?? []), need]);
    for (const [scope, needs] of byScope) {
      const level = needs.some((n) => n.level === "write") ? "write" : "read";
      const has = grant.levels.get(scope);
      if (rank(has) >= rank(level)) continue;
      const [first, ...others] = needs.filter((n) => n.level === level);
      const who = first!.step ? `step ${first!.step.label}` : `job "${job.id}"`;
      const also = [...new Set(others.map((n) => n.step?.label).filter((l): l is string => l !== undefined && l !== first!.step?.label))];
      const where = grant.from === "job" ? `job "${job.id}"` : `the workflow (job "${job.id}" sets no permissions of its own)`;
      context.report({
        path: first!.step?.path ?? grant.path,
        message: `${who} needs ${scope}: ${level}: it ${first!.reason}${also.length === 0 ? "" : also.length === 1 ? ` (as does step ${also[0]})` : ` (as do steps ${also.join(", ")})`}; ${where} grants ${has === undefined ? `no ${scope}` : `${scope}: ${has}`}`,
        fix: `grant ${scope}: ${level} on job "${job.id}", or drop its permissions block and let wfgen infer it`,
      });
    }
  },
});

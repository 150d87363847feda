/**
 * The permission rules' interface, implemented by wfgen's permissions engine (packages/core/src/permissions):
 * what each step of a job does with the token. The rules only see this adapter, so the engine can change
 * inside without touching them, and tests can pass a stand-in.
 */
import { inferJobNeeds } from "../permissions/infer.ts";
import { knowledgeOf } from "../permissions/knowledge.ts";
import { envOf } from "../permissions/token.ts";
import type { PermissionsAnalyzer } from "./types.ts";
import { isObject } from "./util.ts";

export const inferredPermissions: PermissionsAnalyzer = (job, { jobId, workflow }) => {
  // A call job's needs are those of the called workflow, which is not in this file.
  if (typeof job.uses === "string") return undefined;
  const result = inferJobNeeds(job, envOf(workflow.env));
  const steps: unknown[] = Array.isArray(job.steps) ? job.steps : [];
  // Complete only when every action is one the engine knows: an unknown action can still read the token
  // through an input that defaults to github.token, so its needs cannot be assumed to be none.
  const complete =
    result.unknown.length === 0 &&
    steps.every((step) => !isObject(step) || (typeof step.uses !== "string" && !Array.isArray(step.parallel)) || (typeof step.uses === "string" && knowledgeOf(step.uses) !== undefined));
  return {
    needs: result.needs.map((need) => ({
      scope: need.scope,
      level: need.level,
      reason: need.reason,
      ...(need.step >= 0 ? { step: { label: need.label, path: ["jobs", jobId, "steps", need.step] } } : {}),
    })),
    complete,
  };
};

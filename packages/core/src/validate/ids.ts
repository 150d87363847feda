/**
 * Job and step ids: GitHub requires them to start with a letter or `_` and contain only alphanumerics,
 * `-` and `_`, and refuses two that differ only in case: two jobs of a workflow, or two steps of one list
 * (the steps of a job, or of one `parallel:` group, which GitHub's parser gives a scope of its own).
 */
import type { Diagnostic } from "../diagnostics.ts";

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

type Json = Record<string, unknown>;

/** Diagnostics for duplicate job ids, and malformed or duplicate step ids (the model checks a job id's form). */
export function checkIds(file: string, jobs: Record<string, Json>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const jobIds = new Map<string, string>();
  for (const [jobId, job] of Object.entries(jobs)) {
    const path = ["jobs", jobId];
    const first = jobIds.get(jobId.toLowerCase());
    if (first !== undefined) {
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message: `jobs "${first}" and "${jobId}" have the same id to GitHub, which ignores case in ids`,
        fix: `rename the job "${jobId}"`,
        where: { workflow: file, job: jobId, path },
      });
    } else {
      jobIds.set(jobId.toLowerCase(), jobId);
    }
    if (Array.isArray(job?.steps)) checkSteps(file, jobId, job.steps, ["jobs", jobId, "steps"], diagnostics);
  }
  return diagnostics;
}

// The steps of one list, and of each parallel group in it, each list a scope of its own.
function checkSteps(file: string, jobId: string, steps: unknown[], base: (string | number)[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, string>();
  steps.forEach((step, index) => {
    if (step === null || typeof step !== "object") return;
    const { id, parallel } = step as Json;
    if (Array.isArray(parallel)) checkSteps(file, jobId, parallel, [...base, index, "parallel"], diagnostics);
    if (typeof id !== "string") return;
    const where = { workflow: file, job: jobId, step: `"${id}"`, path: [...base, index, "id"] };
    if (!ID.test(id) && !id.includes("${{")) {
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message: `step id "${id}" (step #${index + 1}) is not valid: it must start with a letter or _ and contain only letters, digits, - and _`,
        fix: "change the step's id",
        where,
      });
    }
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) {
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message:
          first === id
            ? `job "${jobId}" has two steps with id "${id}"`
            : `job "${jobId}" has steps with ids "${first}" and "${id}", the same id to GitHub, which ignores case in ids`,
        fix: "give each step of a job its own id",
        where,
      });
    } else {
      seen.set(id.toLowerCase(), id);
    }
  });
}

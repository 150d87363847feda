/**
 * Job and step ids: GitHub requires them to start with a letter or `_` and contain only alphanumerics,
 * `-` and `_`; step ids are unique within their job.
 */
import type { Diagnostic } from "../diagnostics.ts";

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Diagnostics for malformed job ids and malformed or duplicate step ids. */
export function checkIds(file: string, jobs: Record<string, Record<string, unknown>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [jobId, job] of Object.entries(jobs)) {
    if (!ID.test(jobId)) {
      diagnostics.push({
        severity: "error",
        code: "invalid-job-id",
        message: `job id "${jobId}" is not valid: it must start with a letter or _ and contain only letters, digits, - and _`,
        fix: `rename the job "${jobId}"`,
        where: { workflow: file, job: jobId },
      });
    }
    const seen = new Set<string>();
    const steps = Array.isArray(job.steps) ? (job.steps as Record<string, unknown>[]) : [];
    steps.forEach((step, index) => {
      if (typeof step.id !== "string") return;
      const where = { workflow: file, job: jobId, step: `"${step.id}"` };
      if (!ID.test(step.id) && !step.id.includes("${{")) {
        diagnostics.push({
          severity: "error",
          code: "invalid-step-id",
          message: `step id "${step.id}" (step #${index + 1}) is not valid: it must start with a letter or _ and contain only letters, digits, - and _`,
          fix: "change the step's id",
          where,
        });
      }
      if (seen.has(step.id)) {
        diagnostics.push({
          severity: "error",
          code: "duplicate-step-id",
          message: `job "${jobId}" has two steps with id "${step.id}"`,
          fix: "give each step of a job its own id",
          where,
        });
      }
      seen.add(step.id);
    });
  }
  return diagnostics;
}

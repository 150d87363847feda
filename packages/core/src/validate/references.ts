/**
 * Scoping of `needs.<job>` and `steps.<id>` in expressions, on the model: a job reads only the jobs it
 * lists in `needs`; a step reads only steps of its own job that ran before it; job-level fields other
 * than `outputs` and `environment` cannot read steps at all.
 */
import type { Diagnostic, Location } from "../diagnostics.ts";
import { contextIds, fieldExpressions } from "./expressions.ts";

type Json = Record<string, unknown>;

/** Diagnostics for references that GitHub would reject or evaluate to an empty string. */
export function checkReferences(file: string, jobs: Record<string, Json>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stepOwner = new Map<string, string[]>();
  for (const [jobId, job] of Object.entries(jobs)) {
    for (const s of stepsOf(job)) if (typeof s.id === "string") stepOwner.set(s.id, [...(stepOwner.get(s.id) ?? []), jobId]);
  }

  for (const [jobId, job] of Object.entries(jobs)) {
    const needs = new Set(typeof job.needs === "string" ? [job.needs] : Array.isArray(job.needs) ? (job.needs as string[]) : []);
    const steps = stepsOf(job);
    const ids = steps.map((s) => (typeof s.id === "string" ? s.id : undefined));
    const where: Location = { workflow: file, job: jobId };

    const checkNeeds = (expressions: string[], at: Location): void => {
      for (const expression of expressions) {
        for (const id of contextIds(expression, "needs")) {
          if (needs.has(id)) continue;
          diagnostics.push({
            severity: "error",
            code: "needs-missing",
            message: `job "${jobId}" reads needs.${id} but does not list "${id}" in needs`,
            fix: `add ${id} to the needs of job "${jobId}"`,
            where: at,
          });
        }
      }
    };
    const checkSteps = (expressions: string[], at: Location, readable: ReadonlySet<string> | "none", index?: number): void => {
      for (const expression of expressions) {
        for (const id of contextIds(expression, "steps")) {
          if (readable !== "none" && readable.has(id)) continue;
          const later = ids.indexOf(id);
          let message: string;
          let fix: string;
          if (readable === "none") {
            message = `job "${jobId}" reads steps.${id} in a job-level field, where the steps context does not exist`;
            fix = "read step outputs in later steps, in the job's outputs, or in environment.url";
          } else if (later >= 0 && index !== undefined) {
            message = `step ${label(steps[index]!, index)} reads steps.${id}, which ${later === index ? "is itself" : "runs after it"}`;
            fix = "move the step that produces the value before the step that reads it";
          } else if (stepOwner.has(id)) {
            message = `job "${jobId}" reads steps.${id}, a step of job "${stepOwner.get(id)![0]}"; steps are local to their job`;
            fix = `declare a job output on "${stepOwner.get(id)![0]}", add it to needs, and read needs.${stepOwner.get(id)![0]}.outputs.<name>`;
          } else {
            message = `job "${jobId}" reads steps.${id}, but no step of this job has the id "${id}"`;
            fix = `give the step that produces the value id: ${id}, or correct the reference`;
          }
          diagnostics.push({ severity: "error", code: "step-reference", message, fix, where: at });
        }
      }
    };

    const all = new Set(ids.filter((id): id is string => id !== undefined));
    for (const [key, value] of Object.entries(job)) {
      if (key === "steps" || key === "needs") continue;
      const expressions = fieldExpressions(key, value);
      checkNeeds(expressions, where);
      checkSteps(expressions, where, key === "outputs" || key === "environment" ? all : "none");
    }
    const before = new Set<string>();
    steps.forEach((s, index) => {
      const at: Location = { ...where, step: label(s, index) };
      for (const [key, value] of Object.entries(s)) {
        const expressions = fieldExpressions(key, value);
        checkNeeds(expressions, at);
        checkSteps(expressions, at, before, index);
      }
      if (ids[index] !== undefined) before.add(ids[index]!);
    });
  }
  return diagnostics;
}

function stepsOf(job: Json): Json[] {
  return Array.isArray(job.steps) ? (job.steps as Json[]) : [];
}

function label(s: Json, index: number): string {
  if (typeof s.id === "string") return `"${s.id}"`;
  if (typeof s.name === "string") return `"${s.name}"`;
  return `#${index + 1}`;
}

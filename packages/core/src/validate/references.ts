/**
 * Scoping of `needs.<job>` and `steps.<id>` in expressions, on the model: a job reads only the jobs it
 * lists in `needs`; a step reads only steps of its own job that ran before it (a step of a `parallel:`
 * group counts once the group is over; its siblings run beside it); job-level fields other than `outputs`
 * and `environment` cannot read steps at all.
 *
 * GitHub evaluates such a read to an empty value rather than refusing the workflow. A read of a job the
 * reader depends on only through others (needs.build in a job that needs test, which needs build) is a
 * warning: it runs after that job, but its needs context does not hold it. The other reads are errors,
 * since nothing about them can be meant.
 */
import type { Diagnostic, Location } from "../diagnostics.ts";
import { contextIds, fieldExpressions } from "./expressions.ts";

type Json = Record<string, unknown>;

/** Diagnostics for references that GitHub would reject or evaluate to an empty string. */
export function checkReferences(file: string, jobs: Record<string, Json>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stepOwner = new Map<string, string[]>();
  for (const [jobId, job] of Object.entries(jobs)) {
    for (const { step: s } of stepsOf(job)) if (typeof s.id === "string") stepOwner.set(s.id, [...(stepOwner.get(s.id) ?? []), jobId]);
  }
  const needsOf = (job: Json | undefined): string[] =>
    typeof job?.needs === "string" ? [job.needs] : Array.isArray(job?.needs) ? job.needs.filter((n): n is string => typeof n === "string") : [];

  for (const [jobId, job] of Object.entries(jobs)) {
    const needs = new Set(needsOf(job));
    const steps = stepsOf(job);
    const ids = steps.map(({ step: s }) => (typeof s.id === "string" ? s.id : undefined));
    const where: Location = { workflow: file, job: jobId };

    const checkNeeds = (expressions: string[], at: Location): void => {
      for (const expression of expressions) {
        for (const id of contextIds(expression, "needs")) {
          if (needs.has(id)) continue;
          const through = pathTo(jobId, id, (j) => needsOf(jobs[j]));
          diagnostics.push(
            through
              ? {
                  severity: "warning",
                  code: "needs-missing",
                  message: `job "${jobId}" reads needs.${id}, but depends on "${id}" only through ${through.map((j) => `"${j}"`).join(" and ")}, so needs.${id} is empty there`,
                  fix: `add ${id} to the needs of job "${jobId}"`,
                  where: at,
                }
              : {
                  severity: "error",
                  code: "needs-missing",
                  message: `job "${jobId}" reads needs.${id} but does not list "${id}" in needs`,
                  fix: `add ${id} to the needs of job "${jobId}"`,
                  where: at,
                },
          );
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
            const reader = steps[index]!;
            const relation =
              later === index ? "is itself" : steps[later]!.order === reader.order ? "runs beside it in the same parallel group" : "runs after it";
            message = `step ${reader.label} reads steps.${id}, which ${relation}`;
            fix =
              relation === "runs beside it in the same parallel group"
                ? "read the value in a step after the parallel group"
                : "move the step that produces the value before the step that reads it";
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
    // Ids of the steps that finished before the current one: those of earlier positions in the job.
    const before = new Set<string>();
    steps.forEach(({ step: s, order, label: name }, index) => {
      for (let i = 0; i < index; i++) if (steps[i]!.order < order && ids[i] !== undefined) before.add(ids[i]!);
      const at: Location = { ...where, step: name };
      for (const [key, value] of Object.entries(s)) {
        if (key === "parallel") continue;
        const expressions = fieldExpressions(key, value);
        checkNeeds(expressions, at);
        checkSteps(expressions, at, before, index);
      }
    });
  }
  return diagnostics;
}

/** A step of a job, the steps of `parallel:` groups included; `order` is its group's (or its own) position. */
interface StepEntry {
  step: Json;
  order: number;
  label: string;
}

function stepsOf(job: Json | undefined): StepEntry[] {
  if (!Array.isArray(job?.steps)) return [];
  return (job.steps as unknown[]).flatMap((s, order): StepEntry[] => {
    if (!isMapping(s)) return [];
    const group = s.parallel;
    if (!Array.isArray(group)) return [{ step: s, order, label: label(s, `#${order + 1}`) }];
    return [
      { step: s, order, label: `#${order + 1}` },
      ...group.flatMap((inner, i) => (isMapping(inner) ? [{ step: inner, order, label: label(inner, `#${order + 1}.${i + 1}`) }] : [])),
    ];
  });
}

function isMapping(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function label(s: Json, ordinal: string): string {
  if (typeof s.id === "string") return `"${s.id}"`;
  if (typeof s.name === "string") return `"${s.name}"`;
  return ordinal;
}

// The jobs through which `from` depends on `to` when it does only indirectly (its direct needs on the way),
// or undefined when it does not depend on it at all.
function pathTo(from: string, to: string, needsOf: (job: string) => string[]): string[] | undefined {
  const through: string[] = [];
  for (const direct of needsOf(from)) {
    const seen = new Set<string>([from]);
    const queue = [direct];
    while (queue.length > 0) {
      const job = queue.shift()!;
      if (seen.has(job)) continue;
      seen.add(job);
      if (job === to) {
        through.push(direct);
        break;
      }
      queue.push(...needsOf(job));
    }
  }
  return through.length > 0 ? through : undefined;
}

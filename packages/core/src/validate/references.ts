/**
 * Scoping of `needs.<job>` and `steps.<id>` in expressions, on the model: a job reads only the jobs it
 * lists in `needs`; a step reads only steps of its own job that ran before it (a step of a `parallel:`
 * group counts once the group is over; its siblings run beside it); job-level fields other than `outputs`
 * and `environment.url` cannot read steps at all.
 *
 * GitHub evaluates such a read to an empty value rather than refusing the workflow. A read of a job the
 * reader depends on only through others (needs.build in a job that needs test, which needs build) is a
 * warning: it runs after that job, but its needs context does not hold it. The other reads are errors,
 * since nothing about them can be meant.
 */
import { walkReferences } from "../expr/index.ts";
import { modelExpressions, type ValuePath } from "./expressions.ts";
import { type ExpressionProblem, problemAt } from "./problems.ts";

type Json = Record<string, unknown>;

/**
 * A step of a job in run order, steps of a parallel group included, with where it is in the model; `order`
 * is the position of its group (or of the step itself) among the job's steps.
 */
interface JobStep {
  value: Json;
  path: ValuePath;
  index: number;
  order: number;
}

/** The `needs-missing` and `step-reference` problems of a workflow, each at the reference. */
export function referenceProblems(model: Json): ExpressionProblem[] {
  const jobs = asJson(model.jobs);
  const stepOwner = new Map<string, string[]>();
  const jobSteps = new Map<string, JobSteps>();
  for (const [jobId, job] of Object.entries(jobs)) {
    const steps = indexSteps(stepsOf(asJson(job), ["jobs", jobId]));
    jobSteps.set(jobId, steps);
    for (const id of steps.first.keys()) stepOwner.set(id, [...(stepOwner.get(id) ?? []), jobId]);
  }

  const needsOf = (job: unknown): string[] => {
    const needs = asJson(job).needs;
    return (typeof needs === "string" ? [needs] : Array.isArray(needs) ? (needs as unknown[]) : []).map((n) => String(n).toLowerCase());
  };
  const jobIds = new Map(Object.keys(jobs).map((id) => [id.toLowerCase(), id]));
  const needsOfId = (id: string): string[] => needsOf(jobs[jobIds.get(id) ?? id]);

  // What a job's expressions may read in needs, worked out once per job rather than once per expression.
  // Context property names are case-insensitive: needs.Build reads the job build.
  const needsSets = new Map<string, Set<string>>();
  const needsSet = (jobId: string): Set<string> => {
    let needs = needsSets.get(jobId);
    if (needs === undefined) {
      needs = new Set(needsOf(jobs[jobId]));
      needsSets.set(jobId, needs);
    }
    return needs;
  };

  const problems: ExpressionProblem[] = [];
  for (const expression of modelExpressions(model).expressions) {
    const { site, parsed } = expression;
    const [root, jobId] = site.path;
    if (root !== "jobs" || typeof jobId !== "string" || !parsed.ok || !jobSteps.has(jobId)) continue;
    const needs = needsSet(jobId);
    // Looked up, not searched: a job with thousands of steps, each with an expression, stays linear.
    const { steps, first } = jobSteps.get(jobId)!;
    const current = stepAt(jobSteps.get(jobId)!, site.path);
    const jobLevelSteps = current === undefined && site.availability?.contexts.includes("steps") === true;
    walkReferences(parsed.node, {
      handle: () => {},
      call: () => {},
      context: (reference, node) => {
        const id = reference.path[0];
        const at = parsed.offsets.get(node) ?? 0;
        if (id === undefined || id === "*") {
          if (reference.context === "steps" && current === undefined && !jobLevelSteps) {
            // GitHub refuses the file at load, unlike the references it reads as empty: an error, not the rule's warning.
            problems.push(problemAt(expression, at, {
              code: "step-reference",
              severity: "error",
              message: `job "${jobId}" reads steps in a job-level field, where the steps context does not exist`,
              fix: "read step outputs in later steps, in the job's outputs, or in environment.url",
            }));
          }
          return;
        }
        if (reference.context === "needs" && !needs.has(id.toLowerCase())) {
          const through = pathTo(jobId.toLowerCase(), id.toLowerCase(), needsOfId);
          problems.push(
            problemAt(expression, at, {
              code: "needs-missing",
              ...(through
                ? {
                    severity: "warning" as const,
                    message: `job "${jobId}" reads needs.${id}, but depends on "${id}" only through ${through.map((j) => `"${jobIds.get(j) ?? j}"`).join(" and ")}, so needs.${id} is empty there`,
                  }
                : { message: `job "${jobId}" reads needs.${id} but does not list "${id}" in needs` }),
              fix: `add ${id} to the needs of job "${jobId}"`,
            }),
          );
        }
        if (reference.context !== "steps") return;
        const lower = id.toLowerCase();
        const earliest = first.get(lower);
        if (jobLevelSteps ? earliest !== undefined : current !== undefined && earliest !== undefined && earliest.order < current.order) return;
        problems.push(problemAt(expression, at, { code: "step-reference", ...stepProblem(id) }));
      },
    });

    function stepProblem(id: string): { message: string; fix: string; severity?: "error" } {
      const later = first.get(id.toLowerCase())?.index ?? -1;
      if (current === undefined && !jobLevelSteps) {
        return {
          severity: "error",
          message: `job "${jobId}" reads steps.${id} in a job-level field, where the steps context does not exist`,
          fix: "read step outputs in later steps, in the job's outputs, or in environment.url",
        };
      }
      if (later >= 0 && current !== undefined) {
        if (later !== current.index && steps[later]!.order === current.order) {
          return {
            message: `step ${label(current)} reads steps.${id}, which runs beside it in the same parallel group`,
            fix: "read the value in a step after the parallel group",
          };
        }
        return {
          message: `step ${label(current)} reads steps.${id}, which ${later === current.index ? "is itself" : "runs after it"}`,
          fix: "move the step that produces the value before the step that reads it",
        };
      }
      const owner = stepOwner.get(id.toLowerCase())?.[0];
      if (owner !== undefined) {
        return {
          message: `job "${jobId}" reads steps.${id}, a step of job "${owner}"; steps are local to their job`,
          fix: `declare a job output on "${owner}", add it to needs, and read needs.${owner}.outputs.<name>`,
        };
      }
      return {
        message: `job "${jobId}" reads steps.${id}, but no step of this job has the id "${id}"`,
        fix: `give the step that produces the value id: ${id}, or correct the reference`,
      };
    }
  }
  return problems;
}

function stepsOf(job: Json, jobPath: ValuePath): JobStep[] {
  const steps: JobStep[] = [];
  const list = Array.isArray(job.steps) ? (job.steps as unknown[]) : [];
  list.forEach((item, i) => {
    const value = asJson(item);
    if (Array.isArray(value.parallel)) {
      value.parallel.forEach((inner: unknown, j) =>
        steps.push({ value: asJson(inner), path: [...jobPath, "steps", i, "parallel", j], index: steps.length, order: i }),
      );
    } else {
      steps.push({ value, path: [...jobPath, "steps", i], index: steps.length, order: i });
    }
  });
  return steps;
}

/** A job's steps, by where they are in the model and by id (lowercase; the first step with an id). */
interface JobSteps {
  steps: JobStep[];
  byPath: Map<string, JobStep>;
  first: Map<string, JobStep>;
}

function indexSteps(steps: JobStep[]): JobSteps {
  const byPath = new Map<string, JobStep>();
  const first = new Map<string, JobStep>();
  for (const step of steps) {
    byPath.set(step.path.slice(3).join("/"), step);
    const id = typeof step.value.id === "string" ? step.value.id.toLowerCase() : undefined;
    if (id !== undefined && !first.has(id)) first.set(id, step);
  }
  return { steps, byPath, first };
}

/** The step whose path starts `path` (`jobs.<id>.steps.<i>[.parallel.<j>]...`), if any. */
function stepAt({ byPath }: JobSteps, path: ValuePath): JobStep | undefined {
  if (path[2] !== "steps") return undefined;
  return (path[4] === "parallel" ? byPath.get(path.slice(3, 6).join("/")) : undefined) ?? byPath.get(String(path[3]));
}

function label(step: JobStep): string {
  if (typeof step.value.id === "string") return `"${step.value.id}"`;
  if (typeof step.value.name === "string") return `"${step.value.name}"`;
  return `#${step.index + 1}`;
}

// The direct needs of `from` through which it depends on `to` when it does only indirectly, or undefined
// when it does not depend on it at all (ids lowercase).
function pathTo(from: string, to: string, needsOf: (job: string) => string[]): string[] | undefined {
  const through = needsOf(from).filter((direct) => {
    const seen = new Set<string>([from]);
    const queue = [direct];
    while (queue.length > 0) {
      const job = queue.shift()!;
      if (job === to) return true;
      if (seen.has(job)) continue;
      seen.add(job);
      queue.push(...needsOf(job));
    }
    return false;
  });
  return through.length > 0 ? through : undefined;
}

function asJson(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

/**
 * The job graph: every `needs` entry names a job of the workflow, and the graph has no cycle
 * (GitHub refuses to start such a workflow).
 */
import type { Diagnostic } from "../diagnostics.ts";

/** Diagnostics for unknown jobs in `needs` and for dependency cycles. */
export function checkNeeds(file: string, jobs: Record<string, Record<string, unknown>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const graph = new Map<string, string[]>();
  for (const [id, job] of Object.entries(jobs)) {
    const written = job?.needs;
    const needs = typeof written === "string" ? [written] : Array.isArray(written) ? written.filter((n): n is string => typeof n === "string") : [];
    graph.set(id, needs);
    needs.forEach((needed) => {
      if (Object.hasOwn(jobs, needed)) return;
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message: `job "${id}" needs "${needed}", which is not a job of this workflow (jobs: ${Object.keys(jobs).join(", ")})`,
        fix: `correct the job id in needs, or add a job "${needed}"`,
        where: { workflow: file, job: id, path: Array.isArray(written) ? ["jobs", id, "needs", written.indexOf(needed)] : ["jobs", id, "needs"] },
      });
    });
  }
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const key = [...cycle].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        diagnostics.push({
          severity: "error",
          code: "invalid-workflow",
          message: `jobs depend on each other in a cycle: ${cycle.join(" -> ")}`,
          fix: "remove one of these needs entries so that the jobs can run in order",
          where: { workflow: file, job: id, path: ["jobs", id, "needs"] },
        });
      }
      return;
    }
    state.set(id, "visiting");
    for (const next of graph.get(id) ?? []) if (graph.has(next)) visit(next, [...path, id]);
    state.set(id, "done");
  };
  for (const id of graph.keys()) visit(id, []);
  return diagnostics;
}

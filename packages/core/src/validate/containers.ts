/**
 * A job's container and each of its service containers need an image. GitHub checks it when it loads the
 * workflow, except in a container with an expression anywhere in it, which it checks once the expressions
 * are evaluated (an expression may yield the image). An empty image name is refused by the model itself.
 */
import type { Diagnostic } from "../diagnostics.ts";

type Json = Record<string, unknown>;

/** Diagnostics for container mappings without an image. */
export function checkContainers(file: string, jobs: Record<string, Json>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [id, job] of Object.entries(jobs)) {
    if (job === null || typeof job !== "object") continue;
    const check = (container: unknown, path: (string | number)[], what: string) => {
      if (!isMapping(container) || container.image !== undefined || hasExpression(container)) return;
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message: `${what} of job "${id}" has no image; GitHub refuses a container without one`,
        fix: "set image: to the image the container runs, e.g. image: node:22",
        where: { workflow: file, job: id, path },
      });
    };
    check(job.container, ["jobs", id, "container"], "the container");
    if (isMapping(job.services)) {
      for (const [name, service] of Object.entries(job.services)) check(service, ["jobs", id, "services", name], `service "${name}"`);
    }
  }
  return diagnostics;
}

function isMapping(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function hasExpression(value: unknown): boolean {
  if (typeof value === "string") return value.includes("${{");
  if (value === null || typeof value !== "object") return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(hasExpression);
}

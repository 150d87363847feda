/**
 * A job that calls a workflow of its own repository (`uses: ./.github/workflows/build.yml`) runs it from the
 * caller's commit, so GitHub refuses a ref there (`./.github/workflows/build.yml@main`) when it loads the
 * workflow. (The parser of @actions/workflow-parser does not check call references; GitHub's service does.)
 */
import type { Diagnostic } from "../diagnostics.ts";

/** Diagnostics for calls of a local reusable workflow that name a ref. */
export function checkReusableCalls(file: string, jobs: Record<string, Record<string, unknown>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [id, job] of Object.entries(jobs)) {
    const uses = job?.uses;
    if (typeof uses !== "string" || !uses.startsWith("./")) continue;
    const at = uses.indexOf("@");
    if (at < 0) continue;
    diagnostics.push({
      severity: "error",
      code: "invalid-workflow",
      message: `job "${id}" calls "${uses}", a workflow of this repository with a ref; GitHub refuses it, since a local workflow always runs from the caller's own commit`,
      fix: `write uses: ${uses.slice(0, at)}`,
      where: { workflow: file, job: id, path: ["jobs", id, "uses"] },
    });
  }
  return diagnostics;
}

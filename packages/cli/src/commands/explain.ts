/**
 * `wfgen explain <workflow> [job]`: for every GITHUB_TOKEN scope a job is granted, which step needs it and
 * why. Reads the same definitions as `build` (workflows.ts, every project of wfgen.config.ts) and asks the
 * permissions engine, so the answer is exactly what the build grants or verifies.
 */
import type { Diagnostic } from "@wfgen/core";
import { CliError } from "../errors.ts";
import { ExitCode, type IO } from "../io.ts";
import { resolveProjects, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { formatDiagnostics, hasErrors } from "../output/diagnostics.ts";
import { styleFor } from "../output/style.ts";
import { mapDiagnostics } from "../load/module.ts";
import { loadWorkflows } from "../plan.ts";

/** Flags and arguments of `wfgen explain`. */
export interface ExplainOptions extends ProjectFlags {
  json: boolean;
  quiet: boolean;
  /** The positional arguments: the workflow, then optionally the job. */
  names: string[];
}

/** Explain the permissions of one workflow (or one of its jobs). */
export async function explain(options: ExplainOptions, io: IO): Promise<ExitCode> {
  const [workflow, job, ...extra] = options.names;
  if (workflow === undefined || extra.length > 0) {
    throw new CliError(
      "bad-argument",
      workflow === undefined
        ? "wfgen explain: name the workflow to explain, e.g. `wfgen explain deploy-image` (its file name without .yml, or its export name)."
        : `wfgen explain: unexpected argument "${extra[0]}"; it takes a workflow and optionally a job.`,
    );
  }
  const root = resolveRoot(options, io.cwd);
  const entries: Array<{ exportName: string; value: unknown }> = [];
  for (const project of await resolveProjects(root, options, io.cwd)) entries.push(...(await loadWorkflows(project, root, io.cwd)));

  const { explainPermissions, explanationJson, formatExplanation } = await import("@wfgen/core");
  const result = explainPermissions(entries, workflow, job);
  const unknown = result.diagnostics.find((d) => d.code === "explain-unknown-workflow" || d.code === "explain-unknown-job");
  if (unknown) throw new CliError(unknown.code, `wfgen explain: ${unknown.message}`, { details: unknown.fix ? [unknown.fix] : [] });

  const diagnostics: Diagnostic[] = await mapDiagnostics(result.diagnostics);
  if (options.json) {
    const json = { ...explanationJson(result.explanation!), command: "explain", ok: !hasErrors(diagnostics), diagnostics };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout.write(`${formatExplanation(result.explanation!)}\n`);
    if (diagnostics.length > 0) io.stderr.write(await formatDiagnostics(diagnostics, styleFor(io)));
  }
  return hasErrors(diagnostics) ? ExitCode.failed : ExitCode.ok;
}

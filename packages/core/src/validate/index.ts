/**
 * What GitHub refuses when it loads a workflow, beyond the syntax the zod model checks. The checks run on
 * plain models, so the same ones serve workflows built from TypeScript and YAML read by `wfgen lint` and
 * `wfgen import`; the other semantic checks (references, schedules, expressions) are lint rules, which the
 * build runs too.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { checkContainers } from "./containers.ts";
import { checkIds } from "./ids.ts";
import { checkNeeds } from "./needs.ts";
import { checkReusableCalls } from "./reusable-calls.ts";

export { checkEventConfig } from "./event-config.ts";
export { checkWithGitHubParser, githubLoadErrors, githubParserErrors } from "./github-parser.ts";
export { cronProblem } from "./cron.ts";

type Jobs = Record<string, Record<string, unknown>>;

function jobsOf(model: Record<string, unknown>): Jobs {
  const jobs = model.jobs;
  return jobs !== null && typeof jobs === "object" && !Array.isArray(jobs) ? (jobs as Jobs) : {};
}

/**
 * What GitHub refuses when it loads a workflow, beyond the syntax the model checks: ids (malformed, or the
 * same but for case), `needs` naming an unknown job or closing a cycle, a local reusable workflow called
 * with a ref, a container without an image. All are `invalid-workflow`, in the build and in `wfgen lint`.
 * Each diagnostic carries the model path of the value at fault.
 */
export function loadProblems(file: string, model: Record<string, unknown>): Diagnostic[] {
  const jobs = jobsOf(model);
  return [...checkIds(file, jobs), ...checkNeeds(file, jobs), ...checkReusableCalls(file, jobs), ...checkContainers(file, jobs)];
}

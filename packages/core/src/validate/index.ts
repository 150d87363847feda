/**
 * Semantic checks on the model, beyond what the zod schemas express. They run on plain models, so the
 * same checks serve workflows built from TypeScript and YAML read by `wfgen lint` and `wfgen import`.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { checkContainers } from "./containers.ts";
import { checkEventConfig } from "./event-config.ts";
import { checkIds } from "./ids.ts";
import { checkNeeds } from "./needs.ts";
import { checkReferences } from "./references.ts";
import { checkReusableCalls } from "./reusable-calls.ts";
import { checkSchedule } from "./schedule.ts";

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
 * with a ref, a container without an image. `wfgen lint` reports these as invalid-workflow; the build
 * refuses them. Each diagnostic carries the model path of the value at fault.
 */
export function loadProblems(file: string, model: Record<string, unknown>): Diagnostic[] {
  const jobs = jobsOf(model);
  return [...checkIds(file, jobs), ...checkNeeds(file, jobs), ...checkReusableCalls(file, jobs), ...checkContainers(file, jobs)];
}

/** All semantic diagnostics for one workflow model. */
export function validateModel(file: string, model: Record<string, unknown>): Diagnostic[] {
  return [...loadProblems(file, model), ...checkReferences(file, model), ...checkSchedule(file, model.on), ...checkEventConfig(file, model.on)];
}

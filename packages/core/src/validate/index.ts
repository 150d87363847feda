/**
 * Semantic checks on the model, beyond what the zod schemas express. They run on plain models, so the
 * same checks serve workflows built from TypeScript and YAML read by `wfgen lint` and `wfgen import`.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { checkEventConfig } from "./event-config.ts";
import { checkIds } from "./ids.ts";
import { checkNeeds } from "./needs.ts";
import { checkReferences } from "./references.ts";
import { checkSchedule } from "./schedule.ts";

export { checkWithGitHubParser } from "./github-parser.ts";
export { cronProblem } from "./cron.ts";

/** All semantic diagnostics for one workflow model. */
export function validateModel(file: string, model: Record<string, unknown>): Diagnostic[] {
  const jobs = (model.jobs ?? {}) as Record<string, Record<string, unknown>>;
  return [...checkIds(file, jobs), ...checkNeeds(file, jobs), ...checkReferences(file, model), ...checkSchedule(file, model.on), ...checkEventConfig(file, model.on)];
}

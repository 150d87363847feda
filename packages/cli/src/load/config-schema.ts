/**
 * The schema of `wfgen.config.ts`, with its `lint` section. A module of its own so that zod loads only
 * for a project that has a config file, not before every build and check starts bundling.
 */
import { z } from "zod";

export { z };

const severity = z.enum(["off", "error", "warning", "info"]);

/** The schema of `lint` in wfgen.config.ts (see `LintConfig` in config.ts). */
const lintConfigSchema = z.strictObject({
  rules: z.record(z.string(), severity).optional(),
  suppressions: z
    .array(
      z.strictObject({
        rule: z.string().min(1),
        workflow: z.string().min(1).optional(),
        job: z.string().min(1).optional(),
        step: z.string().min(1).optional(),
        reason: z.string().trim().min(1, "a suppression needs a reason: say why the finding is acceptable"),
        severity: z.enum(["warning", "info"]).optional(),
      }),
    )
    .optional(),
  runnerLabels: z.array(z.string().min(1)).optional(),
});

/** The schema of the whole config. */
export const configSchema = z.strictObject({
  entry: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  projects: z
    .array(z.strictObject({ entry: z.string().min(1), out: z.string().min(1).optional() }))
    .min(1)
    .optional(),
  lint: lintConfigSchema.optional(),
  permissionComments: z.boolean().optional(),
});

/** The contents of `wfgen.config.ts`, checked. */
export type LoadedConfig = z.infer<typeof configSchema>;

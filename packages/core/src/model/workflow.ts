// The root of a workflow file.

import { z } from "zod";
import { ConcurrencySchema } from "./concurrency.ts";
import { DefaultsSchema } from "./defaults.ts";
import { EnvSchema } from "./env.ts";
import { JobIdSchema, JobSchema } from "./job.ts";
import { nonEmpty, objectWithRaw } from "./object.ts";
import { PermissionsSchema } from "./permissions.ts";
import { TextSchema } from "./text.ts";
import { OnSchema } from "./triggers.ts";

/** `jobs:`: job id to job; at least one. */
export const JobsSchema = nonEmpty(z.record(JobIdSchema, JobSchema), "no jobs; a workflow needs at least one job");

/** A whole workflow: what one `.github/workflows/*.yml` file holds. */
export const WorkflowSchema = objectWithRaw(
  {
    name: TextSchema.optional(),
    // Not in GitHub's documentation, but in the schema of its parser: a description shown with the workflow.
    description: TextSchema.optional(),
    "run-name": TextSchema.optional(),
    on: OnSchema,
    env: EnvSchema.optional(),
    defaults: DefaultsSchema.optional(),
    concurrency: ConcurrencySchema.optional(),
    permissions: PermissionsSchema.optional(),
    jobs: JobsSchema,
  },
  "a workflow",
);

/** A whole workflow, as parsed. */
export type Workflow = z.infer<typeof WorkflowSchema>;

/** A whole workflow, as accepted before parsing (the same shape: the model has no defaults or transforms). */
export type WorkflowInput = z.input<typeof WorkflowSchema>;

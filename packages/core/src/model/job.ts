// A job is either a normal job, which runs steps on a runner, or a call job, which runs a reusable
// workflow (`uses: owner/repo/.github/workflows/build.yml@v1`) and takes only the keys GitHub allows
// there: no runner, steps, env, container or outputs of its own.

import { z } from "zod";
import { ConcurrencySchema } from "./concurrency.ts";
import { ContainerSchema, ServicesSchema } from "./container.ts";
import { DefaultsSchema } from "./defaults.ts";
import { EnvSchema, ScalarSchema } from "./env.ts";
import { ConditionSchema, orExpression } from "./expression.ts";
import { expectedMessage, notAllowedMessage, show } from "./messages.ts";
import { nameSchema, objectWithRaw, strictObject } from "./object.ts";
import { PermissionsSchema } from "./permissions.ts";
import { StepSchema } from "./step.ts";
import { StrategySchema } from "./strategy.ts";
import { NonEmptyTextSchema, TextSchema } from "./text.ts";

/** A job id: the key of a job under `jobs:`, which `needs` refers to. */
export const JobIdSchema = nameSchema("job id");

/**
 * `needs:`: the id of a job that must finish first, or a list of them. Whether each names a job of the
 * workflow is checked by validate/needs.ts.
 */
export const NeedsSchema = z.union([NonEmptyTextSchema, z.array(NonEmptyTextSchema)], {
  error: (issue) => expectedMessage(issue.input, "a job id or a list of job ids"),
});

const LABELS = z.union([NonEmptyTextSchema, z.array(NonEmptyTextSchema)], {
  error: (issue) => expectedMessage(issue.input, "a runner label or a list of labels"),
});

/** `runs-on:`: a runner label, a list of labels a runner must all have, or a runner group and its labels. */
export const RunsOnSchema = z.union(
  [
    NonEmptyTextSchema,
    z.array(NonEmptyTextSchema),
    strictObject({ group: NonEmptyTextSchema.optional(), labels: LABELS.optional() }, "runs-on"),
  ],
  {
    error: (issue) =>
      expectedMessage(issue.input, "a runner label, a list of labels, or a mapping with group and labels"),
  },
);

/** `runs-on:` of a job. */
export type RunsOn = z.infer<typeof RunsOnSchema>;

/** `environment:`: a deployment environment's name, or its name with a URL and whether to deploy. */
export const EnvironmentSchema = z.union(
  [
    TextSchema,
    strictObject(
      {
        name: TextSchema,
        url: TextSchema.optional(),
        deployment: orExpression(z.boolean(), "true or false").optional(),
      },
      "environment",
    ),
  ],
  { error: (issue) => expectedMessage(issue.input, "an environment name or a mapping with name") },
);

/** `environment:` of a job. */
export type Environment = z.infer<typeof EnvironmentSchema>;

/** `snapshot:`: the custom image to save after the job, by name, or its name, version and condition. */
export const SnapshotSchema = z.union(
  [
    NonEmptyTextSchema,
    strictObject(
      { "image-name": NonEmptyTextSchema, if: ConditionSchema.optional(), version: NonEmptyTextSchema.optional() },
      "snapshot",
    ),
  ],
  { error: (issue) => expectedMessage(issue.input, "an image name or a mapping with image-name") },
);

const USES_WITH_RUNS_ON =
  "uses and runs-on cannot both be set: a job either runs its steps on a runner (runs-on) or calls a reusable workflow (uses), so split it in two jobs";

/** A job that runs steps on a runner. `runs-on` is required; so is `steps` in practice, but not in the syntax. */
export const NormalJobSchema = objectWithRaw(
  {
    name: TextSchema.optional(),
    needs: NeedsSchema.optional(),
    if: ConditionSchema.optional(),
    "runs-on": RunsOnSchema,
    snapshot: SnapshotSchema.optional(),
    environment: EnvironmentSchema.optional(),
    permissions: PermissionsSchema.optional(),
    outputs: z.record(z.string().min(1), TextSchema).optional(),
    env: EnvSchema.optional(),
    defaults: DefaultsSchema.optional(),
    concurrency: ConcurrencySchema.optional(),
    strategy: StrategySchema.optional(),
    container: ContainerSchema.optional(),
    services: ServicesSchema.optional(),
    "timeout-minutes": orExpression(z.number(), "a number").optional(),
    "cancel-timeout-minutes": orExpression(z.number(), "a number").optional(),
    "continue-on-error": orExpression(z.boolean(), "true or false").optional(),
    steps: z.array(StepSchema).optional(),
  },
  "a job",
  { uses: USES_WITH_RUNS_ON },
);

/** A job that runs steps on a runner. */
export type NormalJob = z.infer<typeof NormalJobSchema>;

// A workflow file in this repository (./.github/workflows/x.yml) or in another one (owner/repo/path@ref).
// SchemaStore writes this as /^(.+\/)+(.+)\.(ya?ml)(@.+)?$/, whose nested repetition backtracks
// exponentially on a long path that does not match; path segments without `/` keep the match linear.
const REUSABLE_WORKFLOW = /^(?:[^/]+\/)+[^/]+\.ya?ml(?:@.+)?$/;

/** A job that calls a reusable workflow. `secrets: inherit` passes all of the caller's secrets on. */
export const CallJobSchema = objectWithRaw(
  {
    name: TextSchema.optional(),
    needs: NeedsSchema.optional(),
    if: ConditionSchema.optional(),
    uses: TextSchema.pipe(z.string().regex(REUSABLE_WORKFLOW, {
      error: (issue) =>
        `${show(issue.input)} is not a workflow file; write ./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>`,
    })),
    with: z.record(z.string().min(1), ScalarSchema).optional(),
    secrets: z
      .union(
        [
          z.literal("inherit", {
            error: (issue) => notAllowedMessage(issue.input, "secrets", ["inherit", "a mapping of names to values"]),
          }),
          z.record(z.string().min(1), ScalarSchema),
        ],
        { error: (issue) => expectedMessage(issue.input, "inherit or a mapping of secret names to values") },
      )
      .optional(),
    permissions: PermissionsSchema.optional(),
    strategy: StrategySchema.optional(),
    concurrency: ConcurrencySchema.optional(),
  },
  "a job that calls a reusable workflow",
  { "runs-on": USES_WITH_RUNS_ON },
);

/** A job that calls a reusable workflow. */
export type CallJob = z.infer<typeof CallJobSchema>;

/** One job under `jobs:`: a call job when it has `uses`, a normal job otherwise. */
export const JobSchema = z.union([NormalJobSchema, CallJobSchema], {
  error: (issue) => expectedMessage(issue.input, "a job: a mapping with runs-on, or with uses to call a workflow"),
});

/** One job under `jobs:`. */
export type Job = z.infer<typeof JobSchema>;

// `env:` at the workflow, job, step and container level, and the scalar values it shares with a step's
// `with:`. GitHub hands every value to the process as a string: numbers and booleans are written bare in
// YAML and converted by the runner, and a key with no value (null) is the empty string. The model keeps
// them as written, so that a workflow reads back as it was.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { expectedMessage } from "./messages.ts";

/** A value of `env:` or `with:`: a string, a number, a boolean, or null (no value, which GitHub reads as ""). */
export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => expectedMessage(issue.input, "a string, a number or a boolean"),
});

/** A value of `env:` or `with:`. */
export type Scalar = z.infer<typeof ScalarSchema>;

/** Variable name to value. */
export const EnvMapSchema = z.record(z.string().min(1), ScalarSchema);

/** `env:`: variable name to value, or one expression that yields the mapping (`${{ fromJSON(...) }}`). */
export const EnvSchema = orExpression(EnvMapSchema, "a mapping of variable names to values");

/** `env:` at any level. */
export type Env = z.infer<typeof EnvSchema>;

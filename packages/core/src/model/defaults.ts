// `defaults:` at the workflow or job level: the shell and working directory of every `run` step that does
// not set its own. GitHub accepts an empty `defaults:` or `defaults.run:` (they change nothing), and at the
// job level an expression for `defaults.run`.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { strictObject } from "./object.ts";
import { NonEmptyTextSchema } from "./text.ts";

/** `defaults.run`: the shell and working directory of `run` steps. */
export const DefaultsRunSchema = strictObject(
  { shell: NonEmptyTextSchema.optional(), "working-directory": NonEmptyTextSchema.optional() },
  "defaults.run",
);

/** `defaults:` at the workflow or job level. */
export const DefaultsSchema = strictObject(
  { run: orExpression(DefaultsRunSchema, "a mapping with shell or working-directory").optional() },
  "defaults",
);

/** `defaults:` at the workflow or job level. */
export type Defaults = z.infer<typeof DefaultsSchema>;

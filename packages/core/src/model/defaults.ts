// `defaults:` at the workflow or job level: the shell and working directory of every `run` step that does
// not set its own.

import { z } from "zod";
import { nonEmpty, strictObject } from "./object.ts";

/** `defaults.run`: at least one of shell and working-directory. */
export const DefaultsRunSchema = nonEmpty(
  strictObject(
    { shell: z.string().min(1).optional(), "working-directory": z.string().min(1).optional() },
    "defaults.run",
  ),
  "empty; set shell or working-directory, or leave defaults.run out",
);

/** `defaults:` at the workflow or job level. */
export const DefaultsSchema = nonEmpty(
  strictObject({ run: DefaultsRunSchema.optional() }, "defaults"),
  "empty; set defaults.run, or leave defaults out",
);

/** `defaults:` at the workflow or job level. */
export type Defaults = z.infer<typeof DefaultsSchema>;

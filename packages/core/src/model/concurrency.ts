// `concurrency:` at the workflow or job level: the group runs share, whether a new run cancels the one in
// progress, and how many wait.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { expectedMessage, notAllowedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";
import { NonEmptyTextSchema, TextSchema } from "./text.ts";

const QUEUE = ["single", "max"] as const;

/** The mapping form of `concurrency:`. `queue` defaults to single: one pending run, newer ones replace it. */
export const ConcurrencyObjectSchema = strictObject(
  {
    group: NonEmptyTextSchema,
    "cancel-in-progress": orExpression(z.boolean(), "true or false").optional(),
    queue: orExpression(z.enum(QUEUE, { error: (issue) => notAllowedMessage(issue.input, "queue", QUEUE) }), QUEUE.join(" or ")).optional(),
  },
  "concurrency",
);

/**
 * `concurrency:`: a group name (expressions allowed), or the mapping form. GitHub's schema lets the
 * workflow-level name be empty (no group), the job-level one not; the model accepts both.
 */
export const ConcurrencySchema = z.union([TextSchema, ConcurrencyObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "a group name or a mapping with group"),
});

/** `concurrency:` at the workflow or job level. */
export type Concurrency = z.infer<typeof ConcurrencySchema>;

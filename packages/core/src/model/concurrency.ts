// `concurrency:` at the workflow or job level: the group runs share, whether a new run cancels the one in
// progress, and how many wait.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { expectedMessage, notAllowedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";

const QUEUE = ["single", "max"] as const;

/** The mapping form of `concurrency:`. `queue` defaults to single: one pending run, newer ones replace it. */
export const ConcurrencyObjectSchema = strictObject(
  {
    group: z.string().min(1),
    "cancel-in-progress": orExpression(z.boolean(), "true or false").optional(),
    queue: z.enum(QUEUE, { error: (issue) => notAllowedMessage(issue.input, "queue", QUEUE) }).optional(),
  },
  "concurrency",
);

/** `concurrency:`: a group name (expressions allowed), or the mapping form. */
export const ConcurrencySchema = z.union([z.string().min(1), ConcurrencyObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "a group name or a mapping with group"),
});

/** `concurrency:` at the workflow or job level. */
export type Concurrency = z.infer<typeof ConcurrencySchema>;

// The interface of a workflow started by hand (workflow_dispatch inputs) or called by another workflow
// (workflow_call inputs, outputs and secrets). Each input is a union on `type`, so its default and its
// options are checked against the type it declares, as GitHub checks them when it loads the workflow: a
// boolean input's default is true or false, a string input's default a string (an empty `default:` is the
// empty string), and a number input's default anything, since GitHub converts it only when the workflow runs.

import { z } from "zod";
import { WORKFLOW_CALL_INPUT_TYPES, WORKFLOW_DISPATCH_INPUT_TYPES } from "../facts/index.ts";
import { orExpression } from "./expression.ts";
import { expectedMessage, notAllowedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";
import { NonEmptyTextSchema, TextSchema } from "./text.ts";

// GitHub puts no rule on these names beyond being non-empty.
const NAME = NonEmptyTextSchema;

// A default where the input takes a string: a string, or nothing (null), which GitHub reads as "".
const STRING_DEFAULT = z.union([z.string(), z.null().transform(() => "")], {
  error: (issue) => expectedMessage(issue.input, "a string"),
});

// A number input's default: any scalar, kept as written (null is read as "").
const NUMBER_DEFAULT = z.union([z.number(), z.string(), z.boolean(), z.null().transform(() => "")]);

// The message when `type` matches no variant; other issues keep the generic wording.
function typeMessage(allowed: readonly string[]) {
  return (issue: { code: string; input?: unknown }) => {
    if (issue.code !== "invalid_union") return undefined;
    const { input } = issue;
    const type = typeof input === "object" && input !== null && "type" in input ? input.type : undefined;
    return notAllowedMessage(type, "type", allowed);
  };
}

const dispatchCommon = {
  description: TextSchema.optional(),
  required: z.boolean().optional(),
  deprecationMessage: TextSchema.optional(),
};

/**
 * One workflow_dispatch input. `type` defaults to string; a choice lists its `options`; the default has the
 * input's type (environment names are strings).
 */
export const WorkflowDispatchInputSchema = z.discriminatedUnion(
  "type",
  [
    strictObject(
      { ...dispatchCommon, type: z.literal("string").optional(), default: STRING_DEFAULT.optional() },
      "a string input",
    ),
    strictObject(
      {
        ...dispatchCommon,
        type: z.literal("choice"),
        options: z.array(TextSchema).min(1),
        default: STRING_DEFAULT.optional(),
      },
      "a choice input",
    ),
    strictObject({ ...dispatchCommon, type: z.literal("boolean"), default: z.boolean().optional() }, "a boolean input"),
    strictObject({ ...dispatchCommon, type: z.literal("number"), default: NUMBER_DEFAULT.optional() }, "a number input"),
    strictObject(
      { ...dispatchCommon, type: z.literal("environment"), default: STRING_DEFAULT.optional() },
      "an environment input",
    ),
  ],
  { error: typeMessage(WORKFLOW_DISPATCH_INPUT_TYPES) },
);

/** One workflow_dispatch input. */
export type WorkflowDispatchInput = z.infer<typeof WorkflowDispatchInputSchema>;

/** The inputs of workflow_dispatch, by name. */
export const WorkflowDispatchInputsSchema = z.record(NAME, WorkflowDispatchInputSchema);

const callCommon = { description: TextSchema.optional(), required: z.boolean().optional() };

/** One workflow_call input. `type` is required; a default may also be an expression, which the caller's run evaluates. */
export const WorkflowCallInputSchema = z.discriminatedUnion(
  "type",
  [
    strictObject(
      { ...callCommon, type: z.literal("boolean"), default: orExpression(z.boolean(), "true or false").optional() },
      "a boolean input",
    ),
    strictObject(
      { ...callCommon, type: z.literal("number"), default: NUMBER_DEFAULT.optional() },
      "a number input",
    ),
    strictObject({ ...callCommon, type: z.literal("string"), default: STRING_DEFAULT.optional() }, "a string input"),
  ],
  { error: typeMessage(WORKFLOW_CALL_INPUT_TYPES) },
);

/** One workflow_call input. */
export type WorkflowCallInput = z.infer<typeof WorkflowCallInputSchema>;

/** One workflow_call output: the value, usually `${{ jobs.<id>.outputs.<name> }}`, and a description. */
export const WorkflowCallOutputSchema = strictObject(
  { description: TextSchema.optional(), value: TextSchema },
  "a workflow_call output",
);

/** One workflow_call secret; `null` declares an optional secret without a description. */
export const WorkflowCallSecretSchema = strictObject(
  { description: TextSchema.optional(), required: z.boolean().optional() },
  "a workflow_call secret",
).nullable();

/** The inputs of workflow_call, by name. */
export const WorkflowCallInputsSchema = z.record(NAME, WorkflowCallInputSchema);

/** The outputs of workflow_call, by name. */
export const WorkflowCallOutputsSchema = z.record(NAME, WorkflowCallOutputSchema);

/** The secrets of workflow_call, by name. */
export const WorkflowCallSecretsSchema = z.record(NAME, WorkflowCallSecretSchema);

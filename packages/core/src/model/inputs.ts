// The interface of a workflow started by hand (workflow_dispatch inputs) or called by another workflow
// (workflow_call inputs, outputs and secrets). Each input is a union on `type`, so its default and its
// options are checked against the type it declares.

import { z } from "zod";
import { WORKFLOW_CALL_INPUT_TYPES, WORKFLOW_DISPATCH_INPUT_TYPES } from "../facts/index.ts";
import { orExpression } from "./expression.ts";
import { notAllowedMessage } from "./messages.ts";
import { nameSchema, strictObject } from "./object.ts";

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
  description: z.string().optional(),
  required: z.boolean().optional(),
  deprecationMessage: z.string().optional(),
};

/**
 * One workflow_dispatch input. `type` defaults to string; a choice lists its `options`; the default has the
 * input's type (environment names are strings).
 */
export const WorkflowDispatchInputSchema = z.discriminatedUnion(
  "type",
  [
    strictObject(
      { ...dispatchCommon, type: z.literal("string").optional(), default: z.string().optional() },
      "a string input",
    ),
    strictObject(
      {
        ...dispatchCommon,
        type: z.literal("choice"),
        options: z.array(z.string()).min(1),
        default: z.string().optional(),
      },
      "a choice input",
    ),
    strictObject({ ...dispatchCommon, type: z.literal("boolean"), default: z.boolean().optional() }, "a boolean input"),
    strictObject({ ...dispatchCommon, type: z.literal("number"), default: z.number().optional() }, "a number input"),
    strictObject(
      { ...dispatchCommon, type: z.literal("environment"), default: z.string().optional() },
      "an environment input",
    ),
  ],
  { error: typeMessage(WORKFLOW_DISPATCH_INPUT_TYPES) },
);

/** One workflow_dispatch input. */
export type WorkflowDispatchInput = z.infer<typeof WorkflowDispatchInputSchema>;

/** The inputs of workflow_dispatch, by name. */
export const WorkflowDispatchInputsSchema = z.record(nameSchema("input name"), WorkflowDispatchInputSchema);

const callCommon = { description: z.string().optional(), required: z.boolean().optional() };

/**
 * One workflow_call input. `type` is required; a boolean or number default may also be an expression,
 * which the caller's run evaluates.
 */
export const WorkflowCallInputSchema = z.discriminatedUnion(
  "type",
  [
    strictObject(
      { ...callCommon, type: z.literal("boolean"), default: orExpression(z.boolean(), "true or false").optional() },
      "a boolean input",
    ),
    strictObject(
      { ...callCommon, type: z.literal("number"), default: orExpression(z.number(), "a number").optional() },
      "a number input",
    ),
    strictObject({ ...callCommon, type: z.literal("string"), default: z.string().optional() }, "a string input"),
  ],
  { error: typeMessage(WORKFLOW_CALL_INPUT_TYPES) },
);

/** One workflow_call input. */
export type WorkflowCallInput = z.infer<typeof WorkflowCallInputSchema>;

/** One workflow_call output: the value, usually `${{ jobs.<id>.outputs.<name> }}`, and a description. */
export const WorkflowCallOutputSchema = strictObject(
  { description: z.string().optional(), value: z.string() },
  "a workflow_call output",
);

/** One workflow_call secret; `null` declares an optional secret without a description. */
export const WorkflowCallSecretSchema = strictObject(
  { description: z.string().optional(), required: z.boolean().optional() },
  "a workflow_call secret",
).nullable();

/** The inputs of workflow_call, by name. */
export const WorkflowCallInputsSchema = z.record(nameSchema("input name"), WorkflowCallInputSchema);

/** The outputs of workflow_call, by name. */
export const WorkflowCallOutputsSchema = z.record(nameSchema("output name"), WorkflowCallOutputSchema);

/** The secrets of workflow_call, by name. */
export const WorkflowCallSecretsSchema = z.record(nameSchema("secret name"), WorkflowCallSecretSchema);

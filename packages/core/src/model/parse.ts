// Validation of a whole workflow with messages a user can act on. zod reports a failed union as every
// form the value failed to be; here such a report is narrowed to the form the user evidently meant (the
// one whose type the value has, with the fewest problems), so the message names the real mistake.

import type { z } from "zod";
import { expectedMessage, notAllowedMessage, show } from "./messages.ts";
import { WorkflowSchema, type Workflow } from "./workflow.ts";

type Issue = z.core.$ZodIssue;

/** One problem found in a workflow: where it is, and a message that starts with that place. */
export type ModelIssue = { path: (string | number)[]; message: string };

/** The outcome of parseWorkflowModel. */
export type ParseWorkflowResult = { ok: true; workflow: Workflow } | { ok: false; issues: ModelIssue[] };

// Messages the schemas do not word themselves are worded here, from the issue and the input it carries;
// this marker tells the two apart.
const UNWORDED = "\u0000";

/**
 * Validates `value` (a workflow as plain data, for example parsed YAML) against the model. On failure,
 * each issue's message names the offending path and what is allowed there, e.g.
 * "permissions.id-token: 'read' is not allowed; id-token takes write or none".
 */
export function parseWorkflowModel(value: unknown): ParseWorkflowResult {
  const result = WorkflowSchema.safeParse(value, { reportInput: true, error: () => UNWORDED });
  if (result.success) return { ok: true, workflow: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => explain(issue, [])) };
}

function explain(issue: Issue, base: (string | number)[]): ModelIssue[] {
  const path = [...base, ...issue.path.map((key) => (typeof key === "number" ? key : String(key)))];
  switch (issue.code) {
    case "invalid_union": {
      const meant = meantBranch(issue.errors);
      if (meant !== undefined) return meant.flatMap((inner) => explain(inner, path));
      break;
    }
    case "invalid_key":
    case "invalid_element":
      return issue.issues.flatMap((inner) => explain(inner, path));
    case "unrecognized_keys":
      if (issue.keys.length === 1) return [at([...path, issue.keys[0]!], word(issue, path))];
      break;
  }
  return [at(path, word(issue, path))];
}

function at(path: (string | number)[], detail: string): ModelIssue {
  return { path, message: `${formatPath(path)}: ${detail}` };
}

/** `jobs.build.steps[2].uses`; the root is called "workflow". */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? key : `.${key}`;
  return text === "" ? "workflow" : text;
}

// The branch of a failed union that the value was meant for: the one whose type it has. When several
// qualify (two kinds of mapping), the one whose keys fit best: each unknown or missing key of the mapping
// itself outweighs any number of problems deeper in (a job with five broken steps is still a job with
// steps, not a reusable-workflow call missing `uses`); ties go to the earlier branch. None when the value
// has the type of no branch: the union's own message says more.
function meantBranch(branches: Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestCost = Infinity;
  for (const branch of branches) {
    if (branch.every(isTypeMismatch)) continue;
    const cost = branch.reduce((sum, issue) => sum + issueCost(issue), 0);
    if (cost < bestCost) [best, bestCost] = [branch, cost];
  }
  return best;
}

const KEY_COST = 1000;

function issueCost(issue: Issue): number {
  if (issue.code === "unrecognized_keys" && issue.path.length === 0) return KEY_COST * issue.keys.length;
  // A required key that is missing: its schema reports on an undefined input one level down.
  if (issue.path.length === 1 && issue.input === undefined) return KEY_COST;
  return 1;
}

// The value is not of this branch's type at all: a string where a mapping was wanted, a mapping where one
// of a few strings was, or a plain string where an expression was. A wrong value of the right type (an
// unknown enum member) is not: that branch is the one the user meant.
function isTypeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  switch (issue.code) {
    case "invalid_type":
    case "invalid_format":
      return true;
    case "invalid_value":
      return !issue.values.some((value) => typeof value === typeof issue.input);
    case "invalid_union":
      return issue.errors.length > 0 && issue.errors.every((branch) => branch.every(isTypeMismatch));
    default:
      return false;
  }
}

function word(issue: Issue, path: (string | number)[]): string {
  if (issue.message !== UNWORDED) return issue.message;
  const owner = [...path].reverse().find((key) => typeof key === "string") ?? "the workflow";
  switch (issue.code) {
    case "invalid_type":
      return expectedMessage(issue.input, TYPE_NOUNS[issue.expected] ?? `a ${issue.expected}`);
    case "invalid_value":
      return notAllowedMessage(issue.input, owner, issue.values.map(String));
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? "must not be empty"
        : `expected at least ${issue.minimum} ${issue.origin === "array" ? "item" : "character"}${issue.minimum === 1 ? "" : "s"}`;
    case "too_big":
      return `expected at most ${issue.maximum}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((key) => `'${key}'`).join(", ")}`;
    case "invalid_format":
      return `${show(issue.input)} does not have the expected form${issue.pattern ? ` (${issue.pattern})` : ""}`;
    case "invalid_union":
      return expectedMessage(issue.input, `one of the forms ${owner} takes`);
    default:
      return `${show(issue.input)} is not valid here`;
  }
}

const TYPE_NOUNS: Partial<Record<string, string>> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  null: "null",
};

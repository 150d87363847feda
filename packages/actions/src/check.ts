/**
 * What a typed binding's types promise, checked when the call runs, for users who never run tsc: every `with`
 * input is one the action declares at that major (else `unknown-action-input`, the lint rule's code for the
 * same problem), of the type the binding declares (`invalid-action-input`), and every required input is given
 * (`missing-action-input`). The problems ride on the step and `wfgen build` reports them at the call.
 */
import { closest, isExpr, type StepProblem } from "@wfgen/core/dsl";
import type { ActionInput, InputKind } from "./binding.ts";

/** The problems of one binding call; `uses` names the action in messages. */
export function checkInputs(
  uses: string,
  inputs: Readonly<Record<string, ActionInput>>,
  given: Readonly<Record<string, unknown>>,
): StepProblem[] {
  const problems: StepProblem[] = [];
  const names = Object.keys(inputs);
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const input = Object.hasOwn(inputs, name) ? inputs[name] : undefined;
    if (!input) {
      const guess = closest(name, names);
      problems.push({
        code: "unknown-action-input",
        key: ["with", name],
        message: `"${name}" is not an input of ${uses}${guess ? ` (did you mean "${guess}"?)` : ""}`,
        fix: guess
          ? `rename it to "${guess}"`
          : `use one of its inputs (${names.join(", ") || "none"}), or pass an input this binding does not know in withUnsafe`,
      });
      continue;
    }
    const expected = mismatch(input.kind, value);
    if (expected) {
      problems.push({
        code: "invalid-action-input",
        key: ["with", name],
        message: `input "${name}" of ${uses} takes ${expected}, not ${show(value)}`,
        fix: `pass ${expected}, or an expression`,
      });
    }
  }
  for (const [name, input] of Object.entries(inputs)) {
    if (input.required && given[name] === undefined) {
      problems.push({
        code: "missing-action-input",
        key: ["with"],
        message: `${uses} requires the input "${name}", which this call does not give`,
        fix: `add "${name}" to with`,
      });
    }
  }
  return problems;
}

/** What the value should have been, or undefined when it fits the kind. Expressions fit every kind. */
function mismatch(kind: InputKind, value: unknown): string | undefined {
  if (isExpr(value)) return undefined;
  if (typeof kind === "object") {
    return kind.oneOf.includes(value as string | boolean) ? undefined : `one of ${kind.oneOf.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  switch (kind) {
    case "boolean":
      return typeof value === "boolean" ? undefined : "true or false";
    case "number":
      return typeof value === "number" ? undefined : "a number";
    case "text-or-number":
      return typeof value === "string" || typeof value === "number" ? undefined : "text or a number";
    case "list":
      return typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string" || isExpr(v)))
        ? undefined
        : "a list of strings (or one string)";
    case "text":
      return typeof value === "string" ? undefined : "text";
  }
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

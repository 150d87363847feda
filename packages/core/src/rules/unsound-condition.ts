// GitHub reads an `if:` that is exactly one `${{ }}` as that expression, and anything else containing
// `${{ }}` as a text template: `if: |` adds a newline after the expression, and the condition becomes the
// string "false\n", which is true. The job or step then runs whatever the expression said. A condition
// that reads nothing (`if: true`, `${{ 1 == 1 }}`) guards nothing either; `if: false` disables silently.
import { constantValue, parseExpression, truthy } from "./expression-flow.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { expressionsOf } from "./util.ts";

export const unsoundCondition = defineRule({
  id: "unsound-condition",
  severity: "warning",
  confidence: "high",
  summary: "An if: does not depend on the run: text around ${{ }} (such as a block's final newline) makes it always true, or it is a constant.",
  fix: "Write the condition as one expression (if: ${{ cond }}, or a |- block, or no ${{ }} at all) that reads the run's contexts.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const [value, path, what]: [unknown, ModelPath, string] =
      context.level === "job"
        ? [context.job.value.if, [...context.job.path, "if"], `job "${context.job.id}"`]
        : [context.step.value.if, [...context.step.path, "if"], `step ${context.step.label}`];
    if (typeof value === "boolean" || typeof value === "number") {
      context.report({ path, message: constantMessage(what, truthy(value), String(value)), fix: constantFix(truthy(value)) });
      return;
    }
    if (typeof value !== "string") return;
    const expressions = expressionsOf(value);
    if (expressions.length > 0 && !(expressions.length === 1 && expressions[0]!.text === value)) {
      const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
      context.report({
        path,
        message: `the condition ${shown} has text around its \${{ }}${/\n$/.test(value) ? " (the newline a | or > block keeps)" : ""}, so GitHub evaluates it as a string, and a non-empty string is true: ${what} always runs, whatever the expression gives`,
        fix:
          expressions.length === 1
            ? `write the expression alone: if: ${expressions[0]!.text}${/\n$/.test(value) ? ", or use |- or >- to drop the final newline" : ""}`
            : "write one expression that combines the parts with && or ||, inside a single ${{ }}, or without ${{ }} at all",
      });
      return;
    }
    const inner = expressions.length === 1 ? expressions[0]!.inner : value;
    if (inner.trim() === "") return;
    const ast = parseExpression(inner);
    const constant = ast && constantValue(ast);
    if (constant === undefined) return;
    context.report({ path, message: constantMessage(what, truthy(constant), value.trim()), fix: constantFix(truthy(constant)) });
  },
});

function constantMessage(what: string, always: boolean, shown: string): string {
  return always
    ? `the condition ${shown} is always true and reads nothing of the run, so it decides nothing: ${what} runs as if it had no if:`
    : `the condition ${shown} is always false, so ${what} never runs`;
}

function constantFix(always: boolean): string {
  return always
    ? "write the condition you meant (on github.event_name, github.ref, inputs, ...), or remove the if:"
    : "remove the job or step, or write the condition under which it should run";
}

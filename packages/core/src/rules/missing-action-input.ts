// A required input without a default is not enforced by GitHub: the action starts and fails (or misbehaves)
// on the empty value. Checked at the version used, SHA pins included.
import { stepActionMetadata, versionLabel } from "./action-metadata.ts";
import { defineRule } from "./types.ts";
import { isObject } from "./util.ts";

export const missingActionInput = defineRule({
  id: "missing-action-input",
  severity: "error",
  confidence: "high",
  summary: "A step does not pass an input that its action requires and gives no default for.",
  fix: "Add the input under with:.",
  fixTs: "Add the input to the step's with.",
  visits: ["step"],
  documents: ["workflow", "action"],
  requires: ["actions"],
  check(context) {
    const { step } = context;
    // `with: ${{ fromJSON(...) }}` could hold anything.
    if (typeof step.value.with === "string") return;
    const found = stepActionMetadata(context);
    if (!found) return;
    const given = new Set(Object.keys(isObject(step.value.with) ? step.value.with : {}).map((k) => k.toLowerCase()));
    for (const [name, input] of Object.entries(found.metadata.inputs)) {
      if (!input.required || input.default !== undefined || given.has(name.toLowerCase())) continue;
      context.report({
        path: isObject(step.value.with) ? [...step.path, "with"] : [...step.path, "uses"],
        message: `${found.action} ${versionLabel(found.version)} requires the input "${name}", which this step does not give and which has no default`,
        fix: `add ${name}: <value> under with:`,
        fixTs: `add "${name}" to the step's with`,
      });
    }
  },
});

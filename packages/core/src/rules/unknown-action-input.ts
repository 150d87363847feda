// An input the action does not declare is ignored by the runner (with a warning in the log nobody reads),
// so a typo like `presist-credentials` silently keeps the default. Checked against the action's metadata
// at the version used, SHA pins included.
import { inputsByLowerName, stepActionMetadata, versionLabel } from "./action-metadata.ts";
import { closest } from "./suggest.ts";
import { defineRule } from "./types.ts";
import { isObject } from "./util.ts";

export const unknownActionInput = defineRule({
  id: "unknown-action-input",
  severity: "error",
  confidence: "high",
  summary: "A step passes a with: input that its action does not declare at that version.",
  fix: "Correct the input name, or remove it; check the action's action.yml at the version you pin.",
  fixTs: "Correct the input name, or remove it; an input the typed binding does not know goes in withUnsafe.",
  visits: ["step"],
  documents: ["workflow", "action"],
  requires: ["actions"],
  check(context) {
    const { step } = context;
    if (!isObject(step.value.with)) return;
    const found = stepActionMetadata(context);
    if (!found) return;
    const inputs = inputsByLowerName(found.metadata);
    const docker = found.metadata.using === "docker";
    for (const key of Object.keys(step.with)) {
      const lower = key.toLowerCase();
      if (inputs.has(lower) || (docker && (lower === "args" || lower === "entrypoint"))) continue;
      const names = [...inputs.values()];
      const guess = closest(key, names);
      context.report({
        path: [...step.path, "with", key],
        message: `"${key}" is not an input of ${found.action} ${versionLabel(found.version)}${guess ? ` (did you mean "${guess}"?)` : ""}; the runner ignores it${names.length <= 8 ? ` (inputs: ${names.join(", ") || "none"})` : ""}`,
        fix: guess ? `rename it to ${guess}` : `remove it, or use one of the inputs ${found.action} declares`,
      });
    }
  },
});

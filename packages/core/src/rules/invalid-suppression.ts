// A suppression must say why the finding is acceptable, and must name a rule that exists; otherwise it
// silences nothing (and says so here) rather than silencing something by accident.
import { inlineSuppressions } from "./suppress.ts";
import { defineRule } from "./types.ts";

export const invalidSuppression = defineRule({
  id: "invalid-suppression",
  severity: "warning",
  confidence: "high",
  summary: "A suppression has no reason, or names no known code or one that cannot be suppressed, so it suppresses nothing.",
  fix: "Write # wfgen-ignore <rule-id>: <why this is acceptable>.",
  fixTs: "Name a code listed in docs/rules/README.md in `rule`, and say why the finding is acceptable in `reason`.",
  suppressible: false,
  visits: ["workflow"],
  documents: ["workflow", "action"],
  requires: ["source"],
  check(context) {
    for (const suppression of inlineSuppressions(context.source!, context.knownRules)) {
      if (suppression.problem === undefined) continue;
      context.report({
        path: [],
        at: { line: suppression.comment.line, column: suppression.comment.column },
        message: `the suppression "#${suppression.comment.text.trimEnd()}" ${suppression.problem}, so it suppresses nothing`,
        fix:
          suppression.rules.length > 0 && suppression.problem === "gives no reason"
            ? `add the reason: # wfgen-ignore ${suppression.rules.join(", ")}: <why this is acceptable here>`
            : "write # wfgen-ignore <rule-id>: <reason>, with the id shown in [brackets] in the finding",
      });
    }
  },
});

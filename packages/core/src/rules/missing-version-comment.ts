// A bare SHA tells a reviewer nothing, and Dependabot/Renovate update a SHA pin's version only from the
// `# vX.Y.Z` comment after it. Needs the YAML text: the model drops comments.
import { shaPin } from "./pin.ts";
import { defineRule } from "./types.ts";

export const missingVersionComment = defineRule({
  id: "missing-version-comment",
  severity: "warning",
  confidence: "high",
  summary: "A SHA-pinned uses: has no `# vX.Y.Z` comment naming the release it is.",
  fix: "Append the exact release tag of that commit: owner/repo@<sha> # vX.Y.Z.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  requires: ["source"],
  check(context) {
    const pin = shaPin(context);
    if (!pin || pin.found.comment) return;
    const { uses, path, found } = pin;
    context.report({
      path,
      message: `"${uses.raw}" is pinned to a commit but does not say which release it is; reviewers cannot tell, and Dependabot and Renovate cannot update the pin's version`,
      fix: `append the exact release tag of commit ${uses.ref!.slice(0, 12)}…: ${uses.name}@${uses.ref} # vX.Y.Z`,
      at: { line: found.line, column: found.column },
    });
  },
});

// A bare SHA tells a reviewer nothing, and Dependabot/Renovate update a SHA pin's version only from the
// `# vX.Y.Z` comment after it. Needs the YAML text: the model drops comments.
import { pinComment } from "./pin.ts";
import { defineRule, type ModelPath, type UsesRef } from "./types.ts";
import { isCommitSha } from "./util.ts";

export const missingVersionComment = defineRule({
  id: "missing-version-comment",
  severity: "warning",
  confidence: "high",
  summary: "A SHA-pinned uses: has no `# vX.Y.Z` comment naming the release it is.",
  fix: "Append the exact release tag of that commit: owner/repo@<sha> # vX.Y.Z.",
  visits: ["job", "step"],
  requires: ["source"],
  check(context) {
    const [uses, path]: [UsesRef | undefined, ModelPath] =
      context.level === "step" ? [context.step.uses, [...context.step.path, "uses"]] : [context.job.uses, [...context.job.path, "uses"]];
    if (!uses || (uses.kind !== "action" && uses.kind !== "reusable") || !isCommitSha(uses.ref ?? "")) return;
    const found = pinComment(context.source!, path);
    if (!found || found.comment) return;
    context.report({
      path,
      message: `"${uses.raw}" is pinned to a commit but does not say which release it is; reviewers cannot tell, and Dependabot and Renovate cannot update the pin's version`,
      fix: `append the exact release tag of commit ${uses.ref!.slice(0, 12)}…: ${uses.name}@${uses.ref} # vX.Y.Z`,
      at: { line: found.line, column: found.column },
    });
  },
});

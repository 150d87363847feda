// A tag or branch can be moved to other code at any time (tj-actions/changed-files, March 2025); only a
// full commit SHA names fixed code. Local actions (./path) come from the repository itself and need no pin.
import { defineRule, type ModelPath, type UsesRef } from "./types.ts";
import { isCommitSha, looksLikeSha } from "./util.ts";

export const unpinnedUses = defineRule({
  id: "unpinned-uses",
  severity: "error",
  confidence: "high",
  summary: "A remote action or reusable workflow is not pinned to a full, lowercase commit SHA.",
  fix: "Pin the commit the tag points to and keep the tag as a comment: owner/repo@<40-hex sha> # vX.Y.Z (wfgen pin writes it).",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const [uses, path]: [UsesRef | undefined, ModelPath] =
      context.level === "step" ? [context.step.uses, [...context.step.path, "uses"]] : [context.job.uses, [...context.job.path, "uses"]];
    if (!uses || (uses.kind !== "action" && uses.kind !== "reusable")) return;
    const problem = problemOf(uses);
    if (problem === undefined) return;
    const what = uses.kind === "reusable" ? "reusable workflow" : "action";
    context.report({
      path,
      message: `the ${what} "${uses.raw}" ${problem}`,
      fix: fixOf(uses),
    });
  },
});

function problemOf(uses: UsesRef): string | undefined {
  const ref = uses.ref;
  if (ref === undefined || ref === "") return "names no ref at all; GitHub refuses it, and a ref other than a commit SHA can be moved";
  if (isCommitSha(ref)) return undefined;
  if (looksLikeSha(ref)) return "is pinned with uppercase hex digits; Dependabot and Renovate only recognise a lowercase SHA, so the pin is never updated";
  if (/^[0-9a-f]{7,39}$/i.test(ref)) return `is pinned to the short SHA "${ref}", which GitHub no longer accepts and which could match another commit`;
  if (/^v?\d+(\.\d+)*$/.test(ref)) return `is pinned to the tag "${ref}", which its owner (or anyone who takes over the repository) can move to other code`;
  return `is pinned to "${ref}", a branch or tag that can point at different code tomorrow`;
}

function fixOf(uses: UsesRef): string {
  const ref = uses.ref ?? "";
  if (looksLikeSha(ref)) return `write the SHA in lowercase: ${uses.name}@${ref.toLowerCase()}`;
  const exact = /^v?\d+\.\d+\.\d+$/.test(ref) ? ref : "vX.Y.Z";
  return `replace "@${ref}" with the full commit SHA it points to, and name the release in a comment: ${uses.name}@<40-hex sha> # ${exact} (wfgen pin does this)`;
}

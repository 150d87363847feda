// `@<sha> # v4.2.2` is read by people and by Dependabot and Renovate as "this is v4.2.2". When the commit is
// another release (a stale comment after a hand edit, or a pull request that changed the SHA and kept the
// comment), reviewers approve code they did not look at, and updaters compute the wrong next version.
// Checked offline against the catalog of release tags wfgen ships; an unknown action or tag stays silent.
import { EXACT_TAG, commentTag, shaPin } from "./pin.ts";
import { defineRule } from "./types.ts";

export const versionCommentMismatch = defineRule({
  id: "version-comment-mismatch",
  severity: "warning",
  confidence: "high",
  summary: "The version comment after a SHA pin names a release whose commit is not that SHA.",
  fix: "Make the comment name the release the SHA is (or re-pin the SHA of the release the comment names): wfgen pin does both.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  requires: ["source", "tags"],
  check(context) {
    const pin = shaPin(context);
    if (!pin?.found.comment || pin.uses.repo === undefined) return;
    const tag = commentTag(context.source, pin.path);
    const tags = context.capabilities.tags!(pin.uses.repo);
    if (tag === undefined || tags === undefined) return;
    const sha = pin.uses.ref.toLowerCase();
    const find = (name: string): string | undefined => tags[name] ?? tags[name.startsWith("v") ? name.slice(1) : `v${name}`];
    const at = Object.keys(tags).filter((name) => tags[name]!.toLowerCase() === sha);
    let expected: string | undefined;
    if (EXACT_TAG.test(tag)) {
      expected = find(tag);
      if (expected === undefined || expected.toLowerCase() === sha) return;
    } else {
      // A moving tag (v4, v4.2): any release under it is a fair reading, and a SHA the catalog does not know
      // may be one too recent for it.
      const prefix = tag.replace(/^v/, "");
      if (at.length === 0 || at.some((name) => name.replace(/^v/, "") === prefix || name.replace(/^v/, "").startsWith(`${prefix}.`))) return;
      expected = find(tag);
    }
    const exact = at.filter((name) => EXACT_TAG.test(name)).sort((a, b) => b.length - a.length)[0] ?? at[0];
    const comment = pin.found.comment;
    context.report({
      path: pin.path,
      message: `the comment says ${tag}, but ${pin.uses.name}@${pin.uses.ref.slice(0, 12)}… is ${exact !== undefined ? `${exact}` : "no release wfgen knows"}${expected !== undefined ? ` (${tag} is commit ${expected.slice(0, 12)}…)` : ""}; reviewers and Dependabot or Renovate take the comment at its word`,
      fix:
        exact !== undefined
          ? `if ${exact} is what you meant, write "# ${exact}"; if you meant ${tag}, pin ${pin.uses.name}@${expected ?? "<its commit>"} # ${tag}`
          : `pin the commit of the release you meant, ${expected !== undefined ? `${pin.uses.name}@${expected} # ${tag}` : `with wfgen pin`}`,
      at: { line: comment.line, column: comment.column },
    });
  },
});

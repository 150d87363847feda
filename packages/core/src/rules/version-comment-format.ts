// Updaters read the version from the very end of the comment, and tools split at " # ": `#v4`, `# v4 (latest)`
// or `# tag=v4` break one of them, and `# v4` names a moving major, not the release the SHA is.
import { EXACT_TAG, shaPin, versionIn } from "./pin.ts";
import { defineRule } from "./types.ts";

export const versionCommentFormat = defineRule({
  id: "version-comment-format",
  severity: "warning",
  confidence: "high",
  summary: "The comment after a SHA pin is not exactly ` # vX.Y.Z`.",
  fix: "Write one space, #, one space and the exact release tag, with nothing after it: @<sha> # v4.2.2.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  requires: ["source"],
  check(context) {
    const pin = shaPin(context);
    if (!pin?.found.comment) return;
    const { uses, path, found } = pin;
    const comment = pin.found.comment;
    const text = comment.text.replace(/\s+$/, "");
    const tag = text.startsWith(" ") ? text.slice(1) : text;
    const problems: string[] = [];
    if (found.between !== " ") problems.push(`${found.between.length === 0 ? "no space" : `${JSON.stringify(found.between)}`} between the SHA and the #, where one space belongs`);
    if (!text.startsWith(" ") || text.startsWith("  ")) problems.push("the # must be followed by exactly one space");
    const trimmed = tag.trim();
    if (!EXACT_TAG.test(trimmed)) {
      const version = versionIn(trimmed);
      if (version === undefined) problems.push(`"${trimmed}" names no release`);
      else if (!EXACT_TAG.test(version)) problems.push(`"${version}" is a moving major or minor tag, not the exact release the commit is`);
      else problems.push(`the comment must be the tag alone, but it reads "${trimmed}"`);
    }
    if (problems.length === 0) return;
    const version = versionIn(trimmed);
    context.report({
      path,
      message: `the version comment "#${text}" after "${uses.raw}" is not in the form " # vX.Y.Z": ${problems.join("; ")}`,
      fix: `write "${uses.name}@${uses.ref} # ${version !== undefined && EXACT_TAG.test(version) ? version : "vX.Y.Z"}" with the exact release tag of that commit`,
      at: { line: comment.line, column: comment.column },
    });
  },
});

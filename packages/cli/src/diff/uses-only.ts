/**
 * Dependabot and Renovate update pinned actions by rewriting `uses: owner/repo@<sha> # vX.Y.Z` lines
 * in the YAML. Such drift is not a mistake to undo but an update to take into wfgen.lock.json, so the
 * check recognises it and says so.
 */
import type { Hunk } from "./unified.ts";

const USES = /^(\s*(?:-\s+)?uses:\s*)(['"]?)([^@'"\s]+)@([^'"\s#]+)\2(\s+#.*)?\n?$/;

/** Whether every change replaces `uses:` lines with the same actions at other refs or version comments. */
export function isUsesOnlyChange(hunks: Hunk[]): boolean {
  if (hunks.length === 0) return false;
  for (const hunk of hunks) {
    let removed: string[] = [];
    let added: string[] = [];
    for (const edit of [...hunk.edits, { kind: "equal" as const, line: "" }]) {
      if (edit.kind === "delete") removed.push(edit.line);
      else if (edit.kind === "insert") added.push(edit.line);
      else {
        if (removed.length !== added.length || !removed.every((line, i) => sameAction(line, added[i]!))) return false;
        removed = [];
        added = [];
      }
    }
  }
  return true;
}

// What `wfgen sync` can take in: a full lowercase commit SHA (or an image digest) and a one-word tag comment.
const PIN = /^(?:[0-9a-f]{40}|sha256:[0-9a-f]{64})$/;
const TAG_COMMENT = /^\s+#\s*\S+\s*$/;

/**
 * Whether `before` (on disk) pins the same action as `after` (generated) in a form `sync` takes in. A line a
 * bot broke (a short or uppercase SHA, no tag comment) is ordinary drift: calling it an update would send
 * the user to `sync`, which ignores it, and back to `check`.
 */
function sameAction(before: string, after: string): boolean {
  const a = USES.exec(before);
  const b = USES.exec(after);
  return (
    a !== null && b !== null && a[1] === b[1] && a[3] === b[3] && PIN.test(a[4]!) && TAG_COMMENT.test(a[5] ?? "")
  );
}

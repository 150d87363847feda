/**
 * Unified diffs (`diff -u`, `git diff` format) of two texts, for `wfgen check`. Lines are compared
 * with their line terminator, so a missing final newline is a difference and is shown as git shows it.
 */
import { diffLines, type Edit } from "./myers.ts";

/** A change region with its surrounding context. */
export interface Hunk {
  /** 1-based first line in the old and new text (the line before, when the range is empty). */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  edits: Edit[];
}

/** Split text into lines that keep their `\n`, so that "a" and "a\n" differ. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The hunks of the edit script from `oldText` to `newText`, with `context` unchanged lines around each change. */
export function diffHunks(oldText: string, newText: string, context = 3): Hunk[] {
  const edits = diffLines(splitLines(oldText), splitLines(newText));
  const changed = edits.flatMap((e, i) => (e.kind === "equal" ? [] : [i]));
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, changed[i]! - context);
    let to = changed[i]!;
    // Merge changes whose contexts touch or overlap, as diff -u does.
    while (i + 1 < changed.length && changed[i + 1]! - to <= 2 * context + 1) to = changed[++i]!;
    i++;
    const end = Math.min(edits.length, to + context + 1);
    let oldLine = 1;
    let newLine = 1;
    for (const e of edits.slice(0, from)) {
      if (e.kind !== "insert") oldLine++;
      if (e.kind !== "delete") newLine++;
    }
    const slice = edits.slice(from, end);
    const oldLines = slice.filter((e) => e.kind !== "insert").length;
    const newLines = slice.filter((e) => e.kind !== "delete").length;
    hunks.push({
      oldStart: oldLines === 0 ? oldLine - 1 : oldLine,
      oldLines,
      newStart: newLines === 0 ? newLine - 1 : newLine,
      newLines,
      edits: slice,
    });
  }
  return hunks;
}

/** The 1-based line of the old text where the first difference is (for annotations), or undefined when equal. */
export function firstDifferingLine(hunks: Hunk[]): number | undefined {
  const hunk = hunks[0];
  if (!hunk) return undefined;
  const offset = hunk.edits.findIndex((e) => e.kind !== "equal");
  return Math.max(1, (hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart) + offset);
}

/** A unified diff with `--- oldLabel` / `+++ newLabel` headers; empty when the texts are equal. */
export function formatUnifiedDiff(hunks: Hunk[], oldLabel: string, newLabel: string): string {
  if (hunks.length === 0) return "";
  const out = [`--- ${oldLabel}\n`, `+++ ${newLabel}\n`];
  const range = (start: number, lines: number): string => (lines === 1 ? `${start}` : `${start},${lines}`);
  for (const hunk of hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`);
    for (const e of hunk.edits) {
      const sign = e.kind === "equal" ? " " : e.kind === "delete" ? "-" : "+";
      out.push(e.line.endsWith("\n") ? `${sign}${e.line}` : `${sign}${e.line}\n\\ No newline at end of file\n`);
    }
  }
  return out.join("");
}

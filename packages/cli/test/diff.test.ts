import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { diffLines, type Edit } from "../src/diff/myers.ts";
import { diffHunks, firstDifferingLine, formatUnifiedDiff, splitLines } from "../src/diff/unified.ts";
import { isUsesOnlyChange } from "../src/diff/uses-only.ts";

const apply = (edits: Edit[]): { before: string[]; after: string[] } => ({
  before: edits.filter((e) => e.kind !== "insert").map((e) => e.line),
  after: edits.filter((e) => e.kind !== "delete").map((e) => e.line),
});

/** Apply a unified diff to `old`, as `patch` would, to check the hunks' numbers and lines. */
function patch(old: string, diff: string): string {
  const lines = splitLines(old);
  const out: string[] = [];
  let next = 0;
  const body = splitLines(diff).slice(2);
  for (let i = 0; i < body.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n$/.exec(body[i]!);
    if (!header) throw new Error(`expected a hunk header: ${body[i]}`);
    const start = Number(header[1]);
    const count = header[2] === undefined ? 1 : Number(header[2]);
    const first = count === 0 ? start : start - 1;
    out.push(...lines.slice(next, first));
    next = first;
    while (i + 1 < body.length && !body[i + 1]!.startsWith("@@")) {
      const line = body[++i]!;
      let text = line.slice(1);
      if (body[i + 1]?.startsWith("\\ No newline")) {
        text = text.slice(0, -1);
        i++;
      }
      if (line[0] === " ") {
        expect(lines[next]).toBe(text);
        out.push(text);
        next++;
      } else if (line[0] === "-") {
        expect(lines[next]).toBe(text);
        next++;
      } else out.push(text);
    }
  }
  return [...out, ...lines.slice(next)].join("");
}

describe("diffLines (Myers)", () => {
  test("finds a shortest edit script", () => {
    const edits = diffLines(["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"]);
    expect(edits.filter((e) => e.kind !== "equal")).toHaveLength(5);
    expect(apply(edits)).toEqual({
      before: ["a", "b", "c", "a", "b", "b", "a"],
      after: ["c", "b", "a", "b", "a", "c"],
    });
  });

  test("handles empty sides", () => {
    expect(diffLines([], [])).toEqual([]);
    expect(diffLines([], ["x"])).toEqual([{ kind: "insert", line: "x" }]);
    expect(diffLines(["x"], [])).toEqual([{ kind: "delete", line: "x" }]);
  });

  test("any two line lists: the script rebuilds both sides, and is no longer than delete-all plus insert-all", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const edits = diffLines(a, b);
        expect(apply(edits)).toEqual({ before: a, after: b });
        expect(edits.filter((e) => e.kind !== "equal").length).toBeLessThanOrEqual(a.length + b.length);
      }),
    );
  });
});

describe("unified diff", () => {
  test("prints hunks with 3 lines of context, as diff -u does", () => {
    const old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    const now = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n";
    expect(formatUnifiedDiff(diffHunks(old, now), "a/x.yml", "b/x.yml")).toBe(
      [
        "--- a/x.yml",
        "+++ b/x.yml",
        "@@ -2,7 +2,7 @@",
        " 2",
        " 3",
        " 4",
        "-5",
        "+five",
        " 6",
        " 7",
        " 8",
        "@@ -10,3 +10,4 @@",
        " 10",
        " 11",
        " 12",
        "+13",
        "",
      ].join("\n"),
    );
  });

  test("merges changes whose context would overlap", () => {
    // Six unchanged lines between two changes: both contexts fit, one hunk; seven: two hunks.
    expect(diffHunks("1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n")).toHaveLength(1);
    expect(diffHunks("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "x\n2\n3\n4\n5\n6\n7\n8\ny\n")).toHaveLength(2);
  });

  test("shows a missing final newline as git does", () => {
    expect(formatUnifiedDiff(diffHunks("a\nb", "a\nb\n"), "a/f", "b/f")).toBe(
      "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
    );
  });

  test("equal texts have no diff", () => {
    expect(formatUnifiedDiff(diffHunks("a\n", "a\n"), "a", "b")).toBe("");
    expect(firstDifferingLine(diffHunks("a\n", "a\n"))).toBeUndefined();
  });

  test("the first differing line is counted in the old text", () => {
    expect(firstDifferingLine(diffHunks("1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\nx\n6\n"))).toBe(5);
    expect(firstDifferingLine(diffHunks("", "new\n"))).toBe(1);
  });

  test("any two texts: patching the old text with the diff gives the new one", () => {
    const text = fc
      .array(fc.constantFrom("a\n", "b\n", "c\n", "d", "e\n"), { maxLength: 40 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, (old, now) => {
        const diff = formatUnifiedDiff(diffHunks(old, now), "a/f", "b/f");
        if (old === now) expect(diff).toBe("");
        else expect(patch(old, diff)).toBe(now);
      }),
    );
  });
});

describe("isUsesOnlyChange", () => {
  const before =
    "steps:\n  - uses: actions/checkout@0000000000000000000000000000000000000000 # v4.1.0\n  - run: npm test\n";
  test("a SHA and version comment update is a bot update", () => {
    const after = before.replace(
      "0000000000000000000000000000000000000000 # v4.1.0",
      "1111111111111111111111111111111111111111 # v4.2.2",
    );
    expect(isUsesOnlyChange(diffHunks(before, after))).toBe(true);
  });
  test("a comment-only update is a bot update", () => {
    expect(isUsesOnlyChange(diffHunks(before, before.replace("# v4.1.0", "# v4.1.1")))).toBe(true);
  });
  test("another action, or any other line, is not", () => {
    expect(isUsesOnlyChange(diffHunks(before, before.replace("actions/checkout", "actions/cache")))).toBe(false);
    expect(isUsesOnlyChange(diffHunks(before, before.replace("npm test", "npm t")))).toBe(false);
    expect(isUsesOnlyChange(diffHunks(before, before))).toBe(false);
  });
});

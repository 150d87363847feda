/**
 * Bounded reads share one buffer for small files (fs/read-bounded.ts): what each read returns must stay the
 * file's own after the next read reuses that buffer, and the limit must hold whichever way a file is read.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readBounded, readBoundedText } from "../src/fs/read-bounded.ts";

const dir = mkdtempSync(join(tmpdir(), "wfgen-read-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("readBounded and readBoundedText", () => {
  test("a small file's bytes and text stay its own after other files are read", () => {
    const a = file("a.yml", "name: a\n");
    const b = file("b.yml", "name: bbbbbbbb\n");
    const bytes = readBounded(a, 1000);
    const text = readBoundedText(a, 1000);
    expect(readBoundedText(b, 1000)).toBe("name: bbbbbbbb\n");
    expect(readBounded(b, 1000).toString()).toBe("name: bbbbbbbb\n");
    expect(bytes.toString()).toBe("name: a\n");
    expect(text).toBe("name: a\n");
  });

  test("files around the shared buffer's size read whole", () => {
    for (const size of [0, 1, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 700 * 1024]) {
      const content = Buffer.alloc(size, "x");
      content.write("start", 0);
      const path = file(`s${size}.txt`, size >= 5 ? content : "");
      const expected = size >= 5 ? content : Buffer.alloc(0);
      expect(readBounded(path, 10 * 1024 * 1024).equals(expected)).toBe(true);
      expect(readBoundedText(path, 10 * 1024 * 1024)).toBe(expected.toString());
    }
  });

  test("the limit is exact for small and large files", () => {
    const small = file("small.txt", "x".repeat(100));
    expect(readBoundedText(small, 100)).toHaveLength(100);
    expect(() => readBoundedText(small, 99)).toThrow(/it is 100 bytes, more than the 99 bytes wfgen reads/);
    const large = file("large.txt", "x".repeat(300 * 1024));
    expect(readBounded(large, 300 * 1024)).toHaveLength(300 * 1024);
    expect(() => readBounded(large, 300 * 1024 - 1)).toThrow(/more than the/);
  });

  test("multi-byte UTF-8 text decodes as readFileSync does", () => {
    const path = file("u.yml", "name: héllo ✓ 🚀\n");
    expect(readBoundedText(path, 1000)).toBe("name: héllo ✓ 🚀\n");
  });
});

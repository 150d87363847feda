/**
 * Bounded reads share one buffer for small files (fs/read-bounded.ts): what each read returns must stay the
 * file's own after the next read reuses that buffer, and the limit must hold whichever way a file is read.
 * A file read a window at a time is seen whole, each byte judged in exactly one window with its context.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { readBounded, readBoundedText, readWindows, type FileWindow } from "../src/fs/read-bounded.ts";

const dir = mkdtempSync(join(tmpdir(), "wfgen-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

describe("readWindows", () => {
  /** Every window of `path`, copied out of the buffer they share. */
  function windowsOf(path: string, size: number, overlap: number, maxBytes = 1 << 30): FileWindow[] {
    const seen: FileWindow[] = [];
    readWindows(path, maxBytes, overlap, (w) => (seen.push({ ...w, bytes: Buffer.from(w.bytes) }), true), Buffer.alloc(size));
    return seen;
  }

  test("each byte is judged in one window, with `overlap` bytes of the file around it", () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 200 }), (length, overlap, extra) => {
        const content = Buffer.from(Array.from({ length }, (_, i) => 32 + ((i * 7) % 90)));
        const path = file("w.txt", content);
        const windows = windowsOf(path, 2 * overlap + extra, overlap);
        let judged = 0;
        for (const [index, w] of windows.entries()) {
          // The bytes are the file's, from `base`; `fresh` counts what the window before held.
          expect(w.bytes.equals(content.subarray(w.base, w.base + w.bytes.length))).toBe(true);
          expect(w.first).toBe(index === 0);
          expect(w.last).toBe(index === windows.length - 1);
          expect(w.base + w.from).toBe(judged);
          expect(w.fresh).toBe(index === 0 ? 0 : windows[index - 1]!.base + windows[index - 1]!.bytes.length - w.base);
          if (!w.first) expect(w.from).toBe(overlap);
          if (!w.last) expect(w.bytes.length - w.to).toBe(overlap);
          judged = w.base + w.to;
        }
        expect(judged).toBe(length);
        expect(windows.at(-1)!.last).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("returns the file's size, or where the visitor stopped", () => {
    const path = file("stop.txt", "x".repeat(1000));
    expect(readWindows(path, 1000, 10, () => true, Buffer.alloc(100))).toBe(1000);
    expect(readWindows(path, 1000, 10, () => false, Buffer.alloc(100))).toBe(100);
  });

  test("refuses what readBounded refuses", () => {
    const path = file("big.txt", "x".repeat(1000));
    expect(() => readWindows(path, 999, 10, () => true, Buffer.alloc(100))).toThrow(/it is 1000 bytes, more than the 999 bytes wfgen reads/);
    mkdirSync(join(dir, "folder"), { recursive: true });
    expect(() => readWindows(join(dir, "folder"), 1000, 10, () => true)).toThrow(/it is a folder, not a regular file/);
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(() => readWindows(join(dir, "fifo"), 1000, 10, () => true)).toThrow(/it is a named pipe, not a regular file/);
    expect(() => readWindows(path, 1000, 50, () => true, Buffer.alloc(100))).toThrow(RangeError);
  });
});

/**
 * How wfgen shows places in a user's file: lines and columns as an editor shows them, from what V8, esbuild
 * and the `yaml` parser report.
 */
import { closeSync, constants, openSync, readSync } from "node:fs";

/**
 * The lines of a file as V8 numbers them in stack traces and call sites: a line ends at `\n`, `\r\n`, a lone
 * `\r`, U+2028 or U+2029. Split at `\n` alone, a file saved with old Mac line ends is one line, and every
 * excerpt past its first line came out empty. A byte order mark is not part of the first line: editors hide it.
 */
export function sourceLines(text: string): string[] {
  return withoutBom(text).split(/\r\n|[\n\r\u2028\u2029]/);
}

const BOM = 0xfeff;
const BOM_BYTES = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `text` without the byte order mark it may start with: a file's places (line 1's columns, its excerpt) are
 * counted from after it, as an editor counts them. For a YAML file that `wfgen lint` reads too: the `yaml`
 * parser skips the mark, but counts it in its offsets.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * Whether the file at `path` starts with a byte order mark (as editors on Windows may save it). V8 and
 * esbuild's source maps count it as the first column of line 1, where an editor starts after it.
 */
export function startsWithBom(path: string): boolean {
  let fd: number | undefined;
  try {
    // Without blocking: a FIFO in place of the file has nothing to read, and must not hang an error's report.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(BOM_BYTES);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The 1-based column an editor shows for esbuild's: esbuild counts the UTF-8 bytes of the line before the
 * place (`é` is two, `🚀` four), and on line 1 those of a byte order mark that `lineText` leaves out; an
 * editor counts UTF-16 units of the line, as V8 does.
 */
export function editorColumn(location: { line: number; column: number; lineText: string }, file: string): number {
  const bom = location.line === 1 && startsWithBom(file) ? 3 : 0;
  return Buffer.from(location.lineText).subarray(0, Math.max(0, location.column - bom)).toString("utf8").length + 1;
}

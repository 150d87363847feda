/**
 * Reading a file wfgen did not write (a workflow to lint or import, a generated file that may have been
 * replaced, an action.yml): regular files only, and at most a bounded size. A FIFO would block the read
 * forever and `/dev/zero` would never end, so the file is opened without blocking and inspected through the
 * open descriptor (no gap between the check and the read) before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { formatBytes } from "../limits.ts";

/** A file wfgen refuses to read; the message completes "cannot read <file>: ". */
export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileRefused";
  }
}

/**
 * The bytes of the regular file at `path` (symbolic links followed), at most `maxBytes`. Throws FileRefused
 * for anything else, and the system's error (ENOENT, EACCES) when it cannot be opened.
 */
export function readBounded(path: string, maxBytes: number): Buffer {
  return withBytes(path, maxBytes, (bytes, borrowed) => (borrowed ? Buffer.from(bytes) : bytes));
}

/** `readBounded` decoded as UTF-8 (an invalid byte becomes U+FFFD, as `readFileSync(path, "utf8")` does). */
export function readBoundedText(path: string, maxBytes: number): string {
  return withBytes(path, maxBytes, (bytes) => bytes.toString("utf8"));
}

// Files smaller than this are read into one buffer that every read shares. A check reads every committed
// workflow, a few dozen KB each, and memory the process has not touched before is slow to get: a fresh
// buffer for each of 200 files was nearly half the time of reading them (docs/performance.md).
const SHARED_BYTES = 256 * 1024;
let shared: Buffer | undefined;

/**
 * Open `path` as readBounded does, read it to the end, and pass its bytes to `use`. `borrowed` bytes are the
 * shared buffer's, valid only until `use` returns.
 */
function withBytes<T>(path: string, maxBytes: number, use: (bytes: Buffer, borrowed: boolean) => T): T {
  const { fd, size } = openRegular(path, maxBytes);
  try {
    // Read to the end rather than to the size: a file may grow while it is read.
    const limit = maxBytes + 1;
    if (size < SHARED_BYTES) {
      const shared = sharedBuffer();
      const end = Math.min(SHARED_BYTES, limit);
      let total = 0;
      for (;;) {
        const read = readSync(fd, shared, total, end - total, null);
        if (read === 0) break;
        total += read;
        if (total > maxBytes) throw tooLarge(Math.max(total, size), maxBytes);
        // Grown past the shared buffer since it was measured: read on as a large file.
        if (total === SHARED_BYTES) return use(readRest(fd, [Buffer.from(shared)], total, maxBytes, size), false);
      }
      return use(shared.subarray(0, total), true);
    }
    // A large file at once, in a buffer that is not zero-filled (only the bytes read are ever seen): the
    // benchmark's 5.7 MB entry took 46 ms to read zero-filled and joined, 19 ms without either.
    const first = Buffer.allocUnsafe(size);
    const read = readSync(fd, first, 0, first.length, null);
    return use(readRest(fd, [first.subarray(0, read)], read, maxBytes, size), false);
  } finally {
    closeSync(fd);
  }
}

/** One window of a file that readWindows reads. */
export interface FileWindow {
  /** The file's bytes from offset `base` on: the shared buffer's, valid only until the visitor returns. */
  bytes: Buffer;
  base: number;
  /** Whether `bytes` start at the file's first byte, and end at its last. */
  first: boolean;
  last: boolean;
  /**
   * The part of `bytes` that this window judges, `[from, to)`: each byte of the file is in one window's part,
   * with `overlap` bytes of the file before and after it in that window (unless the file ends first).
   */
  from: number;
  to: number;
  /** Where the bytes that no earlier window held start: `[fresh, bytes.length)`. */
  fresh: number;
}

/**
 * Read the regular file at `path` as readBounded does, but through the shared buffer, a window at a time,
 * for a large file read once: a fresh buffer the size of the benchmark's 5.7 MB entry was most of the time
 * it took to read and look at it (docs/performance.md). Consecutive windows share 2 × `overlap` bytes.
 * `visit` must not read files itself (the shared buffer is its window), and returns false to stop early.
 * Returns the number of bytes read. `window` replaces the shared buffer (the tests use small ones).
 */
export function readWindows(
  path: string,
  maxBytes: number,
  overlap: number,
  visit: (window: FileWindow) => boolean,
  window: Buffer = sharedBuffer(),
): number {
  if (window.length <= 2 * overlap) throw new RangeError(`a window of ${window.length} bytes cannot overlap by ${overlap} on both sides`);
  const { fd } = openRegular(path, maxBytes);
  try {
    let base = 0;
    let kept = 0;
    for (;;) {
      let length = kept;
      let last = false;
      while (length < window.length) {
        const read = readSync(fd, window, length, window.length - length, null);
        if (read === 0) {
          last = true;
          break;
        }
        length += read;
        if (base + length > maxBytes) throw tooLarge(base + length, maxBytes);
      }
      const first = base === 0;
      const to = last ? length : length - overlap;
      if (!visit({ bytes: window.subarray(0, length), base, first, last, from: first ? 0 : overlap, to, fresh: kept })) return base + length;
      if (last) return base + length;
      // The next window starts `overlap` bytes before this one's part ends, so that its part starts there.
      window.copy(window, 0, to - overlap, length);
      kept = length - (to - overlap);
      base += to - overlap;
    }
  } finally {
    closeSync(fd);
  }
}

function sharedBuffer(): Buffer {
  return (shared ??= Buffer.allocUnsafeSlow(SHARED_BYTES));
}

/** `path` opened for reading, when it is a regular file of at most `maxBytes`; FileRefused otherwise. */
function openRegular(path: string, maxBytes: number): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused(`it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The rest of an open file after the `chunks` read so far (`total` bytes), joined with them. */
function readRest(fd: number, chunks: Buffer[], total: number, maxBytes: number, size: number): Buffer {
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw tooLarge(Math.max(total, size), maxBytes);
    chunks.push(chunk.subarray(0, read));
  }
  // A file read in one piece is returned as it is: joining would copy it into fresh memory again.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * `readBounded` decoded as UTF-8, strictly: a byte that is not UTF-8 (a Latin-1 `é`) is refused with its line,
 * where a lenient decoding would silently turn it into U+FFFD.
 */
export function readBoundedUtf8(path: string, maxBytes: number): string {
  const bytes = readBounded(path, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString("utf8");
    const at = text.indexOf("\uFFFD");
    const line = text.slice(0, at).split("\n").length;
    const byte = bytes[Buffer.byteLength(text.slice(0, at))];
    return refuseEncoding(line, byte);
  }
}

function refuseEncoding(line: number, byte: number | undefined): never {
  throw new FileRefused(
    `it is not UTF-8 text (byte 0x${(byte ?? 0).toString(16).padStart(2, "0")} on line ${line}), and GitHub reads workflow files as UTF-8; ` +
      "convert it first, for example with iconv -f latin1 -t utf-8",
  );
}

function tooLarge(size: number, maxBytes: number): FileRefused {
  return new FileRefused(
    `it is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} wfgen reads (WFGEN_MAX_FILE_SIZE raises the limit)`,
  );
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

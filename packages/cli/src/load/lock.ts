/**
 * Reading and writing `wfgen.lock.json`, which sits next to the entry file it pins. A missing file is an
 * empty lock (so a build without one says which intents to pin); a malformed one stops the command, since
 * building from half a lock would silently unpin.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Lock } from "@wfgen/core";
import { CliError } from "../errors.ts";
import { displayPath } from "../paths.ts";
import type { FileChange } from "../fs/apply-changes.ts";
import { readBoundedText } from "../fs/read-bounded.ts";
import { limitsOf } from "../limits.ts";

/** The name of the lockfile (core's `LOCK_FILE`, repeated so this module stays light for `build`'s start). */
export const LOCK_FILE = "wfgen.lock.json";

/** The lockfile of an entry file: `wfgen.lock.json` in the same folder. */
export function lockPathOf(entry: string): string {
  return join(dirname(entry), LOCK_FILE);
}

// wfgen's core is loaded lazily by `build` and `check` (see plan.ts); the lock helpers follow suit.
function core(): Promise<typeof import("@wfgen/core")> {
  return import("@wfgen/core");
}

/** The lock at `path`; an empty lock when the file does not exist. Throws CliError (exit 2) when it is malformed. */
export async function readLockFile(path: string, cwd: string): Promise<Lock> {
  const { emptyLock, parseLock } = await import("@wfgen/core/lock");
  let text: string;
  try {
    // Bounded by the default limit: a lock is a few kilobytes, whatever WFGEN_MAX_FILE_SIZE says.
    text = readBoundedText(path, limitsOf({}).maxFileBytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyLock();
    throw new CliError("unreadable-file", `cannot read ${displayPath(path, cwd)}: ${(error as Error).message}`);
  }
  const parsed = parseLock(text);
  if (parsed.ok) return parsed.lock;
  throw new CliError("lock-invalid", `${displayPath(path, cwd)} is not a valid wfgen lockfile.`, {
    location: { file: displayPath(path, cwd) },
    details: [
      ...parsed.problems.map((p) => `  ${p}`),
      "Fix the entries above, or delete them and run `npx wfgen pin` to resolve them again.",
    ],
  });
}

/**
 * The change that writes `lock` in its canonical form at `path`, or undefined when the file already holds
 * those bytes. The text is read back through the lock's schema first, so that no pin that is not a full
 * commit SHA can reach the file, whatever produced it.
 */
export async function lockChange(path: string, lock: Lock, cwd: string): Promise<FileChange | undefined> {
  const { parseLock, serializeLock } = await core();
  const content = serializeLock(lock);
  const parsed = parseLock(content);
  if (!parsed.ok) {
    throw new CliError("lock-invalid", `wfgen will not write ${displayPath(path, cwd)}: its new entries are not valid.`, {
      details: [...parsed.problems.map((p) => `  ${p}`), "Nothing was written."],
    });
  }
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  return current === content ? undefined : { path, content };
}

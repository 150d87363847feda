/**
 * Every file wfgen rewrites in a user's repository goes through here: a temporary file in the same folder,
 * then a rename, so a reader (an editor, git, a concurrent wfgen) never sees half a file, and a failure
 * leaves the old file as it was. (`init` creates its new files with the `wx` flag instead, which refuses
 * to replace a file that appeared meanwhile.)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError } from "../errors.ts";

/** Write `content` to `path` atomically; `display` names the file in the error. */
export function writeAtomically(path: string, content: string, display: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError("write-failed", `cannot write ${display}: ${(error as Error).message}`);
  }
}

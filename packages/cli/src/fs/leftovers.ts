/**
 * wfgen writes every file to a temporary name next to it and renames it into place. A run killed between the
 * two leaves the temporary file behind; its name carries the process id, so the next run can tell a leftover
 * of a dead process (removed) from the file of a run still going (left alone).
 */
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { nodeCrypto } from "../lazy-crypto.ts";

const LEFTOVER = /^\..+\.wfgen-(\d+)-[0-9a-f]{8}\.tmp$/;

/** A fresh temporary name next to `path`: `.<name>.wfgen-<pid>-<random>.tmp`. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.wfgen-${process.pid}-${nodeCrypto().randomBytes(4).toString("hex")}.tmp`);
}

/** The temporary files in `folders` left by wfgen processes that no longer run (absolute paths). */
export function findLeftovers(folders: Iterable<string>): string[] {
  const found: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const pid = LEFTOVER.exec(name)?.[1];
      if (pid !== undefined && !isRunning(Number(pid))) found.push(join(folder, name));
    }
  }
  return found;
}

/** Remove the leftovers of dead runs in `folders`; returns the ones removed. */
export function removeLeftovers(folders: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const path of findLeftovers(folders)) {
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Unremovable (a read-only folder): the command that writes there will say why.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  // This process has written nothing yet when it looks, so a name with its own id is an earlier process's.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What a command says about a leftover it removed (`display`) or found (`removed: false`). */
export function leftoverNote(display: string, removed = true): string {
  return removed
    ? `removed ${display}, a temporary file left by an interrupted wfgen run.`
    : `${display} is a temporary file left by an interrupted wfgen run; the next \`wfgen build\` removes it.`;
}

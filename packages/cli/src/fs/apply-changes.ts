/**
 * Every file wfgen writes or deletes in a user's repository goes through here, all or nothing:
 *
 * 1. every path is checked to be inside the project (inside-project.ts);
 * 2. every new content is written to a temporary name next to its file (the step a full disk fails);
 * 3. only then are the temporary files renamed into place and deleted files moved aside;
 * 4. the old contents kept aside are removed.
 *
 * A failure in step 2 removes the temporary files and changes nothing. A failure in step 3 undoes the renames
 * already made (renames need no free space), so again nothing changes; a file that cannot be restored is
 * named in the error. A reader (an editor, git, a concurrent wfgen) never sees half a file, since each file
 * appears by one rename. Hand-written rather than a package's atomic write because the unit is the whole set
 * of files, not one file.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CliError } from "../errors.ts";
import { displayPath } from "../paths.ts";
import { checkInsideProject } from "./inside-project.ts";
import { removeLeftovers, temporaryName } from "./leftovers.ts";

/** One file to write (with `content`) or delete (without). */
export interface FileChange {
  /** Absolute path. */
  path: string;
  /** The new bytes; undefined deletes the file. */
  content?: string;
  /** Create the file only if it does not exist when it is renamed into place (`init`). */
  exclusive?: boolean;
}

/** What a successful `applyChanges` also did. */
export interface Applied {
  /** Temporary files of interrupted runs that were removed, as display paths. */
  leftovers: string[];
}

// What step 3 did to one file, to undo it.
type Done =
  | { kind: "created"; path: string }
  | { kind: "replaced"; path: string; aside: string | undefined; old: Buffer | undefined }
  | { kind: "deleted"; path: string; aside: string };

/**
 * Apply `changes` inside the project at `root`, all or nothing; `folders` (output folders) are checked and
 * cleaned of leftovers too. Throws CliError (exit 2) saying which files, if any, changed.
 */
export function applyChanges(root: string, changes: FileChange[], cwd: string, folders: string[] = []): Applied {
  const show = (path: string): string => displayPath(path, cwd);
  for (const folder of folders) checkInsideProject(root, folder, cwd, "folder");
  for (const change of changes) checkInsideProject(root, change.path, cwd);
  const leftovers = removeLeftovers([...folders, ...changes.map((c) => dirname(c.path))]).map(show);

  const temps = new Map<FileChange, string>();
  const createdDirs: string[] = [];
  const cleanUp = (): void => {
    for (const temp of temps.values()) rmSync(temp, { force: true });
    for (const dir of createdDirs.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (something else wrote there meanwhile) or already gone: leave it.
      }
    }
  };

  let current: FileChange | undefined;
  try {
    for (const change of changes) {
      if (change.content === undefined) continue;
      current = change;
      // mkdirSync names the first folder it created; every folder from there down to the file's is new.
      const made = mkdirSync(dirname(change.path), { recursive: true });
      for (let dir = dirname(change.path); made !== undefined; dir = dirname(dir)) {
        createdDirs.push(dir);
        if (dir === made || dir === dirname(dir)) break;
      }
      const temp = temporaryName(change.path);
      temps.set(change, temp);
      writeFileSync(temp, change.content, { flag: "wx" });
    }
  } catch (error) {
    cleanUp();
    throw failure(error, current!, [], show);
  }

  const done: Done[] = [];
  try {
    for (const change of changes) {
      current = change;
      const temp = temps.get(change);
      if (temp === undefined) {
        const aside = temporaryName(change.path);
        renameSync(change.path, aside);
        done.push({ kind: "deleted", path: change.path, aside });
      } else if (change.exclusive) {
        // A link fails when the name exists, where a rename would replace it.
        linkSync(temp, change.path);
        done.push({ kind: "created", path: change.path });
      } else {
        const kept = keepOld(change.path);
        try {
          renameSync(temp, change.path);
        } catch (error) {
          if (kept?.aside) rmSync(kept.aside, { force: true });
          throw error;
        }
        temps.delete(change);
        done.push(kept ? { kind: "replaced", path: change.path, ...kept } : { kind: "created", path: change.path });
      }
    }
  } catch (error) {
    const changed = undo(done).map(show);
    cleanUp();
    throw failure(error, current!, changed, show);
  }

  cleanUp();
  for (const step of done) if (step.kind !== "created" && step.aside) rmSync(step.aside, { force: true });
  return { leftovers };
}

/** The old bytes of a file about to be replaced: a hard link beside it (no copy), else in memory. */
function keepOld(path: string): { aside: string | undefined; old: Buffer | undefined } | undefined {
  const aside = temporaryName(path);
  try {
    linkSync(path, aside);
    return { aside, old: undefined };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  }
  // No hard links on this file system: keep the bytes (a file that cannot be read stops the whole change).
  return { aside: undefined, old: readFileSync(path) };
}

/** Undo step 3, newest first; returns the files that could not be restored. */
function undo(done: Done[]): string[] {
  const failed: string[] = [];
  for (const step of done.reverse()) {
    try {
      if (step.kind === "created") rmSync(step.path, { force: true });
      else if (step.aside !== undefined) renameSync(step.aside, step.path);
      else if (step.kind === "replaced" && step.old !== undefined) writeFileSync(step.path, step.old);
    } catch {
      failed.push(step.path);
    }
  }
  return failed;
}

function failure(error: unknown, change: FileChange, changed: string[], show: (path: string) => string): CliError {
  const e = error as NodeJS.ErrnoException;
  // Node's message ends with the system call and the temporary file's path, which are no help here.
  const why =
    e.code === "EEXIST" && change.exclusive
      ? "it appeared while wfgen was writing"
      : e.code
        ? e.message.replace(/, \w+( '.*')?$/, "")
        : e.message;
  const verb = change.content === undefined ? "delete" : "write";
  const outcome =
    changed.length === 0
      ? "nothing was changed."
      : `these files were changed and could not be restored: ${changed.join(", ")}.`;
  return new CliError("write-failed", `cannot ${verb} ${show(change.path)}: ${why}; ${outcome}`, {
    json: { changed },
  });
}

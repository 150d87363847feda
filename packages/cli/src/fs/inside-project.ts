/**
 * Every file the CLI writes or deletes must be inside the project (the `--cwd` folder) once symbolic links
 * are followed. The simplest rule that guarantees it: below the project root, no folder on the way to the
 * file and not the file itself may be a symbolic link, and the path may not climb out with `..`. A linked
 * `.github/workflows` is refused rather than followed, wherever it points.
 */
import { lstatSync, readlinkSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { CliError } from "../errors.ts";
import { displayPath } from "../paths.ts";

/** Throws CliError (exit 2) unless `path` (absolute) is a place inside `root` that wfgen may write or delete. */
export function checkInsideProject(root: string, path: string, cwd: string, kind: "file" | "folder" = "file"): void {
  const rel = relative(root, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new CliError(
      "outside-project",
      `${displayPath(path, cwd)} is outside the project (${displayPath(root, cwd)}); wfgen writes only inside it.`,
      { details: ["Choose an output folder or entry file inside the project, or run wfgen with --cwd <project>."] },
    );
  }
  if (rel === "") return;
  const parts = rel.split(sep);
  let current = root;
  for (const [i, part] of parts.entries()) {
    current = join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw new CliError("unreadable-file", `cannot inspect ${displayPath(current, cwd)}: ${(error as Error).message}`);
    }
    const last = i === parts.length - 1;
    if (stat.isSymbolicLink()) {
      throw new CliError(
        "symbolic-link",
        `${displayPath(current, cwd)} is a symbolic link (to ${readlinkSync(current)}); wfgen does not write through links, so that nothing it writes can land outside the project.`,
        { details: [`Replace the link with a real ${last && kind === "file" ? "file" : "folder"}.`] },
      );
    }
    const folder = !last || kind === "folder";
    if (folder ? !stat.isDirectory() : !stat.isFile()) {
      throw new CliError(
        "not-a-file",
        `${displayPath(current, cwd)} is not a ${folder ? "folder" : "regular file"}; wfgen will not write there.`,
      );
    }
  }
}

/**
 * The rules for a workflow's file name, the first argument of `workflow()`. The name becomes a path in the
 * user's repository, so it must be one plain file name inside `.github/workflows`: GitHub runs only the
 * files directly in that folder, a `/` or `..` would write elsewhere, and control characters or a leading
 * dot make files that tools and people misread.
 */

/**
 * The longest file name accepted, extension included. GitHub and the common file systems take 255 bytes;
 * the rest is kept for the temporary name the CLI writes first (`.<name>.wfgen-<pid>-<random>.tmp`).
 */
export const MAX_FILE_NAME_LENGTH = 200;

const SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
// Names Windows reserves in every folder: a checkout there fails on them, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The file `workflow(name)` writes: `name`, with `.yml` added unless it ends in `.yml` or `.yaml`. */
export function workflowFileName(name: string): string {
  return /\.ya?ml$/.test(name) ? name : `${name}.yml`;
}

/** Why `name` cannot be a workflow's file name, in words for an error message; undefined when it can. */
export function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return `the file name must be a string, not ${typeof name}`;
  if (name === "") return "the file name is empty";
  const file = workflowFileName(name);
  if (file.length > MAX_FILE_NAME_LENGTH)
    return `the file name is ${file.length} characters long; at most ${MAX_FILE_NAME_LENGTH} are accepted`;
  if (/[/\\]/.test(name))
    return "the file name contains a path separator; GitHub runs only the files directly in .github/workflows, so give a plain name such as \"ci\"";
  if (!SAFE.test(name)) {
    const bad = [...name].find((c, i) => !/[A-Za-z0-9_.-]/.test(c) || (i === 0 && (c === "." || c === "-")));
    const shown = bad === undefined ? "" : JSON.stringify(bad);
    return name.startsWith(".") || name.startsWith("-")
      ? `the file name starts with ${shown}; start it with a letter, a digit or "_"`
      : `the file name contains ${shown}; use letters, digits, ".", "_" and "-" only`;
  }
  if (RESERVED.test(file.replace(/\.ya?ml$/, "").split(".")[0]!))
    return "Windows reserves this name in every folder, so the repository could not be checked out there";
  return undefined;
}

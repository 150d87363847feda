/**
 * `wfgen import <file.yml...>`: existing workflow YAML to one `workflows.ts`, plus the lock entries that
 * make the build emit the same commits. Files that cannot be imported are reported with their line and the
 * others still are; the output file is only ever created (or replaced with `--force`), and the lock only
 * gains entries. ts-morph and prettier load inside the import module, so no other command pays for them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliError } from "../errors.ts";
import { ExitCode, type IO } from "../io.ts";
import { lockChange, lockPathOf, readLockFile } from "../load/lock.ts";
import { DEFAULT_ENTRY, DEFAULT_OUT, resolveRoot } from "../load/project.ts";
import { styleFor } from "../output/style.ts";
import { displayPath } from "../paths.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { readBoundedUtf8 } from "../fs/read-bounded.ts";
import { limitsOf } from "../limits.ts";
import { expandFileArguments } from "../lint/files.ts";

/** Flags and arguments of `wfgen import`. */
export interface ImportCommandOptions {
  cwd?: string | undefined;
  /** The TypeScript file to write; default workflows.ts. */
  out?: string | undefined;
  force: boolean;
  json: boolean;
  quiet: boolean;
  /** The YAML files (or folders of them) to import. */
  files: string[];
}

/** Import the files; see docs/migrating.md. Exit 1 when a file could not be imported or the output is in the way. */
export async function importCommand(options: ImportCommandOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const root = resolveRoot(options, io.cwd);
  const show = (path: string): string => displayPath(path, io.cwd);
  if (options.files.length === 0) {
    throw new CliError("no-files", "wfgen import needs the workflow files to import, for example: npx wfgen import .github/workflows/*.yml");
  }
  const out = resolve(root, options.out ?? DEFAULT_ENTRY);
  if (existsSync(out) && !options.force) {
    const message = `${show(out)} already exists; wfgen import changed nothing. Pass --force to replace it, or --out <file> to write another file.`;
    if (options.json) writeJson(io, { ok: false, written: [], imported: [], problems: [], notes: [], message });
    else io.stderr.write(`${style.red("error:")} ${message}\n`);
    return ExitCode.failed;
  }

  const inputs: Array<{ display: string; text: string }> = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  const { maxFileBytes } = limitsOf(io.env);
  for (const path of expand(options.files, root, io.cwd)) {
    try {
      inputs.push({ display: show(path), text: readBoundedUtf8(path, maxFileBytes) });
    } catch (error) {
      unreadable.push({ file: show(path), message: `cannot read it: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}` });
    }
  }

  const lockPath = lockPathOf(out);
  const lock = await readLockFile(lockPath, io.cwd);
  const { importWorkflows } = await import("../import/index.ts");
  const result = await importWorkflows(inputs, { lock, now: new Date().toISOString(), prettierConfigFile: out });
  const problems = [...unreadable, ...result.problems];

  const written: string[] = [];
  if (result.source !== undefined) {
    const changes: FileChange[] = [{ path: out, content: result.source }];
    const lockUpdate = await lockChange(lockPath, result.lock, io.cwd);
    if (lockUpdate) changes.push(lockUpdate);
    applyChanges(root, changes, io.cwd);
    written.push(...changes.map((c) => show(c.path)));
  }

  const ok = problems.length === 0 && result.source !== undefined;
  if (options.json) {
    writeJson(io, {
      ok,
      written,
      imported: result.imported.map((w) => ({ file: w.file, workflow: w.workflow, export: w.exportName })),
      lockEntries: result.added,
      problems,
      notes: result.notes,
    });
    return ok ? ExitCode.ok : ExitCode.failed;
  }

  for (const p of problems) {
    const at = "line" in p && p.line !== undefined ? `${p.file}:${p.line}${"column" in p && p.column !== undefined ? `:${p.column}` : ""}` : p.file;
    io.stderr.write(`${at}: ${style.red("error:")} ${p.message}\n`);
  }
  for (const n of result.notes) io.stderr.write(`${n.line !== undefined ? `${n.file}:${n.line}` : n.file}: ${style.yellow("note:")} ${n.message}\n`);
  if (!options.quiet) {
    for (const w of result.imported) io.stdout.write(`${style.green("imported")} ${w.file} -> export ${w.exportName} (writes ${DEFAULT_OUT}/${w.output})\n`);
    for (const path of written) io.stdout.write(`${style.green("written ")} ${path}\n`);
  }
  const failed = problems.length;
  const summary = `wfgen import: ${result.imported.length} imported, ${failed} not imported`;
  if (result.source === undefined) {
    io.stderr.write(`${summary}; nothing was written.\n`);
    return ExitCode.failed;
  }
  const unpinned = result.added.filter((k) => "unpinned" in result.lock.actions[k]!).length;
  const lockPart = result.added.length > 0 ? `; ${result.added.length} lock entr${result.added.length === 1 ? "y" : "ies"} added${unpinned ? ` (${unpinned} unpinned)` : ""}` : "";
  if (!options.quiet || failed > 0) io.stdout.write(`${summary}${lockPart}.\n`);
  if (!options.quiet) {
    io.stdout.write(
      "Next:\n" +
        `  review ${show(out)}, then move the imported YAML files away (wfgen never overwrites files it did not generate)\n` +
        "  npx wfgen build    (then `git diff` shows what changed: see docs/migrating.md)\n",
    );
  }
  return failed > 0 ? ExitCode.failed : ExitCode.ok;
}

/** The files named, with each folder replaced by the workflow files in it, in name order. */
// Globs expand as in `wfgen lint` (so they work quoted); a plain path that is missing is reported when it is
// read, and the other files are still imported.
function expand(args: string[], root: string, cwd: string): string[] {
  return args.flatMap((arg) => {
    if (/[*?[\]{}]/.test(arg)) return expandFileArguments([arg], root, cwd);
    const path = resolve(root, arg);
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // Missing: reported when it is read.
    }
    if (!folder) return [path];
    return readdirSync(path)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(path, name));
  });
}

function writeJson(io: IO, result: Record<string, unknown>): void {
  io.stdout.write(`${JSON.stringify({ version: 1, command: "import", ...result }, null, 2)}\n`);
}

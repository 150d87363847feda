/**
 * `wfgen import <file.yml...>`: existing workflow YAML to one `workflows.ts`, plus the lock entries that
 * make the build emit the same commits. Files that cannot be imported are reported with their line and the
 * others still are; the output file is only ever created (or replaced with `--force`), and the lock only
 * gains entries. ts-morph and prettier load inside the import module, so no other command pays for them.
 */
import { requireOptional } from "../optional.ts";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { Lock } from "@wfgen/core";
import type { ImportNote, ImportProblem } from "../import/types.ts";
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
  /** One TypeScript file per folder of YAML files (see {@link perFolder}). */
  perFolder?: boolean;
  json: boolean;
  quiet: boolean;
  /** The YAML files (or folders of them) to import. */
  files: string[];
}

/** One TypeScript file to write, and the YAML files that go into it. */
interface Target {
  out: string;
  paths: string[];
}

/** Import the files; see docs/migrating.md. Exit 1 when a file could not be imported or the output is in the way. */
export async function importCommand(options: ImportCommandOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const root = resolveRoot(options, io.cwd);
  const show = (path: string): string => displayPath(path, io.cwd);
  if (options.files.length === 0) {
    throw new CliError("no-files", "wfgen import needs the workflow files to import, for example: npx wfgen import .github/workflows/*.yml");
  }
  requireOptional("import", ["ts-morph", "prettier"]);
  if (options.perFolder && options.out !== undefined && (isAbsolute(options.out) || /[\\/]/.test(options.out))) {
    throw new CliError("bad-argument", `with --per-folder, --out names the file each folder gets (workflows.ts), not a path: "${options.out}"`);
  }
  const paths = expand(options.files, root, io.cwd);
  const targets = options.perFolder
    ? perFolder(paths, options.out ?? DEFAULT_ENTRY)
    : [{ out: resolve(root, options.out ?? DEFAULT_ENTRY), paths }];
  // All or nothing: no output is written while another is in the way.
  const taken = targets.filter((t) => existsSync(t.out)).map((t) => show(t.out));
  if (taken.length > 0 && !options.force) {
    const message = `${taken.join(", ")} already exist${taken.length === 1 ? "s" : ""}; wfgen import changed nothing. Pass --force to replace ${taken.length === 1 ? "it" : "them"}, or --out <file> to write another file.`;
    if (options.json) writeJson(io, { ok: false, written: [], imported: [], problems: [], notes: [], message });
    else io.stderr.write(`${style.red("error:")} ${message}\n`);
    return ExitCode.failed;
  }

  const { importWorkflows } = await import("../import/index.ts");
  const written: string[] = [];
  const imported: Array<{ file: string; workflow: string; export: string; out: string; output: string }> = [];
  const added: string[] = [];
  let unpinned = 0;
  const problems: ImportProblem[] = [];
  const notes: ImportNote[] = [];
  const { maxFileBytes } = limitsOf(io.env);
  // Every output and lock is written together at the end, or none is; a lock two outputs share gets the
  // entries of both.
  const changes: FileChange[] = [];
  const locks = new Map<string, Lock>();
  const outputs: Array<{ out: string; lock: string }> = [];
  for (const target of targets) {
    const inputs: Array<{ display: string; text: string }> = [];
    for (const path of target.paths) {
      try {
        inputs.push({ display: show(path), text: readBoundedUtf8(path, maxFileBytes) });
      } catch (error) {
        problems.push({ file: show(path), message: `cannot read it: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}` });
      }
    }
    const lockPath = lockPathOf(target.out);
    const lock = locks.get(lockPath) ?? (await readLockFile(lockPath, io.cwd));
    const result = await importWorkflows(inputs, { lock, now: new Date().toISOString(), prettierConfigFile: target.out });
    problems.push(...result.problems);
    notes.push(...result.notes);
    if (result.source === undefined) continue;
    changes.push({ path: target.out, content: result.source });
    outputs.push({ out: target.out, lock: lockPath });
    locks.set(lockPath, result.lock);
    for (const w of result.imported) imported.push({ file: w.file, workflow: w.workflow, export: w.exportName, out: show(target.out), output: w.output });
    added.push(...result.added);
    unpinned += result.added.filter((k) => "unpinned" in result.lock.actions[k]!).length;
  }

  const lockWritten = new Set<string>();
  for (const [lockPath, lock] of locks) {
    const change = await lockChange(lockPath, lock, io.cwd);
    if (change === undefined) continue;
    changes.push(change);
    lockWritten.add(lockPath);
  }
  applyChanges(root, changes, io.cwd);
  // Listed as each output was made: its TypeScript file, then its lock (the first time it changes).
  for (const { out, lock } of outputs) {
    written.push(show(out));
    if (lockWritten.delete(lock)) written.push(show(lock));
  }

  const ok = problems.length === 0 && written.length > 0;
  if (options.json) {
    writeJson(io, {
      ok,
      written,
      imported: imported.map(({ output: _, ...w }) => w),
      lockEntries: added,
      problems,
      notes,
    });
    return ok ? ExitCode.ok : ExitCode.failed;
  }

  for (const p of problems) {
    const at = p.line !== undefined ? `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ""}` : p.file;
    io.stderr.write(`${at}: ${style.red("error:")} ${p.message}\n`);
  }
  for (const n of notes) io.stderr.write(`${n.line !== undefined ? `${n.file}:${n.line}` : n.file}: ${style.yellow("note:")} ${n.message}\n`);
  if (!options.quiet) {
    for (const w of imported) {
      const into = targets.length > 1 ? ` in ${w.out}` : "";
      io.stdout.write(`${style.green("imported")} ${w.file} -> export ${w.export}${into} (writes ${DEFAULT_OUT}/${w.output})\n`);
    }
    for (const path of written) io.stdout.write(`${style.green("written ")} ${path}\n`);
  }
  // Files, not problems: a file refused for three reasons is one file not imported.
  const failed = new Set(problems.map((p) => p.file)).size;
  const summary = `wfgen import: ${imported.length} imported, ${failed} not imported`;
  if (written.length === 0) {
    io.stderr.write(`${summary}; nothing was written.\n`);
    return ExitCode.failed;
  }
  const lockPart = added.length > 0 ? `; ${added.length} lock entr${added.length === 1 ? "y" : "ies"} added${unpinned ? ` (${unpinned} unpinned)` : ""}` : "";
  if (!options.quiet || failed > 0) io.stdout.write(`${summary}${lockPart}.\n`);
  if (!options.quiet) {
    const outs = [...new Set(imported.map((w) => w.out))];
    io.stdout.write(
      "Next:\n" +
        `  review ${outs.join(", ")}, then move the imported YAML files away (wfgen never overwrites files it did not generate)\n` +
        (outs.length > 1
          ? "  npx wfgen build --cwd <folder>    for each folder above (then `git diff` shows what changed: see docs/migrating.md)\n"
          : "  npx wfgen build    (then `git diff` shows what changed: see docs/migrating.md)\n"),
    );
  }
  return failed > 0 ? ExitCode.failed : ExitCode.ok;
}

/**
 * `--per-folder`: the files of each folder go into a TypeScript file of their own, so that names may repeat
 * across folders (several repositories, or the projects of a monorepo). The file goes where `wfgen build`
 * writes back to the same YAML files: next to the `.github` folder of `<dir>/.github/workflows`, else into
 * the folder itself. `out` is the file's name there.
 */
function perFolder(paths: string[], out: string): Target[] {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = dirname(path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  // Two folders of one project (`a/.github/workflows` and `a`) share its file.
  const byOut = new Map<string, string[]>();
  for (const [folder, list] of byFolder) {
    const project = basename(folder) === "workflows" && basename(dirname(folder)) === ".github" ? dirname(dirname(folder)) : folder;
    const file = resolve(project, out);
    byOut.set(file, [...(byOut.get(file) ?? []), ...list]);
  }
  return [...byOut].map(([file, list]) => ({ out: file, paths: list }));
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

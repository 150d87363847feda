/**
 * What `build` would write and what is on disk, computed in memory: load every project's entry, render
 * and validate all workflows, read the files at their target paths, and find orphans. `build` and `check`
 * both start here, so they can never disagree about what is out of date.
 */
import { existsSync, readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { readFile } from "node:fs/promises";
import type { Diagnostic, Finding, RenderResult, WorkflowDefinition } from "@wfgen/core";
import { CliError } from "./errors.ts";
import type { IO } from "./io.ts";
import { lockPathOf, readLockFile } from "./load/lock.ts";
import { importUserModule, mapDiagnostics, userCodeError } from "./load/module.ts";
import type { Bundle } from "./load/bundle.ts";
import { contentHash, readCache, writeCache, type CacheHit, type CacheScope } from "./load/cache.ts";
import {
  configCandidates,
  configFileOf,
  loadConfig,
  resolveProjects,
  resolveRoot,
  type Project,
  type ProjectFlags,
} from "./load/project.ts";
import { buildLintOptions, type LintRun } from "./lint/rendered.ts";
import { displayPath } from "./paths.ts";
import { sourceLines } from "./source-lines.ts";
import { checkInsideProject } from "./fs/inside-project.ts";
import { readBoundedText } from "./fs/read-bounded.ts";
import { limitsOf } from "./limits.ts";

/** A file some workflow renders to. */
export interface TargetFile {
  /** Absolute path. */
  path: string;
  /** Path shown to users: relative to the working folder, with `/`. */
  display: string;
  /** The bytes `build` writes. */
  content: string;
  exportName: string;
  /** What is on disk now; undefined when the file does not exist. */
  current: string | undefined;
}

/** A generated file (it has the wfgen header) that no workflow renders any more. */
export interface OrphanFile {
  path: string;
  display: string;
  current: string;
}

/** Everything `build` and `check` need to decide. */
export interface Plan {
  /** The project root (`--cwd`): nothing is written outside it. */
  root: string;
  /** The output folders, checked to be real folders inside the root. */
  folders: string[];
  files: TargetFile[];
  orphans: OrphanFile[];
  /**
   * Every finding of the workflows (the build's stages and the linter's rules, one code space), plus the
   * CLI's own errors (a hand-written file in the way, two workflows for one file).
   */
  diagnostics: Diagnostic[];
  /** The findings of the workflows (also in `diagnostics`), what suppressions silenced, and the rules not run. */
  lint: LintRun;
  /** Every workflow's file as shown to users, written or not (what `lint` read). */
  workflows: string[];
}

/**
 * wfgen's engine (the model's schemas, the rules, GitHub's parser): the biggest module, loaded only when
 * some file needs its checks (see unchangedResult). Files whose bytes are on disk need only the first half
 * of the render, `@wfgen/core/prepare`.
 */
function core(): Promise<typeof import("@wfgen/core")> {
  return import("@wfgen/core");
}

/**
 * Which files the model's checks, GitHub's parser and the linter read. They cost several milliseconds a
 * file, most of a build over hundreds of workflows (docs/performance.md), so `build` and `check` run them only on files whose
 * bytes differ from the disk: identical bytes were validated by the build that wrote them. The linter's
 * findings also depend on suppressions (in workflows.ts and wfgen.config.ts) and the config's `lint`
 * settings, which can change without changing a byte: core lints a workflow with any of them (and every
 * one with an error) whatever its bytes. `lint` reads every file with both.
 */
export type ParserScope = "all" | "changed";

/** Load, render and compare with the disk; writes nothing. Throws CliError when an entry cannot be used. */
export async function makePlan(flags: ProjectFlags, io: IO, parser: ParserScope = "all"): Promise<Plan> {
  const root = resolveRoot(flags, io.cwd);
  const { maxFileBytes } = limitsOf(io.env);
  const readIfExists = (path: string): string | undefined => readExisting(path, maxFileBytes, io.cwd);
  const scope: CacheScope = { root, flags: { entry: flags.entry, out: flags.out, parser }, env: io.env };
  const hit = readCache(scope);
  const cached = hit && (await planFromCache(hit, root, io.cwd, readIfExists));
  if (cached) return cached;
  const bundles: Bundle[] = [];
  const config = await loadConfig(root, io.cwd, bundles);
  const projects = await resolveProjects(root, flags, io.cwd, config);
  const configFile = configFileOf(root);
  const lintConfig = { config: config.lint ?? {}, file: configFile && displayPath(configFile, io.cwd) };
  // Built when a render needs the linter; at once when the config sets lint, so that a bad rule id in it is
  // reported before the entries load.
  let lintOptions = Object.keys(lintConfig.config).length > 0 ? await buildLintOptions(lintConfig) : undefined;
  const folders = [...new Set(projects.map((p) => p.out))];
  for (const folder of folders) checkInsideProject(root, folder, io.cwd, "folder");
  const files: TargetFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const lint: LintRun = { findings, suppressed: [], skipped: [] };
  const workflows: string[] = [];
  // Case-insensitive: two names that differ only in case are one file on macOS and Windows.
  const claimed = new Map<string, string>();
  // Started before the entries load, and awaited after them: Node reads these modules and the lock while it
  // waits on the entry's file, instead of after it.
  const renderer = Promise.all([import("@wfgen/core/prepare"), import("@wfgen/core/header")]);
  renderer.catch(() => undefined);
  const onDisk = new Map<string, string | undefined>();
  const disk = (path: string): string | undefined => {
    if (!onDisk.has(path)) onDisk.set(path, readIfExists(path));
    return onDisk.get(path);
  };
  const readingAhead = readAhead(folders, onDisk, readIfExists);
  for (const project of projects) {
    // Always pinned: a missing wfgen.lock.json is an empty lock, so every remote intent asks for `wfgen pin`.
    const lockRead = readLockFile(lockPathOf(project.entry), io.cwd);
    // Its error, if any, comes after the entry's: it is awaited below.
    lockRead.catch(() => undefined);
    const entries = await loadWorkflows(project, root, io.cwd, bundles);
    readingAhead.stop();
    const bundle = bundles[bundles.length - 1]!;
    const [{ prepareWorkflows, unchangedResult }, { isGeneratedFile }] = await renderer;
    for (const { value } of entries) workflows.push(displayPath(join(project.out, (value as WorkflowDefinition).file), io.cwd));
    const lock = await lockRead;
    // Bytes already on disk were checked by the build that wrote them (ParserScope).
    const read = (file: string): string | undefined => disk(join(project.out, file))?.replace(/\r\n/g, "\n");
    const options = {
      source: project.source,
      lock,
      permissionComments: config?.permissionComments === true,
      ...(parser === "changed" && { disk: { read, lint: lintConfig.config } }),
    };
    let result: RenderResult;
    try {
      const prepared = prepareWorkflows(entries, options);
      const unchanged = unchangedResult(prepared);
      if (unchanged) result = unchanged;
      else {
        lintOptions ??= await buildLintOptions(lintConfig);
        result = (await core()).finishWorkflows(prepared, { ...options, githubParser: parser === "all", lint: lintOptions });
      }
    } catch (error) {
      throw (await userCodeError(error, project.entry, bundle, io.cwd)) ?? error;
    }
    const found = await withExcerpts((await mapDiagnostics(result.diagnostics)).map((d) => relativeTo(d, io.cwd)), io.cwd);
    diagnostics.push(...found);
    findings.push(...found);
    lint.suppressed.push(...(await mapDiagnostics(result.suppressed)).map((d) => relativeTo(d, io.cwd)));
    if (lint.skipped.length === 0) lint.skipped.push(...result.skipped);
    for (const file of result.files) {
      const path = join(project.out, file.path);
      const display = displayPath(path, io.cwd);
      const owner = `export "${file.exportName}" of ${displayPath(project.entry, io.cwd)}`;
      const previous = claimed.get(path.toLowerCase());
      if (previous !== undefined) {
        diagnostics.push({
          severity: "error",
          code: "duplicate-output-file",
          message: `${previous} and ${owner} both write ${display}`,
          fix: "give one of them another file name (the first argument of workflow()) or another output folder",
          where: { workflow: file.path },
        });
        continue;
      }
      claimed.set(path.toLowerCase(), owner);
      const current = disk(path);
      if (current !== undefined && !isGeneratedFile(current)) {
        diagnostics.push({
          severity: "error",
          code: "hand-written-file",
          message: `${display} exists and was not generated by wfgen (it has no wfgen header), so wfgen will not overwrite it`,
          fix: `name the workflow "${file.path}" differently (the first argument of workflow()), or delete ${display} if ${owner} replaces it`,
          where: { workflow: file.path },
        });
      }
      if (parser !== "all" && current?.replace(/\r\n/g, "\n") !== file.content) {
        const { checkWithGitHubParser } = await core();
        diagnostics.push(...checkWithGitHubParser(file.path, file.content).map((d) => relativeTo(d, io.cwd)));
      }
      files.push({ path, display, content: file.content, exportName: file.exportName, current });
    }
  }
  const { isGeneratedFile } = await import("@wfgen/core/header");
  readingAhead.stop();
  const orphans = folders.flatMap((dir) => findOrphans(dir, claimed, io.cwd, isGeneratedFile, disk));
  files.sort((a, b) => compare(a.display, b.display));
  if (diagnostics.length === 0 && lint.suppressed.length === 0) {
    writeCache(
      scope,
      {
        sources: bundles.flatMap((b) => b.inputs),
        imports: bundles.flatMap((b) => b.imports),
        files: [...configCandidates(root), ...projects.map((p) => lockPathOf(p.entry))],
      },
      () => files.map((f) => ({ path: f.path, exportName: f.exportName, sha256: contentHash(f.content) })),
      folders,
    );
  }
  return { root, folders, files, orphans, diagnostics, lint, workflows: [...new Set(workflows)].sort(compare) };
}

/**
 * The plan of a render the cache recorded, when every file it wrote is on disk with the same bytes;
 * undefined otherwise, and the render runs (a file that differs needs its rendered text for the diff).
 */
async function planFromCache(
  hit: CacheHit,
  root: string,
  cwd: string,
  readIfExists: (path: string) => string | undefined,
): Promise<Plan | undefined> {
  // The folders are checked on a hit too: a .github/workflows replaced by a link since the last run is refused.
  for (const folder of hit.outDirs) checkInsideProject(root, folder, cwd, "folder");
  const files: TargetFile[] = [];
  const claimed = new Map<string, string>();
  for (const cached of hit.files) {
    const current = readIfExists(cached.path);
    if (current === undefined || contentHash(current) !== cached.sha256) return undefined;
    const display = displayPath(cached.path, cwd);
    files.push({ path: cached.path, display, content: current.replaceAll("\r\n", "\n"), exportName: cached.exportName, current });
    claimed.set(cached.path.toLowerCase(), cached.exportName);
  }
  // Only the header test, not core: a hit never loads the engine.
  const { isGeneratedFile } = await import("@wfgen/core/header");
  const orphans = hit.outDirs.flatMap((dir) => findOrphans(dir, claimed, cwd, isGeneratedFile, readIfExists));
  files.sort((a, b) => compare(a.display, b.display));
  return { root, folders: hit.outDirs, files, orphans, diagnostics: [], lint: { findings: [], suppressed: [], skipped: [] }, workflows: files.map((f) => f.display) };
}

/** The exported workflows of a project's entry; a value exported under several names counts once. */
export async function loadWorkflows(
  project: Project,
  root: string,
  cwd: string,
  bundles?: Bundle[],
): Promise<Array<{ exportName: string; value: unknown }>> {
  const { exports: module, bundle } = await importUserModule(project.entry, root, cwd);
  bundles?.push(bundle);
  const { isWorkflowDefinition } = await import("@wfgen/core/dsl");
  let exports = Object.entries(module);
  // A CommonJS entry (`module.exports = { ci }`) arrives as one default export holding the workflows.
  const fallback = module.default;
  if (!exports.some(([, value]) => isWorkflowDefinition(value)) && typeof fallback === "object" && fallback !== null) {
    exports = Object.entries(fallback);
  }
  const seen = new Set<unknown>();
  const entries = exports
    .filter(([, value]) => isWorkflowDefinition(value) && !seen.has(value) && seen.add(value))
    .map(([exportName, value]) => ({ exportName, value }));
  if (entries.length === 0) {
    const names = Object.keys(module);
    const found = names.length ? `its exports (${names.join(", ")}) are not workflows` : "it has no exports";
    throw new CliError("no-workflows", `${displayPath(project.entry, cwd)} exports no workflow: ${found}.`, {
      location: { file: displayPath(project.entry, cwd) },
      details: [
        'Export what workflow() returns, for example: export const ci = workflow("ci", { on: ..., jobs: { ... } });',
      ],
    });
  }
  return entries;
}

function findOrphans(
  dir: string,
  claimed: Map<string, string>,
  cwd: string,
  isGeneratedFile: (content: string) => boolean,
  readIfExists: (path: string) => string | undefined,
): OrphanFile[] {
  if (!existsSync(dir)) return [];
  const orphans: OrphanFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name))) {
    // wfgen writes regular files only: a link, a pipe or a folder named *.yml was never one of its files.
    if (!/\.ya?ml$/.test(entry.name) || !entry.isFile()) continue;
    const path = join(dir, entry.name);
    if (claimed.has(path.toLowerCase())) continue;
    const current = readIfExists(path);
    if (current !== undefined && isGeneratedFile(current))
      orphans.push({ path, display: displayPath(path, cwd), current });
  }
  return orphans;
}

/**
 * Read the `.yml` files of `folders` into `onDisk`, one a turn of the event loop, until stopped. Node's module
 * loader reads the entry asynchronously, and wfgen had nothing to do meanwhile: the committed files were
 * read after the entry had run, 30 ms at N=200 (docs/performance.md). A file that cannot be read is left
 * for the plan to read, and to report, where it needs it.
 */
function readAhead(
  folders: readonly string[],
  onDisk: Map<string, string | undefined>,
  read: (path: string) => string | undefined,
): { stop: () => void } {
  const paths = folders.flatMap((dir) => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
        .map((entry) => join(dir, entry.name));
    } catch {
      return [];
    }
  });
  let next = 0;
  let stopped = false;
  const readOne = (): void => {
    if (stopped || next >= paths.length) return;
    const path = paths[next++]!;
    try {
      if (!onDisk.has(path)) onDisk.set(path, read(path));
    } catch {
      // Read again by the plan, which reports it.
    }
    setImmediate(readOne);
  };
  setImmediate(readOne);
  return {
    stop: () => {
      stopped = true;
    },
  };
}

/** The file at a target path, bounded; undefined when there is none. */
function readExisting(path: string, maxFileBytes: number, cwd: string): string | undefined {
  try {
    return readBoundedText(path, maxFileBytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // A folder, a pipe, a huge file, EACCES: the path is taken by something wfgen must not touch.
    throw new CliError("unreadable-file", `cannot read ${displayPath(path, cwd)}: ${(error as Error).message}`, {
      location: { file: displayPath(path, cwd) },
    });
  }
}

function relativeTo<D extends Diagnostic>(d: D, cwd: string): D {
  return d.where.file && isAbsolute(d.where.file)
    ? { ...d, where: { ...d.where, file: displayPath(d.where.file, cwd) } }
    : d;
}

/** Findings with the source line they point at, for the text report (read only when there are findings). */
async function withExcerpts(findings: Finding[], cwd: string): Promise<Finding[]> {
  const texts = new Map<string, Promise<string[] | undefined>>();
  const lines = (file: string) => {
    let text = texts.get(file);
    if (!text) texts.set(file, (text = readFile(resolve(cwd, file), "utf8").then(sourceLines, () => undefined)));
    return text;
  };
  return Promise.all(
    findings.map(async (f) => {
      if (f.excerpt !== undefined || f.where.file === undefined || f.where.line === undefined) return f;
      const line = (await lines(f.where.file))?.[f.where.line - 1];
      return line === undefined ? f : { ...f, excerpt: line };
    }),
  );
}

/** Byte order, not the locale's: the same listing on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Import a user's TypeScript file (the entry or wfgen.config.ts): bundle it into a temporary folder,
 * import it, and turn every failure into an error that points at the user's file and line.
 *
 * The bundle has no source map, so stack traces (and the call sites the DSL records from them) point
 * into the bundle. Positions are mapped back to the user's files only when a message shows one
 * ({@link mapLocation}): the bundle is then made again with a source map. A map on every run made the
 * bundle several times larger for node to read and cost more than a third of the loading time
 * (docs/performance.md).
 *
 * An entry that is plain JavaScript importing only wfgen, as most are, is imported as written instead,
 * without the bundler (plain-entry.ts); its positions need no map.
 *
 * The folder is outside the project (nothing appears in the user's tree, read-only checkouts work); the
 * bundle's package imports are already absolute, so its location does not matter.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { setTimeout } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Message } from "esbuild";
import { CliError, type ErrorLocation } from "../errors.ts";
import { FileRefused } from "../fs/read-bounded.ts";
import { displayPath } from "../paths.ts";
import { editorColumn, sourceLines, startsWithBom } from "../source-lines.ts";
import { bundle, BundleError, mapBundle, type Bundle } from "./bundle.ts";
import { copyIfPlain, importPlainEntry, writeRuntimePackages, type PlainCopy } from "./plain-entry.ts";
import { installRuntime, type RuntimeModules } from "./runtime.ts";

/** The CLI's own modules that user code may import; loaded once, shared by every import. */
async function runtimeModules(): Promise<RuntimeModules> {
  const [wfgen, actions, presets] = (await Promise.all([
    import("../index.ts"),
    import("../actions.ts"),
    import("../presets.ts"),
  ])) as Record<string, unknown>[];
  const modules = { wfgen: wfgen!, "wfgen/actions": actions!, "wfgen/presets": presets! };
  installRuntime(modules);
  return modules;
}

/** A user's module, imported. */
export interface UserModule {
  exports: Record<string, unknown>;
  /** The bundle it was imported from, and the user's files it was made of. */
  bundle: Bundle;
}

/** A position in a file: the bundle's positions are what stack traces and call sites show. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/**
 * How to map positions in each bundle imported by this process back to the user's files: made on
 * first use, kept for the next ones (a message usually has several positions in one bundle).
 */
const mappers = new Map<string, () => Promise<((position: Position) => Position | undefined) | undefined>>();

/**
 * Import `file` (absolute) from the project at `root`; `cwd` is where paths in messages are relative to.
 * An error the module leaves behind as it loads (a timer's callback that throws, a promise rejected with
 * nothing to handle it) is the module's error too. Left to Node, it would end wfgen with exit code 1 and a
 * stack trace into wfgen's temporary copy of the entry, with that copy left behind.
 */
export async function importUserModule(file: string, root: string, cwd: string): Promise<UserModule> {
  const stray = catchStrayErrors();
  try {
    const loaded = await importModule(file, root, cwd);
    // The loop's next timers: a 0 ms timer the module set has run by then, and a rejection nothing handled
    // has been reported.
    await setTimeout(0);
    const left = stray.first();
    if (left === undefined) return loaded;
    // The entry's, whichever frame it shows: only the entry and the packages it imports ran while it loaded.
    throw await thrownError(left.error, file, loaded.bundle, cwd, LEFT_BEHIND);
  } finally {
    stray.stop();
  }
}

const LEFT_BEHIND = "left an error that nothing handled (from a timer or a promise)";

/** Records the first uncaught exception and unhandled rejection from now until `stop()`. */
function catchStrayErrors(): { first: () => { error: unknown } | undefined; stop: () => void } {
  let first: { error: unknown } | undefined;
  const record = (error: unknown): void => {
    first ??= { error };
  };
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
  return {
    first: () => first,
    stop: () => {
      process.off("uncaughtException", record);
      process.off("unhandledRejection", record);
    },
  };
}

async function importModule(file: string, root: string, cwd: string): Promise<UserModule> {
  const runtime = runtimeModules();
  // Awaited below on every path that gets that far; this only keeps an early bundling error from
  // leaving the promise's own failure unhandled.
  runtime.catch(() => undefined);
  const dir = await mkdtemp(join(tmpdir(), "wfgen-"));
  // A name of wfgen's own: the user's may be as long as the system allows, and a longer one would not fit.
  const outfile = join(dir, "entry.mjs");
  try {
    const plain = await importAsWritten(file, join(dir, "plain"), runtime, cwd);
    if (plain) return plain;
    let built: Bundle;
    try {
      built = await bundle(file, root, outfile, runtime);
    } catch (error) {
      if (error instanceof BundleError) throw compileError(error.errors, file, root, cwd);
      throw error;
    }
    registerMapper(built, file, root, runtime);
    await runtime;
    try {
      const exports = await guarded(() => import(/* @vite-ignore */ pathToFileURL(outfile).href), file, cwd);
      return { exports, bundle: built };
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw await thrownError(error, file, built, cwd);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The entry looked at and copied to `dir` (plain-entry.ts); undefined when it cannot be opened or copied
 * (esbuild then reports it, as it reports a missing import). Any size (the user's own code: the benchmark's
 * is 5.7 MB), but a regular file only: a FIFO would block wfgen forever and a link to /dev/zero would never end.
 */
function copyEntry(file: string, dir: string, runtime: RuntimeModules, cwd: string): PlainCopy | undefined {
  try {
    return copyIfPlain(file, dir, runtime);
  } catch (error) {
    if (!(error instanceof FileRefused)) return undefined;
    throw new CliError("unreadable-file", `cannot read ${displayPath(file, cwd)}: ${error.message}.`, {
      location: { file: displayPath(file, cwd) },
      details: [`${displayPath(file, cwd)} could not be loaded; nothing was written.`],
    });
  }
}

/**
 * The entry imported as the user wrote it, without the bundler, when it is plain JavaScript that imports
 * only wfgen (plain-entry.ts); undefined when it needs the bundler. Its positions are the user's own.
 */
async function importAsWritten(file: string, dir: string, runtime: Promise<RuntimeModules>, cwd: string): Promise<UserModule | undefined> {
  const modules = await runtime;
  const copied = copyEntry(file, dir, modules, cwd);
  if (copied?.specifiers === undefined) return undefined;
  // Packages that cannot be written (a full disk) leave the choice to the bundler, which reports its own error.
  const written = await writeRuntimePackages(dir, copied.specifiers, modules).then(
    () => true,
    () => false,
  );
  if (!written) return undefined;
  const copy = copied.file;
  const built: Bundle = { file: copy, inputs: [file], bytes: copied.bytes, imports: [] };
  mappers.set(copy, async () => (position) => ({ ...position, file }));
  try {
    const exports = await importPlainEntry(() => guarded(() => nativeImport(pathToFileURL(copy).href), file, cwd));
    if (exports) return { exports, bundle: built };
    mappers.delete(copy);
    return undefined;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw await thrownError(error, file, built, cwd);
  }
}

/**
 * Node's own `import()`, out of reach of a host that rewrites this module's imports (vitest runs the CLI
 * in-process that way, and would parse and transform the user's file itself): a plain entry is only plain
 * if Node, and nothing else, reads it.
 */
const nativeImport = new Function("url", "return import(url)") as (url: string) => Promise<Record<string, unknown>>;

/**
 * Evaluate the user's module with two guards. `process.exit()` while it loads would end wfgen with the
 * user's code (0 would make `check` pass having checked nothing), so it throws instead. A top-level `await`
 * that never settles leaves Node with nothing to do, and Node would exit with code 13 and no word; the
 * `beforeExit` event comes first, and turns it into an error.
 */
async function guarded(load: () => Promise<unknown>, file: string, cwd: string): Promise<Record<string, unknown>> {
  const shown = displayPath(file, cwd);
  const exit = process.exit;
  process.exit = ((code?: number | string | null) => {
    throw new Error(`${shown} called process.exit(${code ?? ""}) while loading; an entry file only exports workflows`);
  }) as typeof process.exit;
  let onIdle: (() => void) | undefined;
  const idle = new Promise<never>((_, reject) => {
    onIdle = () =>
      reject(
        new CliError("entry-never-settles", `${shown} never finished loading: a top-level await waits on a promise that nothing settles.`, {
          location: { file: shown },
          details: [`${shown} could not be loaded; nothing was written.`],
        }),
      );
  });
  process.once("beforeExit", onIdle!);
  try {
    return (await Promise.race([load(), idle])) as Record<string, unknown>;
  } finally {
    process.off("beforeExit", onIdle!);
    process.exit = exit;
  }
}

function registerMapper(built: Bundle, file: string, root: string, runtime: Promise<RuntimeModules>): void {
  let made: Promise<((position: Position) => Position | undefined) | undefined> | undefined;
  mappers.set(built.file, () => {
    made ??= mapBundle(file, root, built.file, runtime).then(
      ({ code, map }) => {
        // The sources changed since the bundle was imported: its positions no longer match them.
        if (Buffer.byteLength(code) !== built.bytes) return undefined;
        const sourceMap = new SourceMap(JSON.parse(map) as ConstructorParameters<typeof SourceMap>[0]);
        return (position: Position) => {
          const entry = sourceMap.findEntry(position.line - 1, position.column - 1) as Partial<{
            originalSource: string;
            originalLine: number;
            originalColumn: number;
          }>;
          if (entry.originalSource === undefined || entry.originalLine === undefined) return undefined;
          const source = entry.originalSource.startsWith("file://")
            ? fileURLToPath(entry.originalSource)
            : resolve(dirname(built.file), entry.originalSource);
          return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
        };
      },
      () => undefined,
    );
    return made;
  });
}

/**
 * `position` in the user's files when it is in a bundle this process imported; undefined when it is in
 * a bundle but maps to none of the user's lines (code esbuild added); unchanged otherwise.
 */
export async function mapLocation(position: Position): Promise<Position | undefined> {
  const mapper = mappers.get(position.file);
  if (!mapper) return position;
  const mapped = (await mapper())?.(position);
  // V8, and esbuild's source maps, count a byte order mark as line 1's first column.
  if (mapped?.line === 1 && mapped.column > 1 && startsWithBom(mapped.file)) return { ...mapped, column: mapped.column - 1 };
  return mapped;
}

/** Diagnostics with their positions in bundles mapped to the user's files (see {@link mapLocation}). */
export async function mapDiagnostics<D extends { where: Partial<Position> }>(diagnostics: D[]): Promise<D[]> {
  return Promise.all(
    diagnostics.map(async (d) => {
      const { file, line, column } = d.where;
      if (file === undefined || line === undefined || column === undefined || !mappers.has(file)) return d;
      const mapped = await mapLocation({ file, line, column });
      const { file: _file, line: _line, column: _column, ...rest } = d.where;
      return { ...d, where: { ...rest, ...mapped } };
    }),
  );
}

function compileError(errors: Message[], file: string, root: string, cwd: string): CliError {
  const [first, ...rest] = errors;
  const at = (m: Message): ErrorLocation | undefined =>
    m.location
      ? {
          file: displayPath(resolve(root, m.location.file), cwd),
          line: m.location.line,
          column: editorColumn(m.location, resolve(root, m.location.file)),
        }
      : undefined;
  const details: string[] = [];
  const location = first ? at(first) : undefined;
  if (first?.location && location?.column !== undefined) details.push(...codeFrame(first.location.lineText, first.location.line, location.column));
  for (const other of rest) {
    const loc = at(other);
    details.push(`${loc ? `${loc.file}:${loc.line}:${loc.column}: ` : ""}error: ${other.text}`);
  }
  details.push(`${displayPath(file, cwd)} could not be compiled; nothing was written.`);
  return new CliError("entry-compile-error", first?.text ?? "the file could not be compiled", {
    ...(location ? { location } : { location: { file: displayPath(file, cwd) } }),
    details,
  });
}

const FRAME = /^\s*at (?:(.*?) \()?((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/;

/** A frame of a stack trace, its position mapped to the user's files (no file: code esbuild added). */
interface Frame {
  fn: string | undefined;
  position: Position | undefined;
}

/** The frames of `error`'s stack that name a file, in order, with their positions mapped. */
async function framesOf(error: unknown): Promise<Frame[]> {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frames: Frame[] = [];
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const abs = m[2]!.startsWith("file://") ? fileURLToPath(m[2]!) : m[2]!;
    frames.push({ fn: m[1], position: await mapLocation({ file: abs, line: Number(m[3]), column: Number(m[4]) }) });
  }
  return frames;
}

/**
 * The user's code threw while wfgen read the workflows it made (a getter, a `toJSON`, a Proxy): an error at
 * its line, as one thrown while loading is; undefined when the error did not start in the user's code,
 * which makes it wfgen's own (exit 3).
 */
export async function userCodeError(error: unknown, file: string, built: Bundle, cwd: string): Promise<CliError | undefined> {
  const frames = await framesOf(error);
  const first = frames[0]?.position?.file;
  if (first === undefined || !built.inputs.includes(first)) return undefined;
  return thrownError(error, file, built, cwd, "threw while wfgen read its workflows", frames);
}

async function thrownError(
  error: unknown,
  file: string,
  built: Bundle,
  cwd: string,
  when = "threw while loading",
  stackFrames?: Frame[],
): Promise<CliError> {
  const sources = new Set(built.inputs);
  const message =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  const frames = (stackFrames ?? (await framesOf(error))).flatMap(({ fn, position }) =>
    position && sources.has(position.file)
      ? [{ fn, abs: position.file, location: { file: displayPath(position.file, cwd), line: position.line, column: position.column } }]
      : [],
  );
  const top = frames[0];
  const details = top ? codeFrame(readLine(top.abs, top.location.line), top.location.line, top.location.column) : [];
  details.push(
    ...frames.map((f) => `    at ${f.fn ? `${f.fn} (${formatFrame(f.location)})` : formatFrame(f.location)}`),
  );
  details.push(`${displayPath(file, cwd)} ${when}; nothing was written.`);
  return new CliError("entry-threw", message, { location: top?.location ?? { file: displayPath(file, cwd) }, details });
}

function formatFrame(location: Required<ErrorLocation>): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function readLine(file: string, line: number): string | undefined {
  try {
    return sourceLines(readFileSync(file, "utf8"))[line - 1];
  } catch {
    return undefined;
  }
}

/** The offending line with a caret under the column, as compilers print it. */
function codeFrame(text: string | undefined, line: number, column: number): string[] {
  if (text === undefined) return [];
  const gutter = String(line);
  return [`  ${gutter} | ${text}`, `  ${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, column - 1))}^`];
}

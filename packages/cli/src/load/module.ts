/**
 * Import a user's TypeScript file (the entry or wfgen.config.ts): bundle it, write the bundle to a
 * temporary folder, import it with source maps on, and turn every failure into an error that points at
 * the user's file and line.
 *
 * Why a temporary file rather than a `data:` URL: Node applies source maps to file modules only, and the
 * DSL records where each workflow was created from stack traces, so those must show `workflows.ts:LINE`.
 * The folder is outside the project (nothing appears in the user's tree, read-only checkouts work); the
 * bundle's package imports are already absolute, so its location does not matter. It costs about 2.5 ms
 * more than a `data:` URL for a small entry and is faster for a large one (docs/performance.md).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Message } from "esbuild";
import { CliError, type ErrorLocation } from "../errors.ts";
import { displayPath } from "../paths.ts";
import { bundle, BundleError } from "./bundle.ts";
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

/** Import `file` (absolute) from the project at `root`; `cwd` is where paths in messages are relative to. */
export async function importUserModule(file: string, root: string, cwd: string): Promise<Record<string, unknown>> {
  const runtime = runtimeModules();
  // Awaited below on every path that gets that far; this only keeps an early bundling error from
  // leaving the promise's own failure unhandled.
  runtime.catch(() => undefined);
  const dir = await mkdtemp(join(tmpdir(), "wfgen-"));
  const outfile = join(dir, `${basename(file).replace(/\.[^.]*$/, "")}.mjs`);
  try {
    let built;
    try {
      built = await bundle(file, root, outfile, runtime);
    } catch (error) {
      if (error instanceof BundleError) throw compileError(error.errors, file, root, cwd);
      throw error;
    }
    await Promise.all([writeFile(outfile, built.code), runtime]);
    process.setSourceMapsEnabled(true);
    try {
      return await guarded(() => import(/* @vite-ignore */ pathToFileURL(outfile).href), file, cwd);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw thrownError(error, file, built.inputs, cwd);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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

function compileError(errors: Message[], file: string, root: string, cwd: string): CliError {
  const [first, ...rest] = errors;
  const at = (m: Message): ErrorLocation | undefined =>
    m.location
      ? { file: displayPath(resolve(root, m.location.file), cwd), line: m.location.line, column: m.location.column + 1 }
      : undefined;
  const details: string[] = [];
  if (first?.location)
    details.push(...codeFrame(first.location.lineText, first.location.line, first.location.column + 1));
  for (const other of rest) {
    const loc = at(other);
    details.push(`${loc ? `${loc.file}:${loc.line}:${loc.column}: ` : ""}error: ${other.text}`);
  }
  details.push(`${displayPath(file, cwd)} could not be compiled; nothing was written.`);
  const location = first ? at(first) : undefined;
  return new CliError("entry-compile-error", first?.text ?? "the file could not be compiled", {
    ...(location ? { location } : { location: { file: displayPath(file, cwd) } }),
    details,
  });
}

const FRAME = /^\s*at (?:(.*?) \()?((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/;

function thrownError(error: unknown, file: string, inputs: string[], cwd: string): CliError {
  const sources = new Set(inputs);
  const message =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frames: Array<{ fn: string | undefined; location: Required<ErrorLocation>; abs: string }> = [];
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const abs = m[2]!.startsWith("file://") ? fileURLToPath(m[2]!) : m[2]!;
    if (!sources.has(abs)) continue;
    frames.push({ fn: m[1], abs, location: { file: displayPath(abs, cwd), line: Number(m[3]), column: Number(m[4]) } });
  }
  const top = frames[0];
  const details = top ? codeFrame(readLine(top.abs, top.location.line), top.location.line, top.location.column) : [];
  details.push(
    ...frames.map((f) => `    at ${f.fn ? `${f.fn} (${formatFrame(f.location)})` : formatFrame(f.location)}`),
  );
  details.push(`${displayPath(file, cwd)} threw while loading; nothing was written.`);
  return new CliError("entry-threw", message, { location: top?.location ?? { file: displayPath(file, cwd) }, details });
}

function formatFrame(location: Required<ErrorLocation>): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function readLine(file: string, line: number): string | undefined {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/)[line - 1];
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

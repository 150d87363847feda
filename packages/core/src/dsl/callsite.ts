/**
 * Where in the user's code a workflow, job or step was created, so that build errors can point at
 * `workflows.ts:LINE:COL`. The stack is captured cheaply at creation and only formatted when an error
 * needs it (formatting is the expensive part, and goes through source maps when the CLI enables them).
 */

/** A captured call site; resolve it with {@link resolveCallSite}. */
export interface CallSite {
  readonly error: Error;
}

/** Source position in the user's file. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

const OWN_FILE = new URL(import.meta.url).pathname;
// Frames inside wfgen itself: the core sources during development, the bundled chunk once built.
const OWN_DIRS = [
  "/packages/core/src/",
  "/packages/actions/src/",
  "/packages/presets/src/",
  "/packages/cli/src/",
  "/packages/cli/dist/",
  "/node_modules/wfgen/",
  "/node_modules/@wfgen/",
];

/**
 * Capture the current call site. Call it from the public builder, never from helpers. A function of the
 * user's own that builds for its caller (a binding `wfgen add` wrote) passes itself as `below`: the site is
 * then where it was called, not the line inside it.
 */
export function captureCallSite(below?: (...args: never[]) => unknown): CallSite {
  const error = new Error("call site");
  if (below) Error.captureStackTrace(error, below);
  return { error };
}

/** The first stack frame outside wfgen's own code, or undefined when none is found. */
export function resolveCallSite(site: CallSite | undefined): SourcePosition | undefined {
  if (!site) return undefined;
  const stack = site.error.stack ?? "";
  for (const line of stack.split("\n").slice(1)) {
    const frame = parseFrame(line);
    if (!frame) continue;
    if (frame.file === OWN_FILE || frame.file.startsWith("node:")) continue;
    if (OWN_DIRS.some((dir) => frame.file.includes(dir))) continue;
    if (frame.file.includes("/node_modules/vitest/") || frame.file.includes("/node_modules/.pnpm/")) continue;
    return frame;
  }
  return undefined;
}

const FRAME = /\(?((?:file:\/\/|\/|[A-Za-z]:\\|node:)[^()]*?):(\d+):(\d+)\)?\s*$/;

function parseFrame(line: string): SourcePosition | undefined {
  const m = FRAME.exec(line.trim());
  if (!m) return undefined;
  let file = m[1]!;
  if (file.startsWith("file://")) file = decodeURIComponent(new URL(file).pathname);
  return { file, line: Number(m[2]), column: Number(m[3]) };
}

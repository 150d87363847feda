/**
 * An entry that needs no bundler: JavaScript as written, whose only imports are wfgen's own modules.
 * Most `workflows.ts` files are exactly that (the builders carry the types; the file declares none), and
 * importing them as they are saves esbuild's whole run: starting its process and parsing the file, half
 * the loading time of a 5 MB entry (docs/performance.md).
 *
 * The test here is a look at the text, with no lexer, that may only err towards the bundler: anything it
 * cannot vouch for goes there, a comment or a string included. Every `import` must be a plain static import
 * of a wfgen module on a line of its own, every `export` a local one; and none of: CommonJS names, per-file
 * values, `eval`, a `\u` escape (an identifier can be spelled with one), a class (tsconfig decides its
 * fields), a function turned into text (esbuild reprints functions), or a `<` after a name, a bracket or a
 * comment, which may be a generic call (`f<T>(x)` is two comparisons in JavaScript). TypeScript syntax that
 * JavaScript refuses (an annotation, `as`, `import type`) is left to Node's parser: the import fails before
 * any code runs, and the caller bundles instead. An adversarial review (issue 15) found each of these
 * gaps in a narrower look.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readBounded, readWindows, type FileWindow } from "../fs/read-bounded.ts";
import { moduleFor, type RuntimeModules } from "./runtime.ts";

const EXTENSIONS = /\.(?:m?ts|m?js)$/;
/** A static import of a whole line's start: `import { a, b } from "wfgen"`, `import * as w from "wfgen"`. */
const STATIC_IMPORT =
  /[ \t]*import[ \t]+(?:[\w$]+[ \t]*,[ \t]*)?(?:\{[^}]{0,4000}\}|\*[ \t]+as[ \t]+[\w$]+|[\w$]+)[ \t]+from[ \t]*(["'])([^"'\n]*)\1/y;
/** A local export: a declaration, a default, or a list of names (not one that re-exports a module). */
const LOCAL_EXPORT = /export(?:[ \t]+(?:const|let|var|function|async|default)\b|[ \t]*\{[^}]{0,4000}\}(?![ \t]*from\b))/y;
// The longest a list in braces may be in the two patterns above, which may span lines.
const BRACES = 4000;
const WFGEN = /^(?:wfgen|@wfgen\/[\w-]+)(?:\/[\w-]+)?$/;
/**
 * Names that mean another module system or a meaning only esbuild gives (see the module's comment); also
 * `__dirname`, `__filename` and `toString`, which needsBundler finds from their rarer parts.
 */
const NEEDS_BUNDLER = ["require", "module", "exports", "eval", "class"];
const EVALUATED = Symbol.for("wfgen.plain-entry.evaluated");

/**
 * The module specifiers of the entry's `bytes` when it can be imported as it is; undefined when it needs the
 * bundler. The look reads the bytes one per character, as Latin-1: every pattern is ASCII, and no byte of a
 * multi-byte UTF-8 character is. It searches the bytes themselves, and turns into text only the few lines
 * an `import` or `export` starts: text of the whole entry was most of the look's time, a fresh 5.7 MB of
 * memory on the benchmark's entry (docs/performance.md).
 */
export function plainEntrySpecifiers(file: string, bytes: Buffer, runtime: RuntimeModules): string[] | undefined {
  if (!EXTENSIONS.test(file)) return undefined;
  const look = new Look(runtime);
  // One window that is the whole file has all the context there is: it is never unsure.
  return look.see({ bytes, base: 0, first: true, last: true, from: 0, to: bytes.length, fresh: 0 }) ? look.specifiers() : undefined;
}

/** What {@link copyIfPlain} found. */
export interface PlainCopy {
  /** The entry's module specifiers when it can be imported as it is; undefined when it needs the bundler. */
  specifiers: string[] | undefined;
  /** The copy, the file to import. */
  file: string;
  /** The entry's size: the bytes copied, unless the look stopped early. */
  bytes: number;
  /** A window lacked the context to judge a place, and the look read the whole entry again. */
  whole: boolean;
}

// How much of the file the look needs around a place it judges: an import's line, the 4,000 bytes a list
// in braces may take, and the line where that ends. A window that lacks it is read again as a whole file;
// the longest word it looks for (`__filename`) always fits.
const OVERLAP = 16 * 1024;

/**
 * Look at the entry `file` as plainEntrySpecifiers does, a window at a time through one reused buffer, and
 * copy it byte for byte into the folder `dir`, so that every position in the copy is the user's. When the
 * entry is plain, that copy is what Node imports (writeRuntimePackages completes it): what the look vouched
 * for, whatever happens to the file meanwhile. Stops at the first sign that it needs the bundler. Throws
 * what reading `file` throws (FileRefused, ENOENT), and what writing the copy throws. `window` is for tests.
 */
export function copyIfPlain(file: string, dir: string, runtime: RuntimeModules, window?: Buffer): PlainCopy {
  const copy = join(dir, "entry.mjs");
  if (!EXTENSIONS.test(file)) return { specifiers: undefined, file: copy, bytes: 0, whole: false };
  const look = new Look(runtime);
  let plain = true;
  // Opened once the entry is: a FIFO or a folder is refused before anything is written.
  let out: number | undefined;
  try {
    const bytes = readWindows(
      file,
      Number.MAX_SAFE_INTEGER,
      OVERLAP,
      (part) => {
        if (out === undefined) {
          mkdirSync(dir, { recursive: true });
          out = openSync(copy, "w");
        }
        writeFully(out, part.bytes.subarray(part.fresh));
        return (plain = look.see(part));
      },
      window,
    );
    return { specifiers: plain ? look.specifiers() : undefined, file: copy, bytes, whole: false };
  } catch (error) {
    if (!(error instanceof Unsure)) throw error;
  } finally {
    if (out !== undefined) closeSync(out);
  }
  // Rare: a line of thousands of bytes beside an import, or a long run of blanks before a `<`.
  const whole = readBounded(file, Number.MAX_SAFE_INTEGER);
  writeFileSync(copy, whole);
  return { specifiers: plainEntrySpecifiers(file, whole, runtime), file: copy, bytes: whole.length, whole: true };
}

function writeFully(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Thrown by the look at a window that lacks the bytes around a place to judge it. */
class Unsure extends Error {}

/**
 * The look at one entry, a window at a time, in order: `see` says whether the entry may still be plain
 * (false: it needs the bundler), or throws Unsure.
 */
class Look {
  private readonly found = new Set<string>();
  // Where the last import and the last export that matched end, in the file: the next must start after.
  private importEnd = 0;
  private exportEnd = 0;

  constructor(private readonly runtime: RuntimeModules) {}

  /** The specifiers, once every window was seen and found plain; undefined when no import was found. */
  specifiers(): string[] | undefined {
    return this.found.size === 0 ? undefined : [...this.found];
  }

  see(window: FileWindow): boolean {
    return !needsBundler(window) && !genericCallIn(window) && this.importsIn(window) && this.exportsIn(window);
  }

  // Every `import` must start a static import of a wfgen module, found as the pattern, tried at each line
  // start from where the last one ended, finds them; any other (dynamic, `import.meta`, one with a comment
  // inside, in a string) is not vouched for.
  private importsIn(window: FileWindow): boolean {
    for (const at of wordsIn(window, "import")) {
      const start = lineStart(window, at);
      if (start < 0 || window.base + start < this.importEnd) return false;
      const match = matchAt(STATIC_IMPORT, window, start, at);
      if (match === undefined) return false;
      const specifier = match[2]!;
      if (!WFGEN.test(specifier) || !this.runtime[moduleFor(specifier)]) return false;
      this.found.add(specifier);
      this.importEnd = window.base + start + match[0].length;
    }
    return true;
  }

  // Every `export` must be a local one.
  private exportsIn(window: FileWindow): boolean {
    for (const at of wordsIn(window, "export")) {
      if (window.base + at < this.exportEnd) return false;
      const match = matchAt(LOCAL_EXPORT, window, at, at);
      if (match === undefined) return false;
      this.exportEnd = window.base + at + match[0].length;
    }
    return true;
  }
}

/**
 * Any of NEEDS_BUNDLER, `__dirname`, `__filename` or `toString` as a word, a `String` call (`String (f)` too),
 * or a `\u` escape (an identifier can be spelled with one).
 */
function needsBundler(window: FileWindow): boolean {
  const { bytes, from, to } = window;
  if (bytes.includes("\\u", from)) return true;
  for (const name of NEEDS_BUNDLER) if (!wordsIn(window, name).next().done) return true;
  // Each search is a pass over the window: the last four names are found from the parts they share.
  for (let at = bytes.indexOf("__", from); at >= 0 && at < to; at = bytes.indexOf("__", at + 1)) {
    if (isWordAt(bytes, at, "__dirname") || isWordAt(bytes, at, "__filename")) return true;
  }
  for (let at = bytes.indexOf("String", from); at >= 0 && at < to; at = bytes.indexOf("String", at + 1)) {
    if (at >= 2 && isWordAt(bytes, at - 2, "toString")) return true;
    if (at > 0 && isWord(bytes[at - 1]!)) continue;
    let i = at + "String".length;
    while (i < bytes.length && isBlank(bytes[i]!)) i++;
    if (i === bytes.length && !window.last) throw new Unsure();
    if (bytes[i] === 0x28) return true;
  }
  return false;
}

/**
 * Whether a `<` follows a name, a closing bracket, a non-ASCII character or the end of a comment, with
 * only blanks between: what `/(?:[\w$)\]\u0080-\uffff]|\*\/)\s*</` finds in the bytes read as Latin-1, found
 * from each `<` back. That pattern was three quarters of the look's time on a large entry (it tries at
 * every character); `<` is rare.
 */
export function mayBeGenericCall(bytes: Buffer): boolean {
  return genericCallIn({ bytes, base: 0, first: true, last: true, from: 0, to: bytes.length, fresh: 0 });
}

function genericCallIn(window: FileWindow): boolean {
  const { bytes, from, to } = window;
  for (let at = bytes.indexOf(0x3c, from); at >= 0 && at < to; at = bytes.indexOf(0x3c, at + 1)) {
    for (let i = at - 1; i >= 0; i--) {
      // Blanks back to the window's start: what comes before them is in the window before.
      if (i === 0 && !window.first) throw new Unsure();
      const c = bytes[i]!;
      // The character classes in the pattern's order: a match wins over a blank (U+00A0 is both).
      if (isWord(c) || c === 0x24 || c === 0x29 || c === 0x5d || c >= 0x80 || (c === 0x2f && bytes[i - 1] === 0x2a)) return true;
      if (!isBlank(c)) break;
    }
  }
  return false;
}

/** Where `word` occurs as a whole word (`\bword\b`) in the window's part, in order. */
function* wordsIn(window: FileWindow, word: string): Generator<number> {
  const { bytes, from, to } = window;
  for (let at = bytes.indexOf(word, from); at >= 0 && at < to; at = bytes.indexOf(word, at + 1)) if (isWordAt(bytes, at, word)) yield at;
}

/** Whether `word` is at `at`, as a whole word. */
function isWordAt(bytes: Buffer, at: number, word: string): boolean {
  const after = at + word.length;
  if (after > bytes.length || (at > 0 && isWord(bytes[at - 1]!)) || (after < bytes.length && isWord(bytes[after]!))) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * `pattern` (sticky) tried at `start`, on the text from there to as far as it can reach: the line of `at`,
 * a list in braces that may run over lines, and the rest of the line where that list ends.
 */
function matchAt(pattern: RegExp, window: FileWindow, start: number, at: number): RegExpExecArray | undefined {
  const { bytes } = window;
  const end = lineEnd(window, Math.min(bytes.length, lineEnd(window, at) + BRACES + 2));
  pattern.lastIndex = 0;
  return pattern.exec(bytes.toString("latin1", start, Math.min(bytes.length, end + 1))) ?? undefined;
}

/** Where the line of `at` starts when only blanks come before `at` on it (`^[ \t]*`), else -1. */
function lineStart({ bytes, first }: FileWindow, at: number): number {
  let start = at;
  while (start > 0 && (bytes[start - 1] === 0x20 || bytes[start - 1] === 0x09)) start--;
  if (start === 0 && !first) throw new Unsure();
  // `^` of a multiline pattern: after a line feed or a carriage return, as JavaScript reads lines.
  return start === 0 || bytes[start - 1] === 0x0a || bytes[start - 1] === 0x0d ? start : -1;
}

function lineEnd({ bytes, last }: FileWindow, at: number): number {
  const end = bytes.indexOf(0x0a, at);
  if (end >= 0) return end;
  if (!last) throw new Unsure();
  return bytes.length;
}

/** `\w`: an ASCII letter, digit or `_`. */
function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** `\s` among the characters one byte can be: tab to carriage return, space, and U+00A0. */
function isBlank(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
}

/**
 * Write beside the copy that copyIfPlain made in `dir` a package for each specifier, that re-exports the
 * CLI's loaded module (runtime.ts): Node resolves `wfgen` from there to those packages, whatever the user's
 * install.
 */
export async function writeRuntimePackages(dir: string, specifiers: string[], runtime: RuntimeModules): Promise<void> {
  // One package per name (`wfgen`, `@wfgen/core`), each subpath (`wfgen/actions`) one of its exports: Node
  // resolves a subpath through `exports`, never to a folder.
  const packages = new Map<string, Record<string, string>>();
  for (const [index, specifier] of specifiers.entries()) {
    const parts = specifier.split("/");
    const name = parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    const subpath = specifier.slice(name.length);
    const file = `m${index}.js`;
    packages.set(name, { ...packages.get(name), [`.${subpath}`]: `./${file}` });
    const module = moduleFor(specifier);
    const names = Object.keys(runtime[module]!).filter((n) => n !== "default");
    await mkdir(join(dir, "node_modules", name), { recursive: true });
    await writeFile(
      join(dir, "node_modules", name, file),
      `globalThis[Symbol.for(${JSON.stringify(EVALUATED.description)})] = true;\n` +
        `const m = globalThis[Symbol.for("wfgen.runtime")][${JSON.stringify(module)}];\n` +
        (names.length ? `export const { ${names.join(", ")} } = m;\n` : ""),
    );
  }
  for (const [name, exports] of packages)
    await writeFile(join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, type: "module", exports }));
}

/**
 * Run `load`, the import of a file {@link writePlainEntry} wrote. Resolves to undefined when Node refused
 * the file before running any of it (a syntax error, TypeScript syntax, an import of a name wfgen lacks):
 * the bundler then decides, and reports what is wrong. Once code ran, a failure is the user's code's.
 */
export async function importPlainEntry(load: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> | undefined> {
  const flags = globalThis as Record<symbol, unknown>;
  flags[EVALUATED] = false;
  try {
    return await load();
  } catch (error) {
    // wfgen's modules are evaluated before the entry: none was, so Node stopped at parsing or linking.
    if (flags[EVALUATED] !== true) return undefined;
    throw error;
  } finally {
    delete flags[EVALUATED];
  }
}

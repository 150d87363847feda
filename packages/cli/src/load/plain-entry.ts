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
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
  if (!EXTENSIONS.test(file) || needsBundler(bytes) || mayBeGenericCall(bytes)) return undefined;
  const specifiers = new Set<string>();
  // Every `import` must start a static import of a wfgen module, found as the pattern, tried at each line
  // start from where the last one ended, finds them; any other (dynamic, `import.meta`, one with a comment
  // inside, in a string) is not vouched for.
  let imports = 0;
  let words = 0;
  let next = 0;
  for (const at of wordsIn(bytes, "import")) {
    words++;
    const start = lineStart(bytes, at);
    if (start < 0 || start < next) continue;
    const match = matchAt(STATIC_IMPORT, bytes, start, at);
    if (match === undefined) continue;
    const specifier = match[2]!;
    if (!WFGEN.test(specifier) || !runtime[moduleFor(specifier)]) return undefined;
    specifiers.add(specifier);
    imports++;
    next = start + match[0].length;
  }
  if (imports === 0 || words !== imports) return undefined;
  // Every `export` must be a local one.
  next = 0;
  for (const at of wordsIn(bytes, "export")) {
    if (at < next) return undefined;
    const match = matchAt(LOCAL_EXPORT, bytes, at, at);
    if (match === undefined) return undefined;
    next = at + match[0].length;
  }
  return [...specifiers];
}

/**
 * Any of NEEDS_BUNDLER, `__dirname`, `__filename` or `toString` as a word, a `String` call (`String (f)` too),
 * or a `\u` escape (an identifier can be spelled with one).
 */
function needsBundler(bytes: Buffer): boolean {
  if (bytes.includes("\\u")) return true;
  for (const name of NEEDS_BUNDLER) if (!wordsIn(bytes, name).next().done) return true;
  // Each search is a pass over the whole entry: the last four names are found from the parts they share.
  for (let at = bytes.indexOf("__"); at >= 0; at = bytes.indexOf("__", at + 1)) {
    if (isWordAt(bytes, at, "__dirname") || isWordAt(bytes, at, "__filename")) return true;
  }
  for (let at = bytes.indexOf("String"); at >= 0; at = bytes.indexOf("String", at + 1)) {
    if (at >= 2 && isWordAt(bytes, at - 2, "toString")) return true;
    if (at > 0 && isWord(bytes[at - 1]!)) continue;
    let i = at + "String".length;
    while (i < bytes.length && isBlank(bytes[i]!)) i++;
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
  for (let at = bytes.indexOf(0x3c); at >= 0; at = bytes.indexOf(0x3c, at + 1)) {
    for (let i = at - 1; i >= 0; i--) {
      const c = bytes[i]!;
      // The character classes in the pattern's order: a match wins over a blank (U+00A0 is both).
      if (isWord(c) || c === 0x24 || c === 0x29 || c === 0x5d || c >= 0x80 || (c === 0x2f && bytes[i - 1] === 0x2a)) return true;
      if (!isBlank(c)) break;
    }
  }
  return false;
}

/** Where `word` occurs as a whole word (`\bword\b`), in order. */
function* wordsIn(bytes: Buffer, word: string): Generator<number> {
  for (let at = bytes.indexOf(word); at >= 0; at = bytes.indexOf(word, at + 1)) if (isWordAt(bytes, at, word)) yield at;
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
function matchAt(pattern: RegExp, bytes: Buffer, start: number, at: number): RegExpExecArray | undefined {
  const end = lineEnd(bytes, Math.min(bytes.length, lineEnd(bytes, at) + BRACES + 2));
  pattern.lastIndex = 0;
  return pattern.exec(bytes.toString("latin1", start, Math.min(bytes.length, end + 1))) ?? undefined;
}

/** Where the line of `at` starts when only blanks come before `at` on it (`^[ \t]*`), else -1. */
function lineStart(bytes: Buffer, at: number): number {
  let start = at;
  while (start > 0 && (bytes[start - 1] === 0x20 || bytes[start - 1] === 0x09)) start--;
  // `^` of a multiline pattern: after a line feed or a carriage return, as JavaScript reads lines.
  return start === 0 || bytes[start - 1] === 0x0a || bytes[start - 1] === 0x0d ? start : -1;
}

function lineEnd(bytes: Buffer, at: number): number {
  const end = bytes.indexOf(0x0a, at);
  return end < 0 ? bytes.length : end;
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
 * Write `entry` (the source, byte for byte, so that every position in it is the user's) to `dir`, with a
 * package beside it for each specifier that re-exports the CLI's loaded module (runtime.ts), and return the
 * file to import. Node resolves `wfgen` from there to those packages, whatever the user's install.
 */
export async function writePlainEntry(dir: string, source: Buffer, specifiers: string[], runtime: RuntimeModules): Promise<string> {
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
  const file = join(dir, "entry.mjs");
  await writeFile(file, source);
  return file;
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

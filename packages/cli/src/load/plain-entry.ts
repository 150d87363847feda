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
  /^[ \t]*import[ \t]+(?:[\w$]+[ \t]*,[ \t]*)?(?:\{[^}]{0,4000}\}|\*[ \t]+as[ \t]+[\w$]+|[\w$]+)[ \t]+from[ \t]*(["'])([^"'\n]*)\1/gm;
/** A local export: a declaration, a default, or a list of names (not one that re-exports a module). */
const LOCAL_EXPORT = /\bexport(?:[ \t]+(?:const|let|var|function|async|default)\b|[ \t]*\{[^}]{0,4000}\}(?![ \t]*from\b))/g;
const WFGEN = /^(?:wfgen|@wfgen\/[\w-]+)(?:\/[\w-]+)?$/;
const NEEDS_BUNDLER = /\b(?:require|module|exports|__dirname|__filename|eval|class|toString)\b|\bString\s*\(|\\u/;
const EVALUATED = Symbol.for("wfgen.plain-entry.evaluated");

/** The module specifiers of `source` when it can be imported as it is; undefined when it needs the bundler. */
export function plainEntrySpecifiers(file: string, source: string, runtime: RuntimeModules): string[] | undefined {
  if (!EXTENSIONS.test(file) || NEEDS_BUNDLER.test(source) || mayBeGenericCall(source)) return undefined;
  const specifiers = new Set<string>();
  let imports = 0;
  for (const match of source.matchAll(STATIC_IMPORT)) {
    const specifier = match[2]!;
    if (!WFGEN.test(specifier) || !runtime[moduleFor(specifier)]) return undefined;
    specifiers.add(specifier);
    imports++;
  }
  // Any other `import` (dynamic, `import.meta`, one with a comment inside, in a string) is not vouched for.
  if (imports === 0 || count(source, /\bimport\b/g) !== imports) return undefined;
  if (count(source, /\bexport\b/g) !== count(source, LOCAL_EXPORT)) return undefined;
  return [...specifiers];
}

/**
 * Whether a `<` follows a name, a closing bracket, a non-ASCII character or the end of a comment, with
 * only blanks between: what `/(?:[\w$)\]\u0080-\uffff]|\*\/)\s*</` finds, found from each `<` back. That
 * pattern was three quarters of the look's time on a large entry (it tries at every character); `<` is
 * rare.
 */
export function mayBeGenericCall(text: string): boolean {
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) {
    for (let i = at - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      // The character classes in the pattern's order: a match wins over a blank (U+00A0 is both).
      if (isWordOrBracket(c) || (c === 0x2f && text.charCodeAt(i - 1) === 0x2a)) return true;
      if (!BLANK.test(text[i]!)) break;
    }
  }
  return false;
}

const BLANK = /\s/;

/** [\w$)\]\u0080-\uffff] */
function isWordOrBracket(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c === 0x29 || c === 0x5d || c >= 0x80
  );
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
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

/**
 * An entry that needs no bundler: JavaScript as written, whose only imports are wfgen's own modules.
 * Most `workflows.ts` files are exactly that (the builders carry the types; the file declares none), and
 * importing them as they are saves esbuild's whole run: starting its process and parsing the file, half
 * the loading time of a 5 MB entry (docs/performance.md).
 *
 * The test here is a cheap look at the text that may only err towards the bundler. Anything whose meaning
 * could differ between Node and esbuild's TypeScript goes there: other imports, CommonJS, per-file values,
 * classes (tsconfig decides their fields), and what may be a generic call (`f<T>(x)`, which JavaScript
 * reads as two comparisons). TypeScript syntax that JavaScript refuses (an annotation, `as`, `import type`)
 * is left to Node's parser: the import fails before any code runs, and the caller bundles instead.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { moduleFor, type RuntimeModules } from "./runtime.ts";

const EXTENSIONS = /\.(?:m?ts|m?js)$/;
const SPECIFIER = /(?:\bfrom|\bimport)\s*(["'])([^"'\n]*)\1/g;
const WFGEN = /^(?:wfgen|@wfgen\/[\w-]+)(?:\/[\w-]+)?$/;
const NEEDS_BUNDLER =
  /\b(?:require|module|exports|__dirname|__filename)\b|\bclass(?:\s+[\w$]+)?(?:\s+extends\b[^{]*)?\s*\{|\bimport\s*\(|\bimport\s*\.\s*meta\b|[\w$]\s*<[\w$\s.,[\]|&"'{}:?]*>\s*\(/;
const EVALUATED = Symbol.for("wfgen.plain-entry.evaluated");

/** The module specifiers of `source` when it can be imported as it is; undefined when it needs the bundler. */
export function plainEntrySpecifiers(file: string, source: string, runtime: RuntimeModules): string[] | undefined {
  if (!EXTENSIONS.test(file) || NEEDS_BUNDLER.test(source)) return undefined;
  const specifiers = new Set<string>();
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[2]!;
    if (!WFGEN.test(specifier) || !runtime[moduleFor(specifier)]) return undefined;
    specifiers.add(specifier);
  }
  return specifiers.size > 0 ? [...specifiers] : undefined;
}

/**
 * Write `entry` (the source, byte for byte, so that every position in it is the user's) to `dir`, with a
 * package beside it for each specifier that re-exports the CLI's loaded module (runtime.ts), and return the
 * file to import. Node resolves `wfgen` from there to those packages, whatever the user's install.
 */
export async function writePlainEntry(dir: string, name: string, source: Buffer, specifiers: string[], runtime: RuntimeModules): Promise<string> {
  for (const specifier of specifiers) {
    const module = moduleFor(specifier);
    const names = Object.keys(runtime[module]!).filter((n) => n !== "default");
    const folder = join(dir, "node_modules", ...specifier.split("/"));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "package.json"), JSON.stringify({ type: "module", main: "index.js" }));
    await writeFile(
      join(folder, "index.js"),
      `globalThis[Symbol.for(${JSON.stringify(EVALUATED.description)})] = true;\n` +
        `const m = globalThis[Symbol.for("wfgen.runtime")][${JSON.stringify(module)}];\n` +
        (names.length ? `export const { ${names.join(", ")} } = m;\n` : ""),
    );
  }
  const file = join(dir, `${name}.mjs`);
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

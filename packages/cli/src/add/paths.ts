/**
 * Where `wfgen add` puts a binding and how `workflows.ts` imports it. Bindings go to `wfgen/actions/` beside
 * the entry file, one module per action (`wfgen/actions/owner/repo.ts`, `owner/repo/path.ts` for an action in
 * a subfolder), so they sit with the code that uses them and are committed with it.
 */
import { dirname, join, relative, resolve, sep } from "node:path";

/** The default folder of added bindings, relative to the entry file's folder. */
export const DEFAULT_BINDINGS_DIR = "wfgen/actions";

/** The bindings folder: `--out` (relative to the repository root), else `wfgen/actions` next to the entry. */
export function bindingsDir(root: string, entry: string, out: string | undefined): string {
  return out !== undefined ? resolve(root, out) : join(dirname(entry), DEFAULT_BINDINGS_DIR);
}

/** The module of an action (`owner/repo[/path]`) in the bindings folder. */
export function bindingFile(dir: string, name: string): string {
  return join(dir, ...`${name}.ts`.split("/"));
}

/**
 * The specifier `entry` imports `file` by: relative, with `/`, and the `.js` extension (`./wfgen/actions/a/b.js`):
 * TypeScript's spelling of an import of a `.ts` module, which every tsconfig accepts (`.ts` needs
 * `allowImportingTsExtensions`), and which the build's bundler resolves to the `.ts` file.
 */
export function importSpecifier(entry: string, file: string): string {
  const path = relative(dirname(entry), file).split(sep).join("/").replace(/\.ts$/, ".js");
  return path.startsWith(".") ? path : `./${path}`;
}

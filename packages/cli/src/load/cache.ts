/**
 * The content cache of the local loop (pre-commit hooks, editors, watch scripts): what `build` and
 * `check` rendered last time, and everything that went into it. When none of that changed, the files
 * they would render are the ones recorded, so comparing them with the committed files needs neither
 * esbuild, nor the user's code, nor a render: only reading and hashing files (docs/performance.md).
 *
 * A stale entry can never pass a check: an entry is used only when every file it was made from has
 * the same bytes (the entries, every file they import, wfgen.config.ts and what it imports, each lock
 * file), the folders those files are in list the same names (a new file there may change what an
 * import resolves to), the package.json and tsconfig.json files above them are the same, and wfgen,
 * node and the command's flags are the same. An entry is written only for a render without any
 * diagnostic, and only when the code read nothing else: no import of node's modules or of packages,
 * and none of the names through which code reads the environment, the clock, randomness or other files
 * (see UNCACHEABLE). Such a project simply has no cache.
 *
 * It lives in `node_modules/.cache/wfgen` of the repository (node_modules is never committed), and only
 * when that node_modules exists. `WFGEN_CACHE=0` turns it off; on CI (`CI` set) it is off unless
 * `WFGEN_CACHE=1`, since a fresh clone has no cache to read and writing one would only cost time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { readBounded } from "../fs/read-bounded.ts";
import { nodeCrypto } from "../lazy-crypto.ts";
import { limitsOf } from "../limits.ts";

const FORMAT = 2;

/** What an entry records about one rendered file. */
export interface CachedFile {
  /** Absolute path of the target file. */
  path: string;
  exportName: string;
  /** sha256 of the rendered bytes. */
  sha256: string;
}

/** A usable entry: the files the render wrote last time, and the output folders to look for orphans in. */
export interface CacheHit {
  files: CachedFile[];
  outDirs: string[];
}

interface Entry {
  format: number;
  /** wfgen, node and the flags: see {@link identity}. */
  identity: string;
  /** path -> `<size>:<sha256>` of the bytes (see {@link fileHash}), or "" for a file that did not exist. */
  files: Record<string, string>;
  /** folder -> sha256 of its sorted listing. */
  folders: Record<string, string>;
  outputs: CachedFile[];
  outDirs: string[];
}

/** What the cache of one command run is keyed by besides file contents. */
export interface CacheScope {
  root: string;
  /** The command's flags that choose projects and folders, and the parser scope. */
  flags: Record<string, string | undefined>;
  env: Readonly<Record<string, string | undefined>>;
}

/** The cache folder for `scope`, or undefined when the cache is off or has no place. */
export function cacheDir(scope: CacheScope): string | undefined {
  const setting = scope.env.WFGEN_CACHE;
  if (setting === "0" || setting === "false") return undefined;
  if (scope.env.CI && setting !== "1" && setting !== "true") return undefined;
  const modules = join(scope.root, "node_modules");
  return existsSync(modules) ? join(modules, ".cache", "wfgen") : undefined;
}

function entryPath(dir: string, scope: CacheScope): string {
  return join(dir, `${sha256(JSON.stringify([scope.root, scope.flags]))}.json`);
}

/**
 * The identity of this wfgen: its version and the names of its built files, which carry content hashes,
 * so that a rebuilt wfgen of the same version does not read another build's entries; and node's version.
 */
function identity(scope: CacheScope): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const names: string[] = [];
  for (const folder of [here, join(here, "chunks"), join(here, "..", "chunks")]) {
    try {
      names.push(...readdirSync(folder).sort());
    } catch {
      // Not every layout has every folder; what can be listed still counts, with the versions.
    }
  }
  let version = "";
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      version = readFileSync(pkg, "utf8");
      break;
    }
  }
  return sha256(JSON.stringify([FORMAT, version, names, process.version, scope.flags]));
}

/** The recorded render, when the cache is on and nothing it depends on changed. */
export function readCache(scope: CacheScope): CacheHit | undefined {
  const dir = cacheDir(scope);
  if (!dir) return undefined;
  let entry: Entry;
  try {
    entry = JSON.parse(readBounded(entryPath(dir, scope), limitsOf(scope.env).maxFileBytes).toString("utf8")) as Entry;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || entry.identity !== identity(scope)) return undefined;
  const maxBytes = limitsOf(scope.env).maxFileBytes;
  // A file that cannot be read now (undefined) matches no recorded hash.
  // A source was read whole when the entry was written, however large: its recorded size bounds the read.
  for (const [path, hash] of Object.entries(entry.files))
    if (fileHash(path, hash === "" ? maxBytes : Number(hash.split(":")[0])) !== hash) return undefined;
  for (const [folder, hash] of Object.entries(entry.folders)) if (listingHash(folder) !== hash) return undefined;
  return { files: entry.outputs, outDirs: entry.outDirs };
}

/**
 * Names through which code reads something besides its own text: the environment, the clock,
 * randomness, other files or modules. A project whose code mentions one as a word (even in a comment
 * or a string: this is a scan of the text, not of the syntax; `fetch-depth` is not the word `fetch`) is
 * not cached.
 */
const UNCACHEABLE =
  /(?<![\w$.-])(?:process|globalThis|global|Date|performance|crypto|require|eval|Function|fetch|Deno|Bun)(?![\w$-])|(?<![\w$.])import\s*\(|\bMath\s*\.\s*random\b/;

/** What a render was made from: for {@link writeCache}. */
export interface RenderInputs {
  /** Every source file bundled (entries, config, what they import). */
  sources: string[];
  /** Run-time imports of the bundles besides wfgen's own modules (node's modules, packages). */
  imports: string[];
  /** Other files read (lock files, the config files that may exist), present or not. */
  files: string[];
}

/**
 * Record a render without diagnostics; a no-op when the cache is off or the code reads other things.
 * `outputs` is called only when there is a cache to write: hashing every file costs time.
 */
export function writeCache(scope: CacheScope, inputs: RenderInputs, outputs: () => CachedFile[], outDirs: string[]): void {
  const dir = cacheDir(scope);
  if (!dir || inputs.imports.length > 0) return;
  const maxBytes = limitsOf(scope.env).maxFileBytes;
  const files: Record<string, string> = {};
  const folders: Record<string, string> = {};
  const record = (path: string): boolean => {
    const hash = fileHash(path, maxBytes);
    if (hash !== undefined) files[path] = hash;
    return hash !== undefined;
  };
  for (const source of inputs.sources) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch {
      return;
    }
    if (UNCACHEABLE.test(bytes.toString("utf8"))) return;
    files[source] = `${bytes.length}:${sha256(bytes)}`;
    // Resolution reads the folder and the package.json and tsconfig.json files up to the repository root.
    for (let folder = dirname(source); ; folder = dirname(folder)) {
      if (folders[folder] === undefined) folders[folder] = listingHash(folder);
      for (const name of ["package.json", "tsconfig.json"]) {
        const path = join(folder, name);
        if (files[path] === undefined && !record(path)) return;
      }
      if (folder === scope.root || !isInside(folder, scope.root) || dirname(folder) === folder) break;
    }
  }
  for (const path of inputs.files) if (files[path] === undefined && !record(path)) return;
  const entry: Entry = { format: FORMAT, identity: identity(scope), files, folders, outputs: outputs(), outDirs };
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole or not at all: a reader never sees half an entry.
    const path = entryPath(dir, scope);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, path);
  } catch {
    // A cache that cannot be written is only a slower next run.
  }
}

/** sha256 of `text` with CRLF read as LF, as `check` compares files. */
export function contentHash(text: string): string {
  return sha256(text.replaceAll("\r\n", "\n"));
}

/**
 * The file's size and the sha256 of its bytes (`<size>:<sha256>`: a file of another size fails before it
 * is hashed), "" when there is no file, or undefined for a pipe, a folder, a file over `maxBytes` or one
 * that cannot be opened: no entry is written or used then, and the render reports it.
 */
function fileHash(path: string, maxBytes: number): string | undefined {
  try {
    const bytes = readBounded(path, maxBytes);
    return `${bytes.length}:${sha256(bytes)}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "" : undefined;
  }
}

function listingHash(folder: string): string {
  try {
    return sha256(readdirSync(folder).sort().join("\n"));
  } catch {
    return "";
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith("/"));
}

function sha256(data: string | Buffer): string {
  return nodeCrypto().createHash("sha256").update(data).digest("hex");
}

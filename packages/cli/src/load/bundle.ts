/**
 * Bundle the user's entry file (and its local imports) into one ES module with esbuild, in process.
 *
 * Local files (.ts/.mts/.cts/.js/.mjs/.cjs, ESM or CommonJS) are bundled; packages stay external but are
 * resolved here, from the file that imports them, and written as absolute URLs. That makes the bundle
 * independent of where it lives, so it can be imported from a temporary folder: nothing is written into
 * the user's project, and the user's node_modules (npm, pnpm or yarn layout) still decide which package
 * is loaded.
 */
import { isBuiltin } from "node:module";
import { dirname, extname, isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions, Loader, Message, Plugin } from "esbuild";
import { FileRefused, readBounded } from "../fs/read-bounded.ts";
import { runtimePlugin, type RuntimeModules } from "./runtime.ts";

/** A bundle written to disk, ready to import, and the user's files it was made of. */
export interface Bundle {
  /** Absolute path of the bundle (the `outfile` asked for). */
  file: string;
  /** Absolute paths of the bundled source files. */
  inputs: string[];
  /** The bundle's size in bytes: a source map made later is only used for the same bytes. */
  bytes: number;
  /** Specifiers of what the bundle imports at run time: node's modules and packages. */
  imports: string[];
}

/** The same bundle in memory with its source map, made only when a position must be mapped. */
export interface MappedBundle {
  code: string;
  /** esbuild's source map (v3), its sources relative to the bundle's folder. */
  map: string;
}

/** esbuild's errors when the entry or one of its imports cannot be parsed or resolved. */
export class BundleError extends Error {
  readonly errors: Message[];
  constructor(errors: Message[]) {
    super(errors.map((e) => e.text).join("\n"));
    this.name = "BundleError";
    this.errors = errors;
  }
}

const INNER = "wfgen-inner-resolve";

// Bundling moves every file into one module, so per-file values must be bound per file.
const PER_FILE: Record<string, string> = {
  "import.meta.url": "__wfgen_url",
  "import.meta.filename": "__wfgen_filename",
  "import.meta.dirname": "__wfgen_dirname",
  __filename: "__wfgen_filename",
  __dirname: "__wfgen_dirname",
};

const LOADERS: Record<string, Loader> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
};

function options(entry: string, root: string, outfile: string, runtime: Promise<RuntimeModules>): BuildOptions {
  return {
    entryPoints: [entry],
    absWorkingDir: root,
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Node's own conditions only (esbuild would add "module"), so packages load as Node would load them.
    conditions: [],
    logLevel: "silent",
    define: PER_FILE,
    banner: {
      js: `import { createRequire as __wfgenCreateRequire } from "node:module"; var require = __wfgenCreateRequire(${JSON.stringify(pathToFileURL(entry).href)});`,
    },
    plugins: [runtimePlugin(runtime), packagesPlugin(root), perFilePlugin(root)],
  };
}

/**
 * Bundle `entry` (absolute) into `outfile` (absolute), which esbuild writes itself: the bundle never
 * crosses the pipe between esbuild and node. No source map: a map would make the bundle several times
 * larger for node to read, while positions are mapped only when a message needs one ({@link mapBundle}).
 */
export async function bundle(
  entry: string,
  root: string,
  outfile: string,
  runtime: Promise<RuntimeModules>,
): Promise<Bundle> {
  const esbuild = await import("esbuild");
  try {
    const result = await esbuild.build({ ...options(entry, root, outfile, runtime), write: true, metafile: true });
    const output = Object.values(result.metafile.outputs)[0]!;
    const inputs = Object.keys(result.metafile.inputs)
      .filter((p) => !/^[a-z-]+:/.test(p))
      .map((p) => resolve(root, p));
    const imports = [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))];
    return { file: outfile, inputs, bytes: output.bytes, imports };
  } catch (error) {
    if (isBuildFailure(error)) throw new BundleError(error.errors);
    throw error;
  } finally {
    // esbuild's service is a process of its own: stopped as soon as it is no longer needed, so that it
    // neither outlives wfgen nor holds its memory while wfgen renders. The next bundle starts a new one.
    await esbuild.stop();
  }
}

/** The bundle {@link bundle} wrote, made again in memory with a source map (only when a position is mapped). */
export async function mapBundle(
  entry: string,
  root: string,
  outfile: string,
  runtime: Promise<RuntimeModules>,
): Promise<MappedBundle> {
  const esbuild = await import("esbuild");
  try {
    const result = await esbuild.build({
      ...options(entry, root, outfile, runtime),
      write: false,
      sourcemap: "external",
      // Positions need the mappings only.
      sourcesContent: false,
    });
    const code = result.outputFiles.find((f) => !f.path.endsWith(".map"))!.text;
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"))!.text;
    return { code, map };
  } finally {
    await esbuild.stop();
  }
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

/** Packages are resolved from the importing file and stay external; workspace links and tsconfig paths are bundled. */
function packagesPlugin(root: string): Plugin {
  return {
    name: "wfgen-packages",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.[INNER] || isAbsolute(args.path)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { [INNER]: true },
        });
        if (resolved.errors.length > 0) {
          const from = args.importer ? ` (imported by ${relative(root, args.importer)})` : "";
          return {
            errors: [
              {
                text: `cannot find the package "${args.path}"${from}. Install it in the project (for example \`npm install --save-dev ${packageName(args.path)}\`).`,
              },
            ],
          };
        }
        if (resolved.external || !resolved.path.split(/[\\/]/).includes("node_modules")) return resolved;
        const isRequire = args.kind === "require-call" || args.kind === "require-resolve";
        return { path: isRequire ? resolved.path : pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Binds `import.meta.url`, `__dirname` and friends to the file that uses them (see PER_FILE). */
function perFilePlugin(root: string): Plugin {
  return {
    name: "wfgen-per-file",
    setup(build) {
      // Every file, whatever its name: a link named lib.ts reaches here by its target's path (/dev/zero).
      build.onLoad({ filter: /.*/ }, async (args) => {
        if (args.namespace !== "file") return undefined;
        let contents: string;
        try {
          // Opened without blocking and checked to be a regular file: a FIFO or a link to /dev/zero among
          // the user's imports would otherwise hang the build.
          contents = readBounded(args.path, Number.MAX_SAFE_INTEGER).toString("utf8");
        } catch (error) {
          if (!(error instanceof FileRefused)) throw error;
          const shown = relative(root, args.path).startsWith("..") ? args.path : relative(root, args.path);
          return { errors: [{ text: `cannot read ${shown}: ${error.message}` }] };
        }
        // A file that needs no prologue is left to esbuild, which reads it itself: its text need not
        // cross the pipe between the two processes.
        if (!/\.[cm]?[jt]sx?$/.test(args.path) || !/import\.meta|__dirname|__filename/.test(contents)) return undefined;
        const loader = LOADERS[extname(args.path)] ?? "js";
        const url = pathToFileURL(args.path).href;
        // On line 1, without a newline, so that source-mapped line numbers stay the user's.
        const prologue =
          `var __wfgen_url = ${JSON.stringify(url)}, __wfgen_filename = ${JSON.stringify(args.path)}, ` +
          `__wfgen_dirname = ${JSON.stringify(dirname(args.path))};`;
        return { contents: prologue + contents, loader };
      });
    },
  };
}

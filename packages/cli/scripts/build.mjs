// Bundles the CLI and the public entry into dist/. Everything of ours and our small dependencies is
// bundled (one copy of the DSL whatever the install layout, and GitHub's workflow parser imports a JSON
// file without an import attribute, which plain Node ESM refuses); heavy optional tools stay external
// and load only in the commands that need them.
import { readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

// zod re-exports all of its ~50 message locales; wfgen uses English only (zod's default), and the others
// were half of zod's code in the bundle, parsed by every command that loads zod.
const englishOnlyZod = {
  name: "zod-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: "js",
    }));
  },
};
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli.ts", index: "src/index.ts", actions: "src/actions.ts", presets: "src/presets.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  external: ["esbuild", "ts-morph", "prettier", "typescript"],
  // Bundled CommonJS code calls require(); ESM output has none until we make one.
  banner: {
    js: 'import { createRequire as __wfgenCreateRequire } from "node:module"; const require = __wfgenCreateRequire(import.meta.url);',
  },
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
  metafile: true,
  plugins: [englishOnlyZod],
});

// Stale chunks are removed after the new files are in place, not before: a wfgen process started
// meanwhile (tests run in parallel) still finds a complete dist/. Declarations are build-types.mjs's.
const outputs = new Set(Object.keys(result.metafile.outputs));
const stale = readdirSync(join(root, "dist"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(root, join(entry.parentPath, entry.name)))
  .filter((path) => !outputs.has(path) && !/\.d\.c?ts$/.test(path));
for (const path of stale) rmSync(join(root, path));
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`wfgen: built dist/ (${outputs.size} files, ${(bytes / 1024).toFixed(0)} KiB)`);

// Bundles the declarations of the three public entries into dist/: index.d.ts (`wfgen`), actions.d.ts
// (`wfgen/actions`), presets.d.ts (`wfgen/presets`), each with a .d.cts twin for CommonJS projects. The
// internal packages' declarations are inlined, so the tarball references none of them; the shared DSL types
// are declared once, in index.d.ts, which the other two import, so that a step from `wfgen/actions` is the
// very `StepDefinition` that `job()` of `wfgen` takes. Why rollup-plugin-dts: docs/dev/packaging.md.
//
// Run by `pnpm pack` (prepack) and the package test, not by `build`: it takes a TypeScript program of the
// whole DSL, which the tests that only run the CLI do not need.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rollup } from "rollup";
import { dts } from "rollup-plugin-dts";

const root = fileURLToPath(new URL("..", import.meta.url));
const packages = fileURLToPath(new URL("../..", import.meta.url));

// Each entry, and the internal packages it takes from an entry built before it instead of inlining them.
const ENTRIES = [
  { name: "index", external: {} },
  { name: "actions", external: { "@wfgen/core": "./index.js", "@wfgen/core/dsl": "./index.js" } },
  { name: "presets", external: { "@wfgen/core": "./index.js", "@wfgen/core/dsl": "./index.js", "@wfgen/actions": "./actions.js" } },
];

// The repository's compiler options, made to emit declarations: the internal packages resolve to their
// sources (not through node_modules, where TypeScript would treat them as libraries and emit nothing), and
// the `.ts` extensions of relative imports become `.js`.
const scratch = mkdtempSync(join(tmpdir(), "wfgen-types-"));
const tsconfig = join(scratch, "tsconfig.json");
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(packages, "..", "tsconfig.base.json"),
    compilerOptions: {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      rewriteRelativeImportExtensions: true,
      stripInternal: true,
      typeRoots: [join(packages, "..", "node_modules", "@types")],
      paths: {
        "@wfgen/core": [join(packages, "core/src/index.ts")],
        "@wfgen/core/dsl": [join(packages, "core/src/dsl/index.ts")],
        "@wfgen/actions": [join(packages, "actions/src/index.ts")],
        "@wfgen/presets": [join(packages, "presets/src/index.ts")],
      },
    },
    files: ENTRIES.map((entry) => join(root, "src", `${entry.name}.ts`)),
  }),
);

try {
  for (const entry of ENTRIES) {
    const bundle = await rollup({
      input: join(root, "src", `${entry.name}.ts`),
      external: (id) => Object.hasOwn(entry.external, id),
      plugins: [dts({ tsconfig, respectExternal: true })],
      onwarn(warning, warn) {
        // A circular import between type-only modules is harmless in a declaration bundle.
        if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
      },
    });
    const { output } = await bundle.generate({ format: "es", paths: (id) => entry.external[id] ?? id });
    await bundle.close();
    const code = output[0].code;
    check(entry.name, code);
    writeFileSync(join(root, "dist", `${entry.name}.d.ts`), code);
    // The same declarations as a CommonJS module, for `require("wfgen")` (Node 20.19+ loads the ES module).
    writeFileSync(join(root, "dist", `${entry.name}.d.cts`), code.replace(/from '\.\/(index|actions)\.js'/g, "from './$1.cjs'"));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`wfgen: bundled declarations into dist/ (${ENTRIES.map((e) => `${e.name}.d.ts`).join(", ")} and .d.cts twins)`);

/** What a published declaration must not contain: it would not resolve in a user's project. */
function check(name, code) {
  const problems = [];
  for (const match of code.matchAll(/from '([^']+)'/g)) {
    const specifier = match[1];
    if (!/^\.\/(index|actions)\.js$/.test(specifier)) problems.push(`imports "${specifier}"`);
  }
  if (/\.ts['"]/.test(code)) problems.push("has an import with a .ts extension");
  if (/@wfgen\//.test(code)) problems.push("names an internal package");
  if (problems.length) throw new Error(`dist/${name}.d.ts ${problems.join("; ")}`);
}

// Keeps the declaration files' byte count in the build log, as build.mjs does for the JavaScript.
const bytes = ENTRIES.reduce((sum, e) => sum + readFileSync(join(root, "dist", `${e.name}.d.ts`)).length, 0);
console.log(`wfgen: ${(bytes / 1024).toFixed(0)} KiB of declarations`);

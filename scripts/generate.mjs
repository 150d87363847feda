// Runs every generator of the repository (the list is scripts/generators.ts; docs/dev/architecture.md has
// the table), in order: the sources generated from data/ (facts, action bindings, action table, offline
// catalog); then the CLI is built and `wfgen build` writes the workflows of this repository and of every
// example, each as its own project, as a user would run it; then the docs generated from the code and
// from those workflows.
//
//   pnpm generate           write every generated file
//   pnpm generate --check   write nothing; name each file that differs from what its generator makes, exit 1
//
// The docs generators call TypeScript, which plain Node cannot load: scripts/docs-sources.ts is bundled with
// esbuild (the CLI's own bundler) into node_modules/.cache first.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--check");
if (unknown.length > 0) {
  console.error(`pnpm generate: unknown argument ${unknown[0]}; usage: pnpm generate [--check]`);
  process.exit(2);
}
const check = args.includes("--check");

const esbuild = createRequire(join(root, "packages/cli/package.json"))("esbuild");
const bundle = join(root, "node_modules/.cache/wfgen/docs-sources.mjs");
mkdirSync(dirname(bundle), { recursive: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["scripts/docs-sources.ts"],
  outfile: bundle,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
const docs = await import(pathToFileURL(bundle).href);
const { renderAll } = await import("./generators.mjs");

const stale = [];
async function apply(stage) {
  const { files, orphans } = await renderAll(docs, stage);
  for (const [path, text] of files) {
    let current;
    try {
      current = readFileSync(join(root, path), "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (check) stale.push(path);
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      console.log(`wrote ${path}`);
    }
  }
  for (const path of orphans) {
    if (check) stale.push(`${path} (no generator makes it any more)`);
    else {
      rmSync(join(root, path));
      console.log(`removed ${path}`);
    }
  }
}

function run(label, command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`pnpm generate: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

await apply("source");
// The DSL types are derived from the model, which reads the facts the source stage just wrote.
await apply("model");
// The workflows are built by the CLI from the sources just generated.
run("building the CLI", process.execPath, ["packages/cli/scripts/build.mjs"]);
const projects = [".", ...readdirSync(join(root, "examples")).map((name) => `examples/${name}`)];
let workflowsStale = false;
for (const project of projects) {
  const result = spawnSync(
    process.execPath,
    ["packages/cli/bin/wfgen.js", check ? "check" : "build", "--cwd", project],
    { cwd: root, stdio: "inherit" },
  );
  workflowsStale ||= result.status !== 0;
}
await apply("docs");

if (stale.length > 0) {
  console.error(`pnpm generate --check: ${stale.length} generated file(s) differ from what their generator makes:`);
  for (const path of stale) console.error(`  ${path}`);
  console.error("run `pnpm generate` and commit the result");
}
process.exit(stale.length > 0 || workflowsStale ? 1 : 0);

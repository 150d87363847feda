// wfgen's speed benchmark (pnpm bench). Generates a synthetic repository of 200 workflows (5 jobs x 10
// steps each) in a temporary folder, builds it once, then times the built CLI as users run it: one
// process per run, wall time, median of several runs. Figures go to docs/performance.md by hand.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WORKFLOWS = Number(process.env.WFGEN_BENCH_WORKFLOWS ?? 200);
const RUNS = Number(process.env.WFGEN_BENCH_RUNS ?? 7);
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/cli/bin/wfgen.js");

if (!existsSync(join(root, "packages/cli/dist/cli.js")))
  execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "inherit" });

function workflowSource(i) {
  const jobs = [];
  for (let j = 0; j < 5; j++) {
    const steps = [
      '{ uses: "actions/checkout@v4" }',
      `{ name: "Set up Node", uses: "actions/setup-node@v4", with: { "node-version": 20, cache: "npm" } }`,
    ];
    for (let s = 2; s < 10; s++) {
      steps.push(
        `{ name: "Step ${s} of job ${j}", id: "s${s}", env: { STAGE: "${s}", TARGET: "t${i}-${j}" }, run: ${JSON.stringify(`echo "stage $STAGE"\nnpm run task-${s} -- --target "$TARGET"\n`)} }`,
      );
    }
    const needs = j > 0 ? `needs: ["job${j - 1}"], ` : "";
    jobs.push(
      `    job${j}: job({ ${needs}"runs-on": "ubuntu-latest", "timeout-minutes": 30, steps: [\n      ${steps.join(",\n      ")},\n    ] }),`,
    );
  }
  return (
    `export const w${i} = workflow("w${i}", {\n  name: "Workflow ${i}",\n` +
    `  on: { push: { branches: ["main"] }, pull_request: { types: ["opened", "synchronize"] } },\n` +
    `  permissions: { contents: "read" },\n  jobs: {\n${jobs.join("\n")}\n  },\n});\n`
  );
}

const dir = mkdtempSync(join(tmpdir(), "wfgen-bench-"));
try {
  const source = ['import { job, workflow } from "wfgen";', ""];
  for (let i = 0; i < WORKFLOWS; i++) source.push(workflowSource(i));
  writeFileSync(join(dir, "workflows.ts"), source.join("\n"));

  const run = (args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0)
      throw new Error(`wfgen ${args.join(" ")} exited ${result.status}:\n${result.stderr}${result.stdout}`);
    return ms;
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const time = (label, fn) => {
    fn(); // warm the OS file cache; not counted
    const times = Array.from({ length: RUNS }, fn);
    console.log(
      `${label.padEnd(34)} median ${median(times).toFixed(0).padStart(5)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${RUNS} runs)`,
    );
  };

  // Pins come from the catalog that ships with wfgen: the benchmark never touches the network.
  run(["pin", "--offline", "--quiet"]);
  const first = run(["build", "--quiet"]);
  const files = readdirSync(join(dir, ".github/workflows"));
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, ".github/workflows", f)).size, 0);
  const lines = readFileSync(join(dir, ".github/workflows/w0.yml"), "utf8").split("\n").length;
  console.log(
    `wfgen bench: ${files.length} workflows (5 jobs x 10 steps), ${(bytes / files.length / 1024).toFixed(1)} KiB and ${lines} lines each`,
  );
  console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}`);
  console.log(`${"wfgen build (first, writes all)".padEnd(34)}        ${first.toFixed(0).padStart(5)} ms`);
  time("node -e 0 (baseline)", () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", "0"]);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  time("wfgen --version", () => run(["--version"]));
  time("wfgen check (clean)", () => run(["check"]));
  time("wfgen build (nothing to write)", () => run(["build", "--quiet"]));
  await breakdown(dir, median);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Where a check's time goes, in one process: loading the built wfgen, bundling workflows.ts, importing
 * the bundle, and rendering with and without GitHub's parser (renderWorkflows' githubParser option).
 */
async function breakdown(dir, median) {
  const t0 = performance.now();
  const wfgen = await import(pathToFileURL(join(root, "packages/cli/dist/index.js")).href);
  const t1 = performance.now();
  // esbuild is the CLI's dependency, not the root's: resolve it from there.
  const esbuild = await import(
    pathToFileURL(createRequire(join(root, "packages/cli/package.json")).resolve("esbuild")).href
  );
  const t2 = performance.now();
  globalThis.__wfgenBench = wfgen;
  const shim = {
    name: "wfgen",
    setup: (b) => {
      b.onResolve({ filter: /^wfgen$/ }, () => ({ path: "wfgen", namespace: "shim" }));
      b.onLoad({ filter: /.*/, namespace: "shim" }, () => ({
        contents: "export const { workflow, job, step } = globalThis.__wfgenBench;",
      }));
    },
  };
  const out = join(dir, "bench-bundle.mjs");
  const built = await esbuild.build({
    entryPoints: [join(dir, "workflows.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    sourcemap: "inline",
    sourcesContent: false,
    outfile: out,
    plugins: [shim],
  });
  const t3 = performance.now();
  writeFileSync(out, built.outputFiles[0].text);
  process.setSourceMapsEnabled(true);
  const module = await import(pathToFileURL(out).href);
  const t4 = performance.now();
  const entries = Object.entries(module).map(([exportName, value]) => ({ exportName, value }));
  const render = (githubParser) => () => {
    const start = performance.now();
    const result = wfgen.renderWorkflows(entries, { source: "workflows.ts", githubParser });
    if (result.files.length !== entries.length) throw new Error("render failed");
    return performance.now() - start;
  };
  const runs = (fn) => median(Array.from({ length: 3 }, fn));
  const withParser = runs(render(true));
  const without = runs(render(false));
  console.log("\nIn one process (median of 3 renders):");
  console.log(`  import the built wfgen (core, GitHub's parser)  ${(t1 - t0).toFixed(0).padStart(5)} ms`);
  console.log(`  import esbuild                                  ${(t2 - t1).toFixed(0).padStart(5)} ms`);
  console.log(
    `  bundle workflows.ts (${(built.outputFiles[0].text.length / 1e6).toFixed(1)} MB with its map)        ${(t3 - t2).toFixed(0).padStart(5)} ms`,
  );
  console.log(`  import the bundle (source maps on)              ${(t4 - t3).toFixed(0).padStart(5)} ms`);
  console.log(`  renderWorkflows, GitHub's parser off            ${without.toFixed(0).padStart(5)} ms`);
  console.log(
    `  renderWorkflows, GitHub's parser on             ${withParser.toFixed(0).padStart(5)} ms   (parser: ${((withParser - without) / entries.length).toFixed(1)} ms per workflow)`,
  );
}

// `wfgen import` of 300 workflow files (bench/import.mjs); WFGEN_BENCH_IMPORT=0 skips it.
if (process.env.WFGEN_BENCH_IMPORT !== "0") {
  console.log("");
  await import("./import.mjs");
}

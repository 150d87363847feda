// `wfgen import` benchmark (run at the end of pnpm bench; alone: node bench/import.mjs). Writes 300 workflow files
// to a temporary folder and times one `wfgen import <folder>` with the built CLI, as a user runs it: one
// process, wall time, median of a few runs. Two sets: the repository's workflow corpus (test/fixtures/corpus),
// copied under new names until there are 300, and 300 synthetic large workflows (5 jobs x 10 steps, with
// comments, SHA pins and step outputs read by later steps). Figures go to docs/performance.md by hand.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FILES = Number(process.env.WFGEN_BENCH_IMPORT_FILES ?? 300);
const RUNS = Number(process.env.WFGEN_BENCH_RUNS ?? 3);
const TARGET_MS = 10_000;
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/cli/bin/wfgen.js");
const corpus = join(root, "test/fixtures/corpus");

if (!existsSync(join(root, "packages/cli/dist/cli.js")))
  execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "inherit" });

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

// The corpus templates as a user has them: these placeholders are filled in when one is adopted.
function instantiate(text) {
  return text
    .replace(/\$cron-daily/g, "'30 5 * * *'")
    .replace(/\$cron-weekly/g, "'30 5 * * 1'")
    .replace(/^(\s*)\$codeql-languages-matrix$/m, "$1include:\n$1- language: actions\n$1  build-mode: none");
}

function corpusSet() {
  if (!existsSync(corpus)) throw new Error(`${corpus} is missing`);
  const sources = yamlFiles(corpus).map((path) => ({ name: path.split("/").pop().replace(/\.ya?ml$/, ""), text: instantiate(readFileSync(path, "utf8")) }));
  return Array.from({ length: FILES }, (_, i) => {
    const source = sources[i % sources.length];
    return { name: `${source.name}-${Math.floor(i / sources.length)}.yml`, text: source.text };
  });
}

function syntheticWorkflow(i) {
  const lines = [`# Workflow ${i}: a synthetic pipeline of five jobs.`, `name: Workflow ${i}`, "on:", "  push:", "    branches: [main]", "  pull_request:", "    types: [opened, synchronize]", "permissions:", "  contents: read", "jobs:"];
  for (let j = 0; j < 5; j++) {
    lines.push(`  job${j}:`, `    # Job ${j} of workflow ${i}`, "    runs-on: ubuntu-latest", "    timeout-minutes: 30");
    if (j > 0) lines.push(`    needs: [job${j - 1}]`);
    lines.push("    steps:", "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2");
    lines.push("      - name: Set up Node", "        uses: actions/setup-node@v4", "        with:", "          node-version: 20", "          cache: npm");
    for (let s = 2; s < 10; s++) {
      lines.push(
        `      # Step ${s} prepares stage ${s}`,
        `      - name: Step ${s} of job ${j}`,
        `        id: s${s}`,
        "        env:",
        `          STAGE: "${s}"`,
        `          TARGET: t${i}-${j}`,
        ...(s > 2 ? [`          PREVIOUS: \${{ steps.s${s - 1}.outputs.result }}`] : []),
        "        run: |",
        '          echo "stage $STAGE"',
        `          npm run task-${s} -- --target "$TARGET"`,
        `          echo "result=ok-${s}" >> "$GITHUB_OUTPUT"`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function syntheticSet() {
  return Array.from({ length: FILES }, (_, i) => ({ name: `synthetic-${i}.yml`, text: syntheticWorkflow(i) }));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The import's CPU time (all its threads), printed by a preload when the process exits. On a shared machine
// wall time depends on the other load; the CPU time does not, and bounds what an idle machine takes.
const CPU_PRELOAD = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("\\nwfgen-bench-cpu " + (u.user + u.system) / 1000 + "\\n"); });',
)}`;

function bench(label, files) {
  const dir = mkdtempSync(join(tmpdir(), "wfgen-bench-import-"));
  try {
    mkdirSync(join(dir, "yaml"));
    for (const f of files) writeFileSync(join(dir, "yaml", f.name), f.text);
    const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    const times = [];
    const cpu = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(join(dir, "workflows.ts"), { force: true });
      rmSync(join(dir, "wfgen.lock.json"), { force: true });
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, ["--import", CPU_PRELOAD, bin, "import", "yaml", "--quiet"], { cwd: dir, encoding: "utf8" });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== 0) throw new Error(`wfgen import exited ${result.status}:\n${result.stderr}${result.stdout}`);
      cpu.push(Number(/wfgen-bench-cpu ([\d.]+)/.exec(result.stderr)?.[1] ?? NaN));
    }
    const out = statSync(join(dir, "workflows.ts")).size;
    const ms = median(times);
    console.log(`${label}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB of YAML -> ${(out / 1024).toFixed(0)} KiB of TypeScript`);
    console.log(
      `  wall median ${ms.toFixed(0).padStart(6)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${RUNS} runs, load average ${loadavg()[0].toFixed(1)})` +
        `   CPU median ${median(cpu).toFixed(0)} ms   target < 10 s: ${ms < TARGET_MS ? "met" : median(cpu) < TARGET_MS ? "met in CPU time (wall time is the shared machine's)" : "NOT MET"}`,
    );
    const build = spawnSync(process.execPath, [bin, "build", "--quiet"], { cwd: dir, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`wfgen build of the imported file exited ${build.status}:\n${build.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`wfgen import bench: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}`);
const corpusFiles = corpusSet();
bench("wfgen import, 300 corpus workflows", corpusFiles);
bench("wfgen import, 300 synthetic (5 jobs x 10 steps)", syntheticSet());

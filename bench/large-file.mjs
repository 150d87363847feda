// Large single files (node bench/large-file.mjs): `wfgen lint` and `wfgen import` of one workflow of just
// under the 5 MiB read limit, in shapes that once made the work grow faster than the file: many jobs, one
// script with thousands of expressions, one job with thousands of steps (with a finding in each, or not),
// and a 100,000-key env map.
// Each command runs in this process through the built CLI's `run`, so that CPU time (not wall time, which
// other processes on the machine inflate) is measured; the median of WFGEN_BENCH_RUNS runs. A shape at half
// the size is timed too: linear work takes about half as long. Each run takes seconds, so one run each by
// default. Figures go to docs/performance.md by hand.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const RUNS = Number(process.env.WFGEN_BENCH_RUNS ?? 1);
const LIMIT = 5 * 1024 * 1024;
const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(join(root, "packages/cli/dist/cli.js")))
  execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "inherit" });
const { run } = await import(pathToFileURL(join(root, "packages/cli/dist/cli.js")).href);

/** Lines from `unit(i)` until the text reaches `bytes`. */
function grow(head, unit, bytes) {
  const lines = [...head];
  let size = lines.join("\n").length;
  for (let i = 0; size < bytes - 2048; i++) {
    const more = unit(i);
    size += more.join("\n").length + 1;
    lines.push(...more);
  }
  return `${lines.join("\n")}\n`;
}

const SHAPES = {
  "many jobs": (bytes) =>
    grow(["on:", "  push:", "    branches: [main]", "permissions:", "  contents: read", "jobs:"], (j) => [
      `  job${j}:`,
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
      ...Array.from({ length: 10 }, (_, s) => [
        `      - name: Step ${s} of job ${j}`,
        "        env:",
        `          STAGE: "${s}"`,
        "        run: |",
        '          echo "stage $STAGE ${{ github.sha }}"',
        `          npm run task-${s} -- --target t${j}`,
      ]).flat(),
    ], bytes),
  "one script, many expressions": (bytes) =>
    grow(
      ["on: issues", "permissions: {}", "jobs:", "  a:", "    runs-on: ubuntu-latest", "    steps:", "      - run: |"],
      (i) => [`          echo "line ${i} \${{ github.event.issue.title }}"`],
      bytes,
    ),
  "one job, many steps": (bytes) =>
    grow(
      ["on: push", "permissions: {}", "jobs:", "  a:", "    runs-on: ubuntu-latest", "    steps:"],
      (s) => [`      - name: Step ${s}`, `        run: echo "\${{ github.sha }} ${s}"`],
      bytes,
    ),
  "one job, a finding in each step": (bytes) =>
    grow(
      ["on: push", "permissions: {}", "jobs:", "  a:", "    runs-on: ubuntu-latest", "    steps:"],
      (s) => [`      - id: s${s}`, `        run: echo "\${{ steps.s${s + 1}.outputs.x }}"`],
      bytes,
    ),
  "one env map, many keys": (bytes) =>
    grow(
      ["on: push", "permissions: {}", "env:"],
      (i) => [`  VALUE_${i}: "\${{ github.sha }}-${i}"`],
      bytes - 200,
    ) + "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"$VALUE_1\"\n",
};

const silent = { write: () => true };
function cpuMs(args, cwd) {
  const before = process.cpuUsage();
  return run(args, { stdout: silent, stderr: silent, cwd, env: {}, isTTY: false }).then((code) => {
    if (code > 1) throw new Error(`wfgen ${args.join(" ")} exited ${code}`);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(args, cwd) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await cpuMs(args, cwd));
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), "wfgen-bench-large-"));
try {
  console.log(`wfgen bench (large files): CPU time, median of ${RUNS} runs, in one process`);
  console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}`);
  await cpuMs(["lint", "--quiet", "--format", "json", writeShape(dir, "warm", SHAPES["many jobs"](64 * 1024))], dir);
  for (const [name, make] of Object.entries(SHAPES)) {
    const half = writeShape(dir, `${name} half`, make(LIMIT / 2));
    const full = writeShape(dir, name, make(LIMIT));
    const [a, b] = [await time(["lint", "--quiet", half], dir), await time(["lint", "--quiet", full], dir)];
    console.log(
      `lint, ${name.padEnd(28)} 2.5 MiB ${a.toFixed(0).padStart(6)} ms   5 MiB ${b.toFixed(0).padStart(6)} ms   (x${(b / a).toFixed(2)})`,
    );
  }
  const full = join(dir, "many-jobs.yml");
  const imported = await time(["import", "--quiet", "--force", "--out", "out.ts", full], dir);
  console.log(`import, many jobs                    5 MiB ${imported.toFixed(0).padStart(6)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function writeShape(dir, name, text) {
  // A file name workflow() accepts, for import.
  const path = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.yml`);
  writeFileSync(path, text);
  return path;
}

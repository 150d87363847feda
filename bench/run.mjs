// wfgen's speed benchmark (pnpm bench). For each size N (1, 20, 200, 1,000 workflows of about 25 KB;
// bench/synthetic.mjs) it writes two repositories to a temporary folder, one for wfgen and one for the
// peer replica (bench/peer), builds both once, then times, interleaved in rounds so that a change of
// machine load hits every command alike:
//
//   node -e 0       the cost of starting node at all
//   wfgen check     the built CLI, as `npx wfgen check` runs it, without the content cache (a fresh clone)
//   wfgen build     with nothing to write, without the content cache
//   wfgen check, cached   the local loop: the second check of an unchanged tree
//   peer check      the peer replica: tsx loads workflows.ts, js-yaml stringifies, compare with the files;
//                   without tsx's cache of compiled files, as on CI (a fresh runner has none)
//   peer build      the same, writing the files as the peer's build does
//   peer check, cached    the local loop: tsx's cache warm from the run before
//   floor           read every committed file, parse it with `yaml`, emit YAML text, compare
//
// and prints medians (wall time, CPU time and peak memory of every process each command starts; see
// bench/measure.mjs), the ratios measured in this run and the targets of docs/performance.md.
// Environment: WFGEN_BENCH_SIZES=1,20 (sizes), WFGEN_BENCH_RUNS=5 (rounds), WFGEN_BENCH_IMPORT=0 (skip
// the `wfgen import` benchmark at the end).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./measure.mjs";
import { PEER_DSL, peerSource, wfgenSource } from "./synthetic.mjs";

const SIZES = (process.env.WFGEN_BENCH_SIZES ?? "1,20,200,1000").split(",").map(Number);
const RUNS = Number(process.env.WFGEN_BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/cli/bin/wfgen.js");
const peerCli = join(root, "bench/peer/cli.mjs");
const floor = join(root, "bench/floor.mjs");
const node = process.execPath;

if (!existsSync(join(root, "packages/cli/dist/cli.js")))
  execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "inherit" });

const noCache = { ...process.env, WFGEN_CACHE: "0" };
// tsx keeps the files it compiled in a cache in the temporary folder; a CI runner starts without it, as
// wfgen's commands above run without theirs.
const peerCold = { ...process.env, TSX_DISABLE_CACHE: "1" };
/** The commands, by label: [command, args, options] for one size's folders. */
function commands(dirs) {
  return {
    "node -e 0": [node, ["-e", "0"], {}],
    "wfgen check": [node, [bin, "check"], { cwd: dirs.wfgen, env: noCache }],
    "wfgen build": [node, [bin, "build", "--quiet"], { cwd: dirs.wfgen, env: noCache }],
    "wfgen check, cached": [node, [bin, "check"], { cwd: dirs.wfgen, env: { ...process.env, WFGEN_CACHE: "1" } }],
    "peer check": [node, [peerCli, "check", dirs.peer], { env: peerCold }],
    "peer build": [node, [peerCli, "build", dirs.peer], { env: peerCold }],
    "peer check, cached": [node, [peerCli, "check", dirs.peer], {}],
    floor: [node, [floor, dirs.wfgen], {}],
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function run(label, [command, args, options]) {
  const result = await measure(command, args, options);
  if (result.status !== 0)
    throw new Error(`${label} exited ${result.status}:\n${result.stderr.slice(0, 2000)}${result.stdout.slice(0, 2000)}`);
  return result;
}

function setUp(n, base) {
  const dirs = { wfgen: join(base, `wfgen-${n}`), peer: join(base, `peer-${n}`) };
  // A node_modules folder, as a project that installed wfgen has: the content cache lives in it.
  mkdirSync(join(dirs.wfgen, "node_modules"), { recursive: true });
  mkdirSync(dirs.peer);
  writeFileSync(join(dirs.wfgen, "workflows.ts"), wfgenSource(n));
  writeFileSync(join(dirs.peer, "workflows.ts"), peerSource(n));
  writeFileSync(join(dirs.peer, "peer-dsl.ts"), PEER_DSL);
  // Pins come from the catalog that ships with wfgen: the benchmark never touches the network.
  execFileSync(node, [bin, "pin", "--offline", "--quiet"], { cwd: dirs.wfgen, env: noCache });
  execFileSync(node, [bin, "build", "--quiet"], { cwd: dirs.wfgen, env: noCache });
  execFileSync(node, [peerCli, "build", dirs.peer]);
  return dirs;
}

function folderBytes(dir) {
  const files = readdirSync(dir);
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) };
}

const base = mkdtempSync(join(tmpdir(), "wfgen-bench-"));
const results = new Map(); // n -> label -> { wall, cpu, peak } medians
const loads = [loadavg()[0]];
try {
  console.log(`wfgen bench: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${RUNS} interleaved rounds, medians`);
  for (const n of SIZES) {
    const dirs = setUp(n, base);
    const wf = folderBytes(join(dirs.wfgen, ".github/workflows"));
    const peer = folderBytes(join(dirs.peer, ".github/workflows"));
    console.log(
      `\nN=${n}: wfgen ${wf.files} files, ${(wf.bytes / wf.files / 1000).toFixed(1)} KB each; ` +
        `peer ${peer.files} files, ${(peer.bytes / peer.files / 1000).toFixed(1)} KB each`,
    );
    const table = commands(dirs);
    const labels = Object.keys(table);
    for (const label of labels) await run(label, table[label]); // warm the file cache and the content cache
    const samples = Object.fromEntries(labels.map((l) => [l, []]));
    for (let round = 0; round < RUNS; round++) {
      // A different order each round, so that no command always follows the same one.
      const order = labels.map((_, i) => labels[(i + round) % labels.length]);
      for (const label of order) samples[label].push(await run(label, table[label]));
      process.stdout.write(".");
    }
    process.stdout.write("\n");
    loads.push(loadavg()[0]);
    const medians = new Map();
    for (const label of labels) {
      const s = samples[label];
      medians.set(label, {
        wall: median(s.map((r) => r.wall)),
        cpu: median(s.map((r) => r.cpu)),
        peak: median(s.map((r) => r.peak)),
        min: Math.min(...s.map((r) => r.wall)),
        max: Math.max(...s.map((r) => r.wall)),
      });
    }
    results.set(n, medians);
    for (const [label, m] of medians)
      console.log(
        `  ${label.padEnd(20)} ${m.wall.toFixed(2).padStart(6)} s (${m.min.toFixed(2)}-${m.max.toFixed(2)})  ` +
          `cpu ${m.cpu.toFixed(2).padStart(5)} s  peak ${(m.peak / 2 ** 20).toFixed(0).padStart(5)} MiB`,
      );
  }
  report();
} finally {
  rmSync(base, { recursive: true, force: true });
}

function report() {
  const s = (v) => `${v.toFixed(2)} s`;
  const x = (v) => v.toFixed(2);
  const mib = (v) => `${(v / 2 ** 20).toFixed(0)} MiB`;
  console.log(`\nWall time, medians of ${RUNS} interleaved rounds (load average ${loads.map((l) => l.toFixed(1)).join(" -> ")}):\n`);
  console.log("| N | node -e 0 | wfgen check | wfgen build | check, cached | peer check | peer build | peer check, cached | floor | check / peer | check / floor | build / check | build / peer build | cached / peer cached |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const [n, m] of results) {
    const w = (l) => m.get(l).wall;
    console.log(
      `| ${n.toLocaleString("en")} | ${s(w("node -e 0"))} | ${s(w("wfgen check"))} | ${s(w("wfgen build"))} | ${s(w("wfgen check, cached"))} | ` +
        `${s(w("peer check"))} | ${s(w("peer build"))} | ${s(w("peer check, cached"))} | ${s(w("floor"))} | ${x(w("wfgen check") / w("peer check"))} | ` +
        `${x(w("wfgen check") / w("floor"))} | ${x(w("wfgen build") / w("wfgen check"))} | ${x(w("wfgen build") / w("peer build"))} | ` +
        `${x(w("wfgen check, cached") / w("peer check, cached"))} |`,
    );
  }
  console.log("\nCPU time and peak memory of every process each command starts (medians):\n");
  console.log("| N | wfgen check | wfgen build | check, cached | peer check | peer build | peer check, cached | floor |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [n, m] of results) {
    const c = (l) => `${s(m.get(l).cpu)}, ${mib(m.get(l).peak)}`;
    console.log(
      `| ${n.toLocaleString("en")} | ${c("wfgen check")} | ${c("wfgen build")} | ${c("wfgen check, cached")} | ${c("peer check")} | ${c("peer build")} | ${c("peer check, cached")} | ${c("floor")} |`,
    );
  }
  const targets = [];
  const at = (n) => results.get(n);
  for (const n of [200, 1000]) {
    if (!at(n)) continue;
    const ratio = at(n).get("peer check").wall / at(n).get("wfgen check").wall;
    targets.push([`N=${n}: check at least 3x faster than the peer`, `${x(ratio)}x`, ratio >= 3]);
  }
  if (at(200) && at(1000)) {
    const ratio = at(1000).get("wfgen check").wall / at(200).get("wfgen check").wall;
    targets.push(["check at N=1,000 at most 5.2x N=200", `${x(ratio)}x`, ratio <= 5.2]);
    const [ours, theirs] = [at(1000).get("wfgen check").peak, at(1000).get("peer check").peak];
    targets.push(["N=1,000: check's peak memory at most the peer's", `${mib(ours)} vs ${mib(theirs)}`, ours <= theirs]);
  }
  if (at(20)) {
    const over = at(20).get("wfgen check").wall - at(20).get("node -e 0").wall;
    targets.push(["N=20: check at most 0.3 s above node -e 0", `+${s(over)}`, over <= 0.3]);
  }
  for (const [n, m] of results) {
    const [build, check, peerBuild] = [m.get("wfgen build").wall, m.get("wfgen check").wall, m.get("peer build").wall];
    targets.push([`N=${n}: build within 1.2x of check, at most the peer's build`, `${x(build / check)}x, ${x(build / peerBuild)}x`, build <= 1.2 * check && build <= peerBuild]);
  }
  console.log("\nTargets (docs/performance.md):\n");
  for (const [what, value, ok] of targets) console.log(`  ${ok ? "met    " : "NOT MET"}  ${what}: ${value}`);
}

// `wfgen import` of 300 workflow files (bench/import.mjs); WFGEN_BENCH_IMPORT=0 skips it.
if (process.env.WFGEN_BENCH_IMPORT !== "0") {
  console.log("");
  await import("./import.mjs");
}

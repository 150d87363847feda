// Where a command's time goes: `node bench/profile.mjs <file.cpuprofile>... [--top 25]` prints the
// functions with the most self time (median over the profiles given), and the same time grouped by
// where the code lives (wfgen's dist chunks, esbuild, zod, yaml, GitHub's parser, the user's bundle,
// node itself). Profiles come from `node --cpu-prof --cpu-prof-dir=<dir> packages/cli/bin/wfgen.js check`
// (docs/performance.md).
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;
const profiles = args.map((file) => JSON.parse(readFileSync(file, "utf8")));
if (profiles.length === 0) {
  console.error("usage: node bench/profile.mjs <file.cpuprofile>... [--top N]");
  process.exit(2);
}

/** Where a function's code comes from, from its script URL. */
function area(url, name) {
  if (!url) return name === "(garbage collector)" ? "GC" : name === "(idle)" ? "idle (waiting)" : name.startsWith("(") ? name : "node internals";
  if (url.startsWith("node:")) return "node internals";
  if (/\/esbuild\//.test(url)) return "esbuild (JS side)";
  if (/\/zod\//.test(url)) return "zod";
  if (/\/yaml\//.test(url)) return "yaml";
  if (/workflow-parser|expressions/.test(url)) return "GitHub's parser";
  if (/wfgen-[^/]*\/|\/workflows\.m?js$/.test(url)) return "the user's bundle";
  if (/packages\/cli\/dist\//.test(url)) return "wfgen (dist)";
  return url.replace(/^.*node_modules\//, "");
}

function selfTimes(profile) {
  const byFunction = new Map();
  const byArea = new Map();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const file = url ? url.replace(/^.*\//, "") : "";
    const key = `${name} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    const where = area(url, name);
    byArea.set(where, (byArea.get(where) ?? 0) + ms);
  }
  return { byFunction, byArea, total };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const all = profiles.map(selfTimes);
const merge = (pick) => {
  const keys = new Set(all.flatMap((t) => [...pick(t).keys()]));
  return [...keys]
    .map((key) => [key, median(all.map((t) => pick(t).get(key) ?? 0))])
    .sort((a, b) => b[1] - a[1]);
};
const total = median(all.map((t) => t.total));
const row = ([key, ms]) => `| ${key} | ${ms.toFixed(0)} ms | ${((100 * ms) / total).toFixed(1)} % |`;
console.log(`${profiles.length} profile(s), median total ${total.toFixed(0)} ms\n`);
console.log("| Where | Self time | Share |\n|---|---|---|");
for (const entry of merge((t) => t.byArea)) console.log(row(entry));
console.log(`\n| Function (top ${top} by self time) | Self time | Share |\n|---|---|---|`);
for (const entry of merge((t) => t.byFunction).slice(0, top)) console.log(row(entry));

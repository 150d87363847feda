// The floor of the benchmark: the least any build-and-compare of YAML files can cost with a YAML
// library, without loading any TypeScript. `node bench/floor.mjs <folder>` reads every file of
// <folder>/.github/workflows, parses it with `yaml`, emits YAML text again and compares it with the file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";

const dir = join(process.argv[2] ?? ".", ".github/workflows");
let same = 0;
for (const name of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, name), "utf8");
  if (stringify(parse(text), { lineWidth: 0 }) === text) same++;
}
process.stdout.write(`${same}\n`);

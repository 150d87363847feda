// `pnpm test:corpus <dir>`: the import round trip (and lint's validity check) over every workflow file under
// <dir>, outside the default suite; see test/corpus/round-trip.ts and docs/migrating.md. Builds the CLI
// first, as `pnpm test` does.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const [dir, ...rest] = process.argv.slice(2);
if (!dir || dir === "--help" || dir === "-h" || rest.length > 0) {
  console.error("usage: pnpm test:corpus <dir>   (every .yml/.yaml file under <dir> is imported, built back and compared)");
  process.exit(2);
}
const folder = resolve(process.env.INIT_CWD ?? process.cwd(), dir);
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`pnpm test:corpus: ${folder} is not a folder`);
  process.exit(2);
}
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
if (run(process.execPath, ["packages/cli/scripts/build.mjs"]) !== 0) process.exit(1);
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
process.exit(run(process.execPath, [vitest, "run", "--config", "vitest.corpus.config.ts"], { WFGEN_CORPUS_DIR: folder }));

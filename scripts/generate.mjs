// Runs `wfgen build` (or `wfgen check` with --check) on this repository and on every example, each as
// its own project, exactly as a user would run it there.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const command = process.argv.includes("--check") ? "check" : "build";
const projects = [".", ...readdirSync(new URL("../examples", import.meta.url)).map((name) => `examples/${name}`)];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ["packages/cli/bin/wfgen.js", command, "--cwd", project], { cwd: root, stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// The peer replica's command line: `node bench/peer/cli.mjs build|check [folder]`. Written by us from the
// documented build path of the most-used TypeScript peer, whose CLI re-spawns itself under tsx so that
// the user's TypeScript loads; build.ts then imports workflows.ts, stringifies every exported workflow
// with a YAML library and writes (build) or compares with the committed files (check, the peer's
// `build && git diff --exit-code` done in process).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");
const script = fileURLToPath(new URL("build.ts", import.meta.url));
const result = spawnSync(process.execPath, [tsx, script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);

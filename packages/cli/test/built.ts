/** The built bin, as users run it: one process, Node's own source maps, real exit codes. */
import { execFileSync, spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The bin users run. */
export const bin = join(root, "bin/wfgen.js");

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
}

/** Build dist/ when it is older than the sources: `pnpm test` builds first, a bare `vitest run` may not. */
export function ensureBuilt(): void {
  const cli = join(root, "dist/cli.js");
  const sources = Math.max(newestSource(join(root, "src")), newestSource(join(root, "../core/src")));
  if (!existsSync(cli) || statSync(cli).mtimeMs < sources)
    execFileSync(process.execPath, [join(root, "scripts/build.mjs")]);
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { GITHUB_ACTIONS: _, GITHUB_STEP_SUMMARY: __, ...clean } = process.env;
  return { ...clean, NO_COLOR: "1", ...env };
}

/** Run the bin in `cwd` and wait for it. */
export function spawnWfgen(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: cleanEnv(env) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Start the bin in `cwd` without waiting; its output goes nowhere unless `stdio` says otherwise. */
export function startWfgen(cwd: string, args: string[], env: Record<string, string> = {}, stdio: StdioOptions = "ignore"): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd, env: cleanEnv(env), stdio });
}

/** A throwaway repository from an inline file map, and wfgen run in-process against it. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { afterEach } from "vitest";
import { run } from "../src/cli.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Create a temporary repository holding `files` (path -> content); removed after the test. */
export function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "wfgen-test-"));
  made.push(dir);
  write(dir, files);
  return dir;
}

/** Add or replace files in a repository. */
export function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Read a file of the repository. */
export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

/** Every file under `dir` with its bytes and modification time, to prove that nothing was touched. */
export function snapshot(dir: string): Map<string, { content: string; mtimeMs: number }> {
  const files = new Map<string, { content: string; mtimeMs: number }>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.set(relative(dir, path).split(sep).join("/"), {
          content: readFileSync(path, "latin1"),
          mtimeMs: statSync(path).mtimeMs,
        });
    }
  };
  walk(dir);
  return files;
}

/** The result of one in-process run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `wfgen <args>` in-process with `cwd` as the working folder. */
export async function wfgen(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  isTTY = false,
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
    isTTY,
  });
  return { code, stdout, stderr };
}

/** A workflows.ts exporting one small workflow per name, each writing `<name>.yml`. */
export function workflowsTs(...names: string[]): string {
  return [
    'import { job, workflow } from "wfgen";',
    "",
    ...names.map(
      (name) =>
        `export const ${name.replaceAll("-", "_")} = workflow(${JSON.stringify(name)}, {\n` +
        `  on: { push: { branches: ["main"] } },\n` +
        `  jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [{ run: "npm test" }] }) },\n` +
        `});`,
    ),
    "",
  ].join("\n");
}

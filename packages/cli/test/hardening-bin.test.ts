/**
 * The battery's cases that need a real process: `kill -9` in the middle of a build, two builds at once, a
 * top-level await that never settles (Node itself would exit 13), and a reader that closes the pipe early. A folder the user cannot write is in
 * full-disk.test.ts, with EACCES injected: CI may run as root, for whom no folder mode refuses a write.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ensureBuilt, spawnWfgen, startWfgen } from "./built.ts";
import { repo, workflowsTs, write } from "./helpers.ts";

beforeAll(ensureBuilt, 60_000);

const names = Array.from({ length: 120 }, (_, i) => `w${i}`);
// Also resolves for a child that has already exited: on a fast machine a build can finish before the kill.
const exited = (child: ReturnType<typeof startWfgen>): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.on("exit", (code) => resolve(code)));

function workflowFiles(dir: string): Map<string, string> {
  const folder = join(dir, ".github/workflows");
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), "utf8")]));
}

describe("processes", () => {
  test("kill -9 at any moment leaves each file old or new, never half; the next build cleans up", async () => {
    const dir = repo({ "workflows.ts": workflowsTs(...names) });
    expect(spawnWfgen(dir, ["build", "--quiet"]).code).toBe(0);
    const old = workflowFiles(dir);
    write(dir, { "workflows.ts": workflowsTs(...names).replaceAll("npm test", "npm run test:ci") });
    for (const delay of [300, 600, 900, 1200, 1500, 1800, 2100, 2400]) {
      const child = startWfgen(dir, ["build", "--quiet"]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited(child);
      for (const [name, content] of workflowFiles(dir)) {
        if (name.startsWith(".")) continue;
        const replaced = old.get(name)!.replaceAll("npm test", "npm run test:ci");
        expect([old.get(name), replaced], name).toContain(content);
      }
    }
    const after = spawnWfgen(dir, ["build", "--quiet"]);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/^(note: removed \.github\/workflows\/\.w\d+\.yml\.wfgen-\d+-[0-9a-f]{8}\.tmp, a temporary file left by an interrupted wfgen run\.\n)*$/);
    expect([...workflowFiles(dir).keys()].sort()).toEqual([...old.keys()].sort());
    expect(spawnWfgen(dir, ["check", "--quiet"]).code).toBe(0);
  }, 120_000);

  test("two builds at once of two different sources: each file is one build's, whole", async () => {
    const sources = { "workflows.ts": workflowsTs(...names), "other.ts": workflowsTs(...names).replaceAll("npm test", "make") };
    // What each build writes alone.
    const alone = [[], ["--entry", "other.ts"]].map((args) => {
      const dir = repo(sources);
      expect(spawnWfgen(dir, ["build", "--quiet", ...args]).code).toBe(0);
      return workflowFiles(dir);
    });
    const dir = repo(sources);
    const codes = await Promise.all([
      exited(startWfgen(dir, ["build", "--quiet"])),
      exited(startWfgen(dir, ["build", "--quiet", "--entry", "other.ts"])),
    ]);
    expect(codes).toEqual([0, 0]);
    const files = workflowFiles(dir);
    expect([...files.keys()].sort()).toEqual([...alone[0]!.keys()].sort());
    for (const [name, content] of files) expect([alone[0]!.get(name), alone[1]!.get(name)], name).toContain(content);
  }, 120_000);

  test("a top-level await that never settles is an error, not a silent exit 13", () => {
    const dir = repo({ "workflows.ts": `${workflowsTs("ci")}await new Promise(() => {});\n` });
    for (const command of ["build", "check"]) {
      const result = spawnWfgen(dir, [command]);
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "workflows.ts: error: workflows.ts never finished loading: a top-level await waits on a promise that nothing settles.\nworkflows.ts could not be loaded; nothing was written.\n",
      });
    }
    const json = spawnWfgen(dir, ["build", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe("entry-never-settles");
  });
});

describe("a reader that stops early", () => {
  test("`wfgen check | head -1`: the check still ends with its own exit code, without a stack trace", async () => {
    const dir = repo({ "workflows.ts": workflowsTs(...names) });
    expect(spawnWfgen(dir, ["build", "--quiet"]).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs(...names).replaceAll("npm test", "npm run test:ci") });
    const child = startWfgen(dir, ["check"], {}, ["ignore", "pipe", "pipe"]);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
    // The diff of 120 files is far more than a pipe holds: the reader goes after the first chunk.
    child.stdout!.once("data", () => child.stdout!.destroy());
    expect(await exited(child)).toBe(1);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });
});

/** The built bin, spawned as users run it: Node's own source maps, real exit codes, piped output. */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { ensureBuilt, spawnWfgen } from "./built.ts";
import { read, repo, snapshot, workflowsTs, write } from "./helpers.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

beforeAll(ensureBuilt, 60_000);

describe("the wfgen bin", () => {
  test("--version", () => {
    const version = JSON.parse(read(root, "package.json")).version as string;
    expect(spawnWfgen(root, ["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("build, check, drift, orphan, prune", () => {
    const dir = repo({
      "package.json": '{ "type": "module" }',
      "node_modules/runner-label/package.json": '{ "name": "runner-label", "main": "index.js" }',
      "node_modules/runner-label/index.js": 'module.exports = "ubuntu-24.04";\n',
      "workflows.ts": `import label from "runner-label";\n${workflowsTs("ci", "old").replaceAll('"ubuntu-latest"', "label")}`,
    });
    expect(spawnWfgen(dir, ["build"])).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, ".github/workflows/ci.yml")).toContain("runs-on: ubuntu-24.04");
    expect(spawnWfgen(dir, ["check"])).toEqual({
      code: 0,
      stdout: "wfgen check: 2 workflow files up to date.\n",
      stderr: "",
    });

    write(dir, { ".github/workflows/ci.yml": read(dir, ".github/workflows/ci.yml").replace("npm test", "npm t") });
    const drift = spawnWfgen(dir, ["check"]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("-      - run: npm t\n+      - run: npm test\n");

    write(dir, {
      "workflows.ts": `import label from "runner-label";\n${workflowsTs("ci").replaceAll('"ubuntu-latest"', "label")}`,
    });
    expect(spawnWfgen(dir, ["build"]).code).toBe(0);
    const orphan = spawnWfgen(dir, ["check"]);
    expect(orphan.code).toBe(1);
    expect(orphan.stdout).toContain("orphan  .github/workflows/old.yml");
    expect(orphan.stdout).toContain("Fix: npx wfgen build --prune\n");
    expect(spawnWfgen(dir, ["build", "--prune"]).code).toBe(0);
    expect(spawnWfgen(dir, ["check"]).code).toBe(0);
  });

  test("a runtime error maps to workflows.ts:LINE through the bundle's source map; nothing is touched", () => {
    const dir = repo({
      "workflows.ts":
        'import { workflow } from "wfgen";\n\nconst config: { branches?: string[] } = {};\nexport const ci = workflow("ci", { on: { push: { branches: config.branches!.slice() } }, jobs: {} });\n',
      ".github/workflows/ci.yml": "on: push\n",
    });
    const before = snapshot(dir);
    const result = spawnWfgen(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^workflows\.ts:4:\d+: error: TypeError: Cannot read properties of undefined \(reading 'slice'\)\n/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test("a long diff reaches a pipe whole before the process exits", () => {
    const dir = repo({ "workflows.ts": workflowsTs(...Array.from({ length: 60 }, (_, i) => `w${i}`)) });
    expect(spawnWfgen(dir, ["build", "--quiet"]).code).toBe(0);
    for (let i = 0; i < 60; i++) {
      const path = `.github/workflows/w${i}.yml`;
      write(dir, { [path]: read(dir, path).replace("npm test", `npm test -- ${"x".repeat(2000)}`) });
    }
    const result = spawnWfgen(dir, ["check"]);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(120_000);
    expect(result.stdout).toMatch(
      /wfgen check: 60 of 60 files out of date \(60 changed, 0 missing, 0 orphans\)\.\nFix: npx wfgen build\n$/,
    );
  });
});

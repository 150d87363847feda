import { describe, expect, test } from "vitest";
import { read, repo, snapshot, wfgen } from "./helpers.ts";

describe("wfgen init", () => {
  test("writes a starter workflows.ts and its lockfile, and only those, which then build and check clean offline", async () => {
    const dir = repo({
      "package.json": JSON.stringify({
        name: "app",
        scripts: { test: "vitest" },
        devDependencies: { wfgen: "^0.1.0" },
      }),
    });
    const result = await wfgen(dir, ["init"]);
    expect(result).toEqual({
      code: 0,
      stdout:
        "written workflows.ts\nwritten wfgen.lock.json\nNext:\n  npx wfgen build    (writes .github/workflows/ci.yml)\n",
      stderr: "",
    });
    expect([...snapshot(dir).keys()].sort()).toEqual(["package.json", "wfgen.lock.json", "workflows.ts"]);
    expect(Object.keys(JSON.parse(read(dir, "wfgen.lock.json")).actions)).toEqual([
      "actions/checkout@v7",
      "actions/setup-node@v7",
    ]);
    const starter = read(dir, "workflows.ts");
    expect(starter).toContain('export const ci = workflow("ci", {');
    expect(starter).toContain('{ run: "npm ci" },\n        { run: "npm run test" },');
    expect((await wfgen(dir, ["build"])).code).toBe(0);
    expect((await wfgen(dir, ["check"])).code).toBe(0);
  });

  test("follows the package manager, and says how to install wfgen when it is missing", async () => {
    const dir = repo({ "package.json": '{ "scripts": { "build": "tsc" } }', "pnpm-lock.yaml": "", ".nvmrc": "20\n" });
    const result = await wfgen(dir, ["init"]);
    expect(result.stdout).toContain("  pnpm add --save-dev wfgen\n");
    // pnpm/action-setup is not in the offline catalog: the next steps say to pin it.
    expect(result.stdout).toContain(
      "  npx wfgen pin      (pins pnpm/action-setup@v4, which the offline catalog does not know)\n",
    );
    const starter = read(dir, "workflows.ts");
    expect(starter).toContain('{ uses: "pnpm/action-setup@v4" },');
    expect(starter).toContain('with: { "node-version-file": ".nvmrc", cache: "pnpm" }');
    expect(starter).toContain('{ run: "pnpm build" },');
  });

  test("never clobbers: an existing workflows.ts is left alone, exit 1", async () => {
    const dir = repo({ "workflows.ts": "// mine\n" });
    const before = snapshot(dir);
    const result = await wfgen(dir, ["init"]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: workflows.ts already exists; wfgen init changed nothing. Run `npx wfgen build` to build it.\n",
    });
    expect(snapshot(dir)).toEqual(before);
  });

  test("a hand-written ci.yml keeps its name: the starter writes wfgen-ci.yml", async () => {
    const dir = repo({ ".github/workflows/ci.yml": "on: push\n" });
    const result = await wfgen(dir, ["init"]);
    expect(result.stdout).toContain(
      "note: .github/workflows/ci.yml is hand-written, so the starter workflow writes wfgen-ci.yml",
    );
    expect(read(dir, "workflows.ts")).toContain('workflow("wfgen-ci", {');
    expect((await wfgen(dir, ["build"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toBe("on: push\n");
  });

  test("another entry file is remembered in wfgen.config.ts", async () => {
    const dir = repo({});
    const result = await wfgen(dir, ["init", "--entry", "ci/workflows.ts", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: 1,
      command: "init",
      ok: true,
      written: ["ci/workflows.ts", "ci/wfgen.lock.json", "wfgen.config.ts"],
    });
    expect(read(dir, "wfgen.config.ts")).toBe(
      'import { defineConfig } from "wfgen";\n\nexport default defineConfig({ entry: "ci/workflows.ts" });\n',
    );
    expect(await wfgen(dir, ["build", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("wfgen init with a lockfile already there", () => {
  test("keeps its entries and adds the starter's, so the first build needs no pin", async () => {
    const other = {
      "acme/tool@v1": { sha: "a".repeat(40), tag: "v1.0.0", resolvedAt: "2026-01-01T00:00:00.000Z" },
    };
    const dir = repo({ "wfgen.lock.json": `${JSON.stringify({ version: 1, actions: other }, null, 2)}\n` });
    expect((await wfgen(dir, ["init", "--quiet"])).code).toBe(0);
    const lock = JSON.parse(read(dir, "wfgen.lock.json"));
    expect(lock.actions["acme/tool@v1"]).toEqual(other["acme/tool@v1"]);
    expect(Object.keys(lock.actions).length).toBeGreaterThan(1);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
  });
});

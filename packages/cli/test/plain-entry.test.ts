/**
 * Entries run as written, without esbuild (load/plain-entry.ts): which entries may, and that an entry the
 * look at its text lets through but Node refuses, or one whose meaning would differ, still loads as
 * esbuild's TypeScript reads it, with the same messages.
 */
import { describe, expect, test } from "vitest";
import { plainEntrySpecifiers } from "../src/load/plain-entry.ts";
import { read, repo, wfgen } from "./helpers.ts";

const RUNTIME = { wfgen: {}, "wfgen/actions": {}, "wfgen/presets": {} };
const HEAD = 'import { job, workflow } from "wfgen";\n';
const ci = (runner: string) =>
  `export const ci = workflow("ci", { on: "push", jobs: { test: job({ "runs-on": ${runner}, steps: [{ run: "npm test" }] }) } });\n`;

describe("which entries run as written", () => {
  test.each([
    ["an entry importing wfgen only", "workflows.ts", HEAD + ci('"ubuntu-latest"'), ["wfgen"]],
    ["wfgen's other modules", "workflows.mts", `${HEAD}import { checkout } from "wfgen/actions";\nimport { x } from '@wfgen/core';\n`, ["wfgen", "wfgen/actions", "@wfgen/core"]],
  ])("%s", (_, file, source, specifiers) => {
    expect(plainEntrySpecifiers(file, source, RUNTIME)).toEqual(specifiers);
  });

  test.each([
    ["a local import", `${HEAD}import { runner } from "./runner";\n`],
    ["a package", `${HEAD}import yaml from "yaml";\n`],
    ["a module of node", `${HEAD}import { readFileSync } from "node:fs";\n`],
    ["a side-effect import", `${HEAD}import "./setup.ts";\n`],
    ["a re-export", `${HEAD}export { ci } from "./ci";\n`],
    ["a wfgen module that does not exist", 'import { job } from "wfgen/nope";\n'],
    ["a dynamic import", `${HEAD}const m = await import("wfgen");\n`],
    ["require", `${HEAD}const fs = require("fs");\n`],
    ["module.exports", `${HEAD}module.exports = {};\n`],
    ["exports", `${HEAD}exports.ci = 1;\n`],
    ["import.meta", `${HEAD}const here = import.meta.url;\n`],
    ["__dirname", `${HEAD}const here = __dirname;\n`],
    ["a class (tsconfig decides its fields)", `${HEAD}class Settings {\n  runner = "x";\n}\n`],
    ["a generic call", `${HEAD}const runner = String<unknown>("ubuntu-latest");\n`],
    ["a generic call over lines", `${HEAD}const runner = pick<\n  A,\n  B\n>(x);\n`],
    ["no import at all", ci('"ubuntu-latest"')],
  ])("not %s", (_, source) => {
    expect(plainEntrySpecifiers("workflows.ts", source, RUNTIME)).toBeUndefined();
  });

  test.each(["workflows.tsx", "workflows.cts", "workflows.cjs", "workflows.jsx"])("not %s", (file) => {
    expect(plainEntrySpecifiers(file, HEAD + ci('"ubuntu-latest"'), RUNTIME)).toBeUndefined();
  });
});

test("an entry run as written keeps its text: non-ASCII names reach the YAML as written", async () => {
  const dir = repo({
    "workflows.ts": `${HEAD}export const ci = workflow("ci", { name: "Déploiement 🚀", on: "push", jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [{ run: "echo ünïcödé" }] }) } });\n`,
  });
  expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
  expect(read(dir, ".github/workflows/ci.yml")).toContain("name: Déploiement 🚀\n");
  expect(read(dir, ".github/workflows/ci.yml")).toContain("echo ünïcödé");
});

describe("an entry Node refuses, or would read otherwise, loads as TypeScript", () => {
  test.each([
    ["a type annotation", `${HEAD}const runner: string = "ubuntu-22.04";\n${ci("runner")}`],
    ["import type", `import { job, workflow, type Workflow } from "wfgen";\nconst runner = "ubuntu-22.04" as const;\n${ci("runner")}`],
    ["a generic call with a type argument", `${HEAD}const runner = String<unknown>("ubuntu-22.04");\n${ci("runner")}`],
    ["an import wfgen does not export, unused (TypeScript drops it)", `import { job, workflow, Nope } from "wfgen";\n${ci('"ubuntu-22.04"')}`],
  ])("%s", async (_, source) => {
    const dir = repo({ "workflows.ts": source });
    const result = await wfgen(dir, ["build", "--quiet"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, ".github/workflows/ci.yml")).toContain("runs-on: ubuntu-22.04\n");
  });

  test("a syntax error is esbuild's message at its line", async () => {
    const dir = repo({ "workflows.ts": `${HEAD}const runner = ;\n${ci("runner")}` });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:2:16: error: Unexpected ";"/);
  });

  test("a SyntaxError thrown while running is the entry's error at its line, and the entry ran once", async () => {
    const counter = Symbol.for("wfgen.test.plain-entry.runs");
    const dir = repo({
      "workflows.ts": `${HEAD}globalThis[Symbol.for("wfgen.test.plain-entry.runs")] = (globalThis[Symbol.for("wfgen.test.plain-entry.runs")] ?? 0) + 1;\nJSON.parse("{");\n${ci('"x"')}`,
    });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:3:6: error: SyntaxError: /);
    expect((globalThis as Record<symbol, unknown>)[counter]).toBe(1);
  });
});

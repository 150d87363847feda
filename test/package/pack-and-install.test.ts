// The package as a user gets it: `pnpm pack` in packages/cli, `npm install` of the one tarball into an empty
// project outside the repository, then what a user runs there: tsc under the compiler options users run, the
// CLI's first commands, the mistakes the types promise to catch (each an error of `wfgen build` at the line,
// nothing written), and `require("wfgen")`. Run by `pnpm test:package` (.ci/run runs it after the tests).
// Needs the npm registry; everything it downloads stays in its temporary folder.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GREET_TS } from "../../packages/cli/test/add-helpers.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "wfgen-package-"));
const project = join(temp, "project");
// npm keeps its cache (and logs) here, not in the user's home.
const env = { ...process.env, NO_COLOR: "1", npm_config_cache: join(temp, "npm-cache"), npm_config_update_notifier: "false" };
const OLDEST_TYPESCRIPT = "5.4.5";
const CURRENT_TYPESCRIPT = "5.9.3";

afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: project, encoding: "utf8", env, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), output: `${result.stdout}${result.stderr}` };
}

function must(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.output}`);
  return result;
}

/** `npx wfgen ...` in the project, as a user runs it (`--no`: never from the registry). */
const wfgen = (args: string[]) => run("npx", ["--no", "wfgen", ...args]);

/**
 * Bytes under `path`, as `du --apparent-size` counts them: symbolic links (node_modules/.bin) are not followed
 * and a hard-linked file (esbuild links its binary into two packages) counts once.
 */
function bytesOf(path: string, seen = new Set<number>()): number {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || seen.has(stat.ino)) return 0;
  seen.add(stat.ino);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesOf(join(path, name), seen), 0);
}

/** The TypeScript blocks of the README and docs/, each a module of its own. */
function documentedSources(): Map<string, string> {
  const sources = new Map<string, string>();
  const files = ["README.md", ...readdirSync(join(repo, "docs"), { recursive: true, encoding: "utf8" }).map((f) => `docs/${f}`)];
  for (const file of files.filter((f) => f.endsWith(".md")).sort()) {
    const text = readFileSync(join(repo, file), "utf8");
    let n = 0;
    for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
      n++;
      sources.set(`${file.replace(/[/.]/g, "_")}_${n}.ts`, match[1]!);
    }
  }
  for (const example of readdirSync(join(repo, "examples"))) {
    sources.set(`example_${example}.ts`, readFileSync(join(repo, "examples", example, "workflows.ts"), "utf8"));
  }
  return sources;
}

let tarball = "";
let installedBytes = 0;

beforeAll(() => {
  must("pnpm", ["pack", "--pack-destination", temp], { cwd: join(repo, "packages/cli") });
  tarball = join(temp, readdirSync(temp).find((f) => /^wfgen-.*\.tgz$/.test(f))!);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  must("npm", ["install", "--save-dev", "--no-audit", "--no-fund", tarball]);
  installedBytes = bytesOf(join(project, "node_modules"));
}, 600_000);

describe("the tarball", () => {
  test("holds the bundled code and declarations, no sources or tests, and depends on nothing unpublished", () => {
    const listing = must("tar", ["-tzf", tarball]).stdout.split("\n").filter(Boolean);
    expect(listing.filter((f) => /\.test\.|\/src\/|\/test\//.test(f))).toEqual([]);
    for (const entry of ["index", "actions", "presets"]) {
      expect(listing).toContain(`package/dist/${entry}.d.ts`);
      expect(listing).toContain(`package/dist/${entry}.d.cts`);
      const declarations = readFileSync(join(project, "node_modules/wfgen/dist", `${entry}.d.ts`), "utf8");
      expect(declarations).not.toMatch(/@wfgen\/|\.ts['"]|from 'zod'/);
    }
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/wfgen/package.json"), "utf8"));
    expect(JSON.stringify(manifest.dependencies)).not.toMatch(/workspace:|@wfgen\//);
    expect(manifest.types).toBe("./dist/index.d.ts");
  });

  test("installs light: no ts-morph, prettier or typescript, under 15 MB", () => {
    for (const heavy of ["ts-morph", "prettier", "typescript"]) expect(existsSync(join(project, "node_modules", heavy))).toBe(false);
    console.log(`npm install of the tarball: ${(installedBytes / 1e6).toFixed(1)} MB in node_modules`);
    expect(installedBytes).toBeLessThan(15e6);
  });
});

describe("the CLI, without ts-morph and prettier", () => {
  test("init, build and check work, and import names the install command", () => {
    expect(wfgen(["init"]).status).toBe(0);
    const build = wfgen(["build"]);
    expect(build.output).toMatch(/written/);
    expect(build.status).toBe(0);
    expect(wfgen(["check"]).status).toBe(0);
    writeFileSync(join(project, "ci.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
    const imported = wfgen(["import", "ci.yml", "--out", "imported.ts"]);
    expect(imported.stderr).toContain("npm install --save-dev ts-morph prettier");
    expect(imported.status).toBe(2);
  });

  test("ES module import and require() of wfgen both load the DSL", () => {
    writeFileSync(join(project, "load.mjs"), 'const m = await import("wfgen"); console.log(typeof m.workflow, typeof m.jobContext);\n');
    expect(must(process.execPath, ["load.mjs"]).stdout).toBe("function object\n");
    writeFileSync(join(project, "load.cjs"), 'const { workflow } = require("wfgen"); const { checkout } = require("wfgen/actions"); console.log(typeof workflow, typeof checkout);\n');
    expect(must(process.execPath, ["load.cjs"]).stdout).toBe("function function\n");
  });
});

describe("mistakes the types catch are errors of wfgen build, at the line, with nothing written", () => {
  const cases: Array<[string, string, RegExp]> = [
    ['"fetch-depth": "all"', 'checkout({ with: { "fetch-depth": "all" } })', /input "fetch-depth" of actions\/checkout@v\d+ takes a number/],
    ['cache: "bun"', 'setupNode({ with: { cache: "bun" } })', /input "cache" of actions\/setup-node@v\d+ takes one of "npm", "yarn", "pnpm"/],
    ['"persist-credential"', 'checkout({ with: { "persist-credential": false } })', /"persist-credential" is not an input .*did you mean "persist-credentials"/],
    ["outputs.versoin", "{ run: `echo ${co.outputs.versoin}` }", /reads output "versoin" of step/],
  ];
  for (const [name, code, message] of cases) {
    test(name, () => {
      const dir = join(project, `mistake-${name.replace(/\W+/g, "")}`);
      mkdirSync(dir);
      writeFileSync(
        join(dir, "workflows.ts"),
        [
          'import { job, workflow } from "wfgen";',
          'import { checkout, setupNode } from "wfgen/actions";',
          "const co = checkout();",
          "export const ci = workflow(\"ci\", {",
          '  on: "push",',
          `  jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [co, setupNode(), ${code}] }) },`,
          "});",
          "",
        ].join("\n"),
      );
      const result = wfgen(["build", "--cwd", dir]);
      expect(result.stderr).toMatch(/workflows\.ts:6:\d+ error/);
      expect(result.stderr).toMatch(message);
      expect(result.status).toBe(1);
      expect(existsSync(join(dir, ".github"))).toBe(false);
    });
  }
});

describe("tsc on the README, the docs and the examples", () => {
  const sources = documentedSources();
  const ts = (version: string) => join(temp, `typescript-${version}`, "node_modules/typescript/bin/tsc");

  beforeAll(() => {
    const latest = must("npm", ["view", "typescript", "dist-tags.latest"]).stdout.trim();
    for (const version of new Set([OLDEST_TYPESCRIPT, CURRENT_TYPESCRIPT, latest])) {
      const dir = join(temp, `typescript-${version}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), "{}\n");
      must("npm", ["install", "--no-audit", "--no-fund", `typescript@${version}`], { cwd: dir });
    }
    process.env.WFGEN_NEWEST_TYPESCRIPT = latest;
  }, 600_000);

  /**
   * A folder of the project with every documented source, a package.json and a tsconfig, and the binding that
   * the docs' `wfgen add acme/greet@v1` writes (the `wfgen add` tests check it is what the command writes).
   */
  function profile(name: string, type: "module" | "commonjs", compilerOptions: Record<string, unknown> | undefined): string {
    const dir = join(project, "profiles", name);
    mkdirSync(join(dir, "wfgen/actions/acme"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
    writeFileSync(join(dir, "wfgen/actions/acme/greet.ts"), GREET_TS);
    for (const [file, text] of sources) writeFileSync(join(dir, file), text);
    if (compilerOptions) writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { noEmit: true, ...compilerOptions } }));
    return dir;
  }

  function tsc(version: string, dir: string) {
    const result = run(process.execPath, [ts(version), "-p", dir, "--noEmit"], { cwd: dir });
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }

  const strict = { strict: true, module: "nodenext", types: [] };
  const stricter = {
    ...strict,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noPropertyAccessFromIndexSignature: true,
    verbatimModuleSyntax: true,
  };

  test("(a) strict, module nodenext", () => tsc(CURRENT_TYPESCRIPT, profile("a", "module", strict)));
  test("(b) (a) with noUncheckedIndexedAccess, exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature, verbatimModuleSyntax", () =>
    tsc(CURRENT_TYPESCRIPT, profile("b", "module", stricter)));
  test("(c) moduleResolution bundler", () =>
    tsc(CURRENT_TYPESCRIPT, profile("c", "module", { strict: true, module: "esnext", moduleResolution: "bundler", types: [] })));
  test("(d) a CommonJS project, module node16", () =>
    tsc(CURRENT_TYPESCRIPT, profile("d-node16", "commonjs", { strict: true, module: "node16", types: [] })));
  test("(d) a CommonJS project, module commonjs (node10 resolution)", () =>
    tsc(CURRENT_TYPESCRIPT, profile("d-commonjs", "commonjs", { strict: true, module: "commonjs", target: "es2022", types: [] })));
  test("(e) the defaults of tsc --init of the newest TypeScript", () => {
    const newest = process.env.WFGEN_NEWEST_TYPESCRIPT!;
    const dir = profile("e", "module", undefined);
    must(process.execPath, [ts(newest), "--init"], { cwd: dir });
    tsc(newest, dir);
  });
  test(`the oldest TypeScript supported (${OLDEST_TYPESCRIPT}), with (b)'s options`, () =>
    tsc(OLDEST_TYPESCRIPT, profile("oldest", "module", stricter)));

  test("wfgen check --types runs the project's TypeScript on workflows.ts", () => {
    cpSync(join(temp, `typescript-${CURRENT_TYPESCRIPT}`, "node_modules/typescript"), join(project, "node_modules/typescript"), { recursive: true });
    const result = wfgen(["check", "--types"]);
    expect(result.output).toMatch(/type-checked/);
    expect(result.status).toBe(0);
  });
});

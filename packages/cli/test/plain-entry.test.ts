/**
 * Entries run as written, without esbuild (load/plain-entry.ts): which entries may, and that an entry the
 * look at its text lets through but Node refuses, or one whose meaning would differ, still loads as
 * esbuild's TypeScript reads it, with the same messages.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { copyIfPlain, mayBeGenericCall, plainEntrySpecifiers } from "../src/load/plain-entry.ts";
import { moduleFor } from "../src/load/runtime.ts";
import { ensureBuilt, spawnWfgen } from "./built.ts";
import { read, repo, write } from "./helpers.ts";

const RUNTIME = { wfgen: {}, "wfgen/actions": {}, "wfgen/presets": {} };

/**
 * The built bin, as users run it. In this process the plain path cannot run at all (vitest gives Node's
 * `import()` no loader here), so every entry would fall back to esbuild and these tests would see only that.
 */
async function cli(dir: string, args: string[], env: Record<string, string> = {}) {
  ensureBuilt();
  return spawnWfgen(dir, args, env);
}
const HEAD = 'import { job, workflow } from "wfgen";\n';
const ci = (runner: string) =>
  `export const ci = workflow("ci", { on: "push", jobs: { test: job({ "runs-on": ${runner}, steps: [{ run: "npm test" }] }) } });\n`;

describe("which entries run as written", () => {
  test.each([
    ["an entry importing wfgen only", "workflows.ts", HEAD + ci('"ubuntu-latest"'), ["wfgen"]],
    ["a path in a comment", "workflows.ts", `// writes .github/workflows/<name>.yml\n${HEAD}`, ["wfgen"]],
    ["wfgen's other modules", "workflows.mts", `${HEAD}import { checkout } from "wfgen/actions";\nimport { x } from '@wfgen/core';\n`, ["wfgen", "wfgen/actions", "@wfgen/core"]],
  ])("%s", (_, file, source, specifiers) => {
    expect(plainEntrySpecifiers(file, Buffer.from(source), RUNTIME)).toEqual(specifiers);
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
    ["type arguments after a comment", `${HEAD}const v = id/* c */<Object>(1);\n`],
    ["no import at all", ci('"ubuntu-latest"')],
    // Found by an adversarial review: each got past a narrower look, with another result than esbuild's.
    ["nested type arguments", `${HEAD}const runners = new Set<Array<string>>([["x"]]);\n`],
    ["a comment in type arguments", `${HEAD}const v = id</* any */ Object>(1);\n`],
    ["a comment before the arguments", `${HEAD}const v = id<Object> /* why */ (1);\n`],
    ["a generic tag of a template", `${HEAD}const v = tag<Object>\`one\`;\n`],
    ["type arguments before a line break", `${HEAD}const f = id<Object>\ny;\n`],
    ["a dynamic import behind a comment", `${HEAD}const v = (await import /**/ ("./lib.mjs")).name;\n`],
    ["a specifier behind a comment", `${HEAD}import { readFileSync } from /* fs */ "node:fs";\n`],
    ["a specifier behind a no-break space", `${HEAD}import { hostname } from\u00a0"node:os";\n`],
    ["import.meta behind a comment", `${HEAD}const here = import/**/.meta.url;\n`],
    ["an escaped name", `${HEAD}const p = \\u0072equire("node:path");\n`],
    ["a class behind a comment", `${HEAD}class /* base */ Base {}\n`],
    ["a class with a non-ASCII name", `${HEAD}class Basé {}\n`],
    ["a function turned into text", `${HEAD}const script = String(async () => 1);\n`],
    ["toString", `${HEAD}const script = (async () => 1).toString();\n`],
    ["eval", `${HEAD}const v = eval("1");\n`],
    ["a re-export of a module", `${HEAD}export * from "./other";\n`],
    ["a re-export of names", `${HEAD}export { a } from "./other";\n`],
    ["an export behind a comment", `${HEAD}export /* all */ * from "./other";\n`],
  ])("not %s", (_, source) => {
    expect(plainEntrySpecifiers("workflows.ts", Buffer.from(source), RUNTIME)).toBeUndefined();
  });

  test.each(["workflows.tsx", "workflows.cts", "workflows.cjs", "workflows.jsx"])("not %s", (file) => {
    expect(plainEntrySpecifiers(file, Buffer.from(HEAD + ci('"ubuntu-latest"')), RUNTIME)).toBeUndefined();
  });

  test.each([
    ["CRLF line ends", `import { job } from "wfgen";\r\nimport { checkout } from "wfgen/actions";\r\nexport const a = 1;\r\n`, ["wfgen", "wfgen/actions"]],
    ["an import after a lone carriage return", `const a = 1;\rimport { job } from "wfgen";\n`, ["wfgen"]],
    ["a list of names over lines", `import {\n  job,\n  workflow,\n} from "wfgen";\nconst a = 1, b = 2;\nexport {\n  a,\n  b,\n};\n`, ["wfgen"]],
  ])("%s", (_, source, specifiers) => {
    expect(plainEntrySpecifiers("workflows.ts", Buffer.from(source), RUNTIME)).toEqual(specifiers);
  });

  test.each([
    ["an import after code on its line", `const a = 1; import { job } from "wfgen";\n`],
    ["a second import inside the first one's braces", `import {\nimport { a } from "wfgen" } from "wfgen";\n`],
    ["an export inside another's braces", `${HEAD}export { a, export { b } };\n`],
    ["a list of names longer than the look reads", `import { ${"a, ".repeat(1400)}job } from "wfgen";\n`],
  ])("not %s", (_, source) => {
    expect(plainEntrySpecifiers("workflows.ts", Buffer.from(source), RUNTIME)).toBeUndefined();
  });
});

describe("the look at the bytes", () => {
  // What the look was when it read the whole entry as text with these patterns; it must say the same.
  const IMPORT = /^[ \t]*import[ \t]+(?:[\w$]+[ \t]*,[ \t]*)?(?:\{[^}]{0,4000}\}|\*[ \t]+as[ \t]+[\w$]+|[\w$]+)[ \t]+from[ \t]*(["'])([^"'\n]*)\1/gm;
  const EXPORT = /\bexport(?:[ \t]+(?:const|let|var|function|async|default)\b|[ \t]*\{[^}]{0,4000}\}(?![ \t]*from\b))/g;
  const BUNDLER = /\b(?:require|module|exports|__dirname|__filename|eval|class|toString)\b|\bString\s*\(|\\u|(?:[\w$)\]\u0080-\uffff]|\*\/)\s*</;
  const WFGEN = /^(?:wfgen|@wfgen\/[\w-]+)(?:\/[\w-]+)?$/;
  const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;
  function asPatterns(text: string): string[] | undefined {
    if (BUNDLER.test(text)) return undefined;
    const specifiers = new Set<string>();
    let imports = 0;
    for (const match of text.matchAll(IMPORT)) {
      if (!WFGEN.test(match[2]!) || !(RUNTIME as Record<string, object>)[moduleFor(match[2]!)]) return undefined;
      specifiers.add(match[2]!);
      imports++;
    }
    if (imports === 0 || count(text, /\bimport\b/g) !== imports) return undefined;
    if (count(text, /\bexport\b/g) !== count(text, EXPORT)) return undefined;
    return [...specifiers];
  }
  const pieces = [
    ...["import", "export", "import {", "export {", "} from ", " as ", "* as w", "from", '"wfgen"', "'wfgen/actions'", '"@wfgen/core"', '"./x"', '"wfgen/nope"'],
    ...["const", "let", "default", "function", "async", "a", "b", "$", "_", "1", ",", ";", "=", "(", ")", "{", "}", '"', "'", "<", "*/", "/*", "."],
    ...[" ", "\t", "\n", "\r", "\r\n", "\u00a0", "é", "\u0085", "x".repeat(2100)],
    ...["require", "required", "module", "exports", "__dirname", "__filename", "__", "to", "eval", "class", "toString", "String", "String (", "\\u"],
  ];
  test("says what the patterns say of the whole text", () => {
    fc.assert(
      // Half of the texts start with a good import, so that the look goes on to the rest of the imports and the exports.
      fc.property(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (head, parts) => {
        const text = (head ? HEAD : "") + parts.join("");
        expect(plainEntrySpecifiers("workflows.ts", Buffer.from(text, "latin1"), RUNTIME)).toEqual(asPatterns(text));
      }),
      { numRuns: 20000 },
    );
  });

  const dirs: string[] = [];
  const lookDir = (): string => {
    dirs.push(mkdtempSync(join(tmpdir(), "wfgen-look-")));
    return dirs.at(-1)!;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("a window at a time, says what it says of the whole entry, and copies the entry byte for byte", () => {
    const dir = lookDir();
    const entry = join(dir, "workflows.ts");
    // Long pieces, so that texts span several windows: lines of code, a long line, a long run of blanks.
    const long = ["const a = 1;\n".repeat(1500), "x".repeat(20000), " ".repeat(20000), "\n".repeat(17000)];
    let windowed = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...long)), { maxLength: 40 }),
        // The look needs 16 KB of the file on each side of a place it judges.
        fc.integer({ min: 33 * 1024, max: 48 * 1024 }),
        (head, parts, size) => {
          const bytes = Buffer.from((head ? HEAD : "") + parts.join(""), "latin1");
          writeFileSync(entry, bytes);
          rmSync(join(dir, "copy"), { recursive: true, force: true });
          const copied = copyIfPlain(entry, join(dir, "copy"), RUNTIME, Buffer.alloc(size));
          const specifiers = plainEntrySpecifiers(entry, bytes, RUNTIME);
          expect(copied.specifiers).toEqual(specifiers);
          if (specifiers !== undefined) {
            expect(readFileSync(copied.file).equals(bytes)).toBe(true);
            expect(copied.bytes).toBe(bytes.length);
          }
          if (!copied.whole && bytes.length > size) windowed++;
        },
      ),
      { numRuns: 2000 },
    );
    // Most texts longer than a window were judged without reading them again whole.
    expect(windowed).toBeGreaterThan(500);
  });

  test("a window at a time, judges what crosses a window's edge as the whole entry does", () => {
    const dir = lookDir();
    const entry = join(dir, "workflows.ts");
    // What the look must see past a window's edge: blanks or a line longer than the 16 KB it keeps on each side.
    const constructs: Array<(n: number) => string> = [
      (n) => `a${" ".repeat(n)}<b;\n`,
      (n) => `String${" ".repeat(n)}(x);\n`,
      (n) => `a;${" ".repeat(n)}import { job } from "wfgen";\n`,
      (n) => `\n${" ".repeat(n)}import { job } from "wfgen";\n`,
      (n) => `import {\n${"a, ".repeat(1300)}}${" ".repeat(n)}from "wfgen";\n`,
      (n) => `import { job } from "wfgen";${" ".repeat(n)}\nimport { workflow } from "wfgen";\n`,
      (n) => `export { a, export { b } };${" ".repeat(n)}\n`,
      (n) => `export const x = 1;\nexport {${" ".repeat(n)}a };\n`,
      (n) => `export const w = ${"1+".repeat(n)}1;\nexport const v = 2;\n`,
    ];
    const filler = (length: number) => `${"const f = 1;\n".repeat(Math.floor(length / 13))}${"f".repeat(length % 13)}\n`;
    fc.assert(
      fc.property(
        fc.nat(120_000),
        fc.constantFrom(...constructs),
        fc.oneof(fc.nat(40), fc.integer({ min: 15_000, max: 40_000 })),
        fc.nat(40_000),
        fc.integer({ min: 33 * 1024, max: 48 * 1024 }),
        (before, construct, n, after, size) => {
          const bytes = Buffer.from(HEAD + filler(before) + construct(n) + filler(after));
          writeFileSync(entry, bytes);
          const copied = copyIfPlain(entry, join(dir, "copy"), RUNTIME, Buffer.alloc(size));
          expect(copied.specifiers).toEqual(plainEntrySpecifiers(entry, bytes, RUNTIME));
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("a large plain entry is judged a window at a time; a long line beside an export, on the whole entry", () => {
    const dir = lookDir();
    const entry = join(dir, "workflows.ts");
    const body = Array.from({ length: 2000 }, (_, i) => ci('"ubuntu-latest"').replace("const ci", `const ci${i}`)).join("");
    writeFileSync(entry, HEAD + body);
    expect(copyIfPlain(entry, join(dir, "a"), RUNTIME)).toMatchObject({ specifiers: ["wfgen"], whole: false, bytes: (HEAD + body).length });
    expect(readFileSync(join(dir, "a", "entry.mjs"), "utf8")).toBe(HEAD + body);

    writeFileSync(entry, `${HEAD}${body}export const long = ${"1 + ".repeat(70_000)}1;\n${body.replaceAll("const ci", "const more")}`);
    expect(copyIfPlain(entry, join(dir, "b"), RUNTIME)).toMatchObject({ specifiers: ["wfgen"], whole: true });
    expect(readFileSync(join(dir, "b", "entry.mjs"), "utf8")).toBe(readFileSync(entry, "utf8"));
  });

  test("the look stops at the first window that needs the bundler", () => {
    const dir = lookDir();
    const entry = join(dir, "workflows.ts");
    writeFileSync(entry, `${HEAD}const fs = require("node:fs");\n${"const a = 1;\n".repeat(100_000)}`);
    const copied = copyIfPlain(entry, join(dir, "copy"), RUNTIME);
    expect(copied).toMatchObject({ specifiers: undefined, whole: false });
    expect(copied.bytes).toBe(256 * 1024);
  });
});

test("an entry run as written keeps its text: non-ASCII names reach the YAML as written", async () => {
  const dir = repo({
    "workflows.ts": `${HEAD}export const ci = workflow("ci", { name: "Déploiement 🚀", on: "push", jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [{ run: "echo ünïcödé" }] }) } });\n`,
  });
  expect((await cli(dir, ["build", "--quiet"])).code).toBe(0);
  expect(read(dir, ".github/workflows/ci.yml")).toContain("name: Déploiement 🚀\n");
  expect(read(dir, ".github/workflows/ci.yml")).toContain("echo ünïcödé");
});

test("an entry importing every wfgen module runs as written, without esbuild", async () => {
  // The runtime packages of a plain entry set this flag while it loads; esbuild's modules do not.
  const path = 'typeof globalThis[Symbol.for("wfgen.plain-entry.evaluated")]';
  const dir = repo({
    "workflows.ts": [
      'import { job, workflow } from "wfgen";',
      'import { checkout } from "wfgen/actions";',
      'import * as presets from "wfgen/presets";',
      'import { job as coreJob } from "@wfgen/core";',
      `const loadedBy = ${path};`,
      'export const ci = workflow("ci", { name: `${loadedBy} ${typeof presets} ${coreJob === job}`, on: "push", jobs: { t: job({ "runs-on": "ubuntu-latest", steps: [checkout({ with: { "persist-credentials": false } }), { run: "x" }] }) } });',
      "",
    ].join("\n"),
  });
  expect((await cli(dir, ["pin", "--offline", "--quiet"])).code).toBe(0);
  expect(await cli(dir, ["build", "--quiet"])).toMatchObject({ code: 0, stderr: "" });
  expect(read(dir, ".github/workflows/ci.yml")).toContain("name: boolean object true\n");
});

describe("a `<` that may open type arguments", () => {
  // The scan from each `<` back must find exactly what this pattern finds (it was the look's pattern).
  const PATTERN = /(?:[\w$)\]\u0080-\uffff]|\*\/)\s*</;
  const pieces = ["<", ">", "*", "/", "*/", " ", "\t", "\n", "\u00a0", "\u0085", "a", "_", "$", "1", ")", "]", "(", "=", ",", "-", "é", "\r"];

  test("finds what the pattern finds, on any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join("")), (text) => {
        expect(mayBeGenericCall(Buffer.from(text, "latin1"))).toBe(PATTERN.test(text));
      }),
      { numRuns: 20000 },
    );
  });

  test.each([
    ["f<T>(x)", true],
    ["f <T>(x)", true],
    ["a /* c */ <b>", true],
    ["x = 1 < 2", true],
    ["(<T>x)", false],
    ["// <name>.yml\n", false],
    ["\u00a0<", true],
  ])("%j: %s", (text, expected) => {
    expect(mayBeGenericCall(Buffer.from(text))).toBe(expected);
  });
});

describe("an entry Node refuses, or would read otherwise, loads as TypeScript", () => {
  test.each([
    ["a type annotation", `${HEAD}const runner: string = "ubuntu-22.04";\n${ci("runner")}`],
    ["import type", `import { job, workflow, type Workflow } from "wfgen";\nconst runner = "ubuntu-22.04" as const;\n${ci("runner")}`],
    ["a generic call with a type argument", `${HEAD}const runner = String<unknown>("ubuntu-22.04");\n${ci("runner")}`],
    ["an import wfgen does not export, unused (TypeScript drops it)", `import { job, workflow, Nope } from "wfgen";\n${ci('"ubuntu-22.04"')}`],
  ])("%s", async (_, source) => {
    const dir = repo({ "workflows.ts": source });
    const result = await cli(dir, ["build", "--quiet"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, ".github/workflows/ci.yml")).toContain("runs-on: ubuntu-22.04\n");
  });

  test.each([
    ["nested type arguments", 'const runner = [...new Set<Array<string>>([["ubuntu-22.04"]])][0]![0]!;'],
    ["a comment in type arguments", 'const id = <T,>(x: T) => x;\nconst runner = id</* a name */ String>("ubuntu-22.04");'],
  ])("%s: TypeScript's meaning, not JavaScript's", async (_, line) => {
    const dir = repo({ "workflows.ts": `${HEAD}${line}\n${ci("runner")}` });
    expect(await cli(dir, ["build", "--quiet"])).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, ".github/workflows/ci.yml")).toContain("runs-on: ubuntu-22.04\n");
  });

  test("an import of node's modules behind a comment is seen by the content cache: a changed file it reads fails check", async () => {
    const dir = repo({ "runner.txt": "ubuntu-22.04\n", "node_modules/.keep": "" });
    // An absolute path: the file is read wherever the entry runs.
    const runnerFile = JSON.stringify(join(dir, "runner.txt"));
    write(dir, {
      "workflows.ts": `${HEAD}import { readFileSync } from /* fs */ "node:fs";\nconst runner = readFileSync(${runnerFile}, "utf8").trim();\n${ci("runner")}`,
    });
    expect((await cli(dir, ["build", "--quiet"], { CI: "" })).code).toBe(0);
    expect((await cli(dir, ["check"], { CI: "" })).code).toBe(0);
    write(dir, { "runner.txt": "ubuntu-24.04\n" });
    expect((await cli(dir, ["check"], { CI: "" })).code).toBe(1);
  });

  test("an entry whose name is as long as the system allows loads (the copy has a name of wfgen's own)", async () => {
    const name = `${"w".repeat(252)}.ts`;
    const dir = repo({ [name]: HEAD + ci('"ubuntu-22.04"') });
    expect(await cli(dir, ["build", "--quiet", "--entry", name])).toMatchObject({ code: 0, stderr: "" });
  });

  test("a syntax error is esbuild's message at its line", async () => {
    const dir = repo({ "workflows.ts": `${HEAD}const runner = ;\n${ci("runner")}` });
    const result = await cli(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:2:16: error: Unexpected ";"/);
  });

  test("a SyntaxError thrown while running is the entry's error at its line, and the entry ran once", async () => {
    const dir = repo({ "workflows.ts": `${HEAD}console.error("loading");\nJSON.parse("{");\n${ci('"x"')}` });
    const result = await cli(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^loading\nworkflows\.ts:3:6: error: SyntaxError: /);
  });
});

describe("an error the entry leaves behind as it loads is the entry's error", () => {
  const CI = ci('"ubuntu-22.04"');
  test.each([
    ["a timer's callback that throws", 'setTimeout(() => { throw new Error("late"); }, 0);', /^workflows\.ts:2:26: error: late\n  2 \| setTimeout/],
    ["a rejected promise", 'Promise.reject(new RangeError("rejected"));', /^workflows\.ts:2:16: error: RangeError: rejected\n/],
    ["an async function nothing awaits", "(async () => { await null; throw new Error(\"async\"); })();", /^workflows\.ts:2:34: error: async\n/],
    ["a rejection with no error in it", 'Promise.reject("just text");', /^workflows\.ts: error: just text\n/],
    ["the same in TypeScript", 'const n: number = 1;\nsetTimeout(() => { throw new Error(`late ${n}`); }, 0);', /^workflows\.ts:3:26: error: late 1\n/],
    ["a package the entry imports", 'import { later } from "boom";\nlater();', /^workflows\.ts: error: from a package\n/],
  ])("%s: exit 2 at its line, nothing written, no temporary files left", async (_, line, message) => {
    const dir = repo({
      "workflows.ts": `${HEAD}${line}\n${CI}`,
      "node_modules/boom/package.json": JSON.stringify({ name: "boom", type: "module", exports: "./index.js" }),
      "node_modules/boom/index.js": 'export function later() { setTimeout(() => { throw new Error("from a package"); }); }\n',
    });
    const temporary = repo({});
    const result = await cli(dir, ["build"], { TMPDIR: temporary });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\nworkflows\.ts left an error that nothing handled \(from a timer or a promise\); nothing was written\.\n$/);
    expect(existsSync(join(dir, ".github"))).toBe(false);
    expect(readdirSync(temporary)).toEqual([]);
  });
});

test.each([
  ["as written", ""],
  ["through esbuild", "const n: number = 1;\r"],
])("a file with lone carriage returns for line ends, %s: the error's code frame shows its line", async (_, typed) => {
  const source = `${HEAD.trimEnd()}\r${typed}const x = 1;\rthrow new Error("cr boom");\r${ci('"x"').trimEnd()}\r`;
  const dir = repo({ "workflows.ts": source });
  const line = typed ? 4 : 3;
  const result = await cli(dir, ["build"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`^workflows\\.ts:${line}:7: error: cr boom\\n  ${line} \\| throw new Error\\("cr boom"\\);\\n`));
});

describe("a file that starts with a byte order mark: line 1's columns are the ones an editor shows", () => {
  const BOM = "\uFEFF";
  test.each([
    ["as written", "const x = 1;", 59],
    ["through esbuild", "const x: number = 1;", 67],
  ])("an error thrown %s", async (_, declaration, column) => {
    const dir = repo({ "workflows.ts": `${BOM}${HEAD.trimEnd()} ${declaration} throw new Error("bom boom");\n` });
    const result = await cli(dir, ["build"]);
    expect(result.code).toBe(2);
    // The frame shows the line without the mark, and the caret under `new`.
    const line = `${HEAD.trimEnd()} ${declaration} throw new Error("bom boom");`;
    expect(result.stderr).toMatch(new RegExp(`^workflows\\.ts:1:${column}: error: bom boom\\n  1 \\| ${escape(line)}\\n {4}\\| {${column}}\\^\\n`));
  });

  test("a syntax error (esbuild counts the mark's three bytes)", async () => {
    const dir = repo({ "workflows.ts": `${BOM}${HEAD.trimEnd()} const x: number = ;\n` });
    const result = await cli(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:1:58: error: Unexpected ";"\n/);
  });

  test("a finding at a step on line 1", async () => {
    const entry = `${HEAD.trimEnd()} ${ci('"ubuntu-latest"').replace("npm test", "echo ${{ github.event.issue.title }}")}`;
    const withMark = repo({ "workflows.ts": BOM + entry });
    const without = repo({ "workflows.ts": entry });
    const [a, b] = [await cli(withMark, ["build"]), await cli(without, ["build"])];
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^workflows\.ts:1:\d+ error \[template-injection\]/);
    expect(a.stderr).toBe(b.stderr);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

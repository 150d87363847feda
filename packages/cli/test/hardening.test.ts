/**
 * The standing battery of bad input and hostile servers (issue 14; docs/security.md): file names that are
 * paths, links out of the project, pins that are not SHAs, a token an API could steal, pagination and
 * answers without end, files without end, and user errors that must never look like wfgen bugs. Each case
 * goes through the CLI as a user runs it and asserts the exit code, the message and what was (not) written.
 * Full-disk failures are in full-disk.test.ts, the built bin's own cases in hardening-bin.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { read, repo, snapshot, wfgen, workflowsTs, write } from "./helpers.ts";
import { answering, GOOD_SHA, json, startServer, tagList, usesTs } from "./hostile-api.ts";

const JOB = 'jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [{ run: "npm test" }] }) }';
const named = (...names: string[]): string =>
  [
    'import { job, workflow } from "wfgen";',
    ...names.map((name, i) => `export const w${i} = workflow(${JSON.stringify(name)}, { on: "push", ${JOB} });`),
    "",
  ].join("\n");

/** The intents wfgen.lock.json pins (none when pin wrote no file). */
function lockedIntents(dir: string): string[] {
  return existsSync(join(dir, "wfgen.lock.json")) ? Object.keys(JSON.parse(read(dir, "wfgen.lock.json")).actions) : [];
}

/** Run `args` as text and as --json: the same exit code, and --json prints one object with ok: false. */
async function bothWays(dir: string, args: string[], env: Record<string, string> = {}) {
  const text = await wfgen(dir, args, env);
  const asJson = await wfgen(dir, [...args, "--json"], env);
  expect(asJson.code).toBe(text.code);
  expect(asJson.stderr).toBe("");
  const parsed = JSON.parse(asJson.stdout) as { ok: boolean; error?: { code: string; message: string } };
  expect(parsed.ok).toBe(false);
  return { ...text, json: parsed };
}

describe("workflow file names", () => {
  test.each([
    ["../../../escape", /contains a path separator/],
    ["sub/x", /contains a path separator/],
    ["", /the file name is empty/],
    [".", /starts with "\."/],
    ["..", /starts with "\."/],
    ["a\nb", /contains "\\n"/],
    ["x".repeat(240), /is 244 characters long; at most 200 are accepted/],
    ["-rf", /starts with "-"/],
    ["con", /Windows reserves this name/],
  ])("workflow(%j) is an error at its workflows.ts line, and nothing is written", async (name, message) => {
    // The project sits in a folder of its own, so a name that climbs out lands where the snapshot sees it.
    const outer = repo({});
    const dir = join(outer, "project");
    write(dir, { "workflows.ts": named("ok", name) });
    const before = snapshot(outer);
    const result = await bothWays(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:3:\d+: error: workflow\(/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("internal error");
    expect(result.json.error).toMatchObject({ code: "entry-threw" });
    expect(snapshot(outer)).toEqual(before);
  });

  test("an absolute name writes nothing anywhere", async () => {
    const outside = mkdtempSync(join(tmpdir(), "wfgen-abs-"));
    try {
      const dir = repo({ "workflows.ts": named(join(outside, "x")) });
      const result = await wfgen(dir, ["build"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^workflows\.ts:2:\d+: error: .*contains a path separator/);
      expect(readdirSync(outside)).toEqual([]);
      expect(existsSync(join(dir, ".github"))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test("a preset's file option is checked the same way, at the line that calls the preset", async () => {
    const dir = repo({
      "workflows.ts": 'import { driftCheck } from "wfgen/presets";\n\nexport const check = driftCheck({ file: "../x" });\n',
    });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:3:\d+: error: workflow\("\.\.\/x", \.\.\.\): the file name contains a path separator/);
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  test("two names that differ only in case are one file on macOS and Windows: an error at the second's line", async () => {
    const dir = repo({ "workflows.ts": named("CI", "ci") });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /workflows\.ts:3:\d+ error \[duplicate-output-file\] ci\.yml\n {2}the exports "w0" and "w1" both write CI\.yml and ci\.yml, one file on macOS and Windows/,
    );
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });
});

describe("writes stay inside the project", () => {
  test.each(["outside the project", "inside the project"])(
    "a symbolic link as .github/workflows (pointing %s) is an error; nothing is written through it",
    async (where) => {
      const outside = mkdtempSync(join(tmpdir(), "wfgen-link-target-"));
      try {
        const dir = repo({ "workflows.ts": workflowsTs("ci"), "generated/.keep": "" });
        mkdirSync(join(dir, ".github"));
        const target = where === "outside the project" ? outside : join(dir, "generated");
        symlinkSync(target, join(dir, ".github/workflows"));
        const before = snapshot(dir);
        for (const command of ["build", "check"]) {
          const result = await bothWays(dir, [command]);
          expect(result.code).toBe(2);
          expect(result.stderr).toBe(
            `error: .github/workflows is a symbolic link (to ${target}); wfgen does not write through links, so that nothing it writes can land outside the project.\nReplace the link with a real folder.\n`,
          );
          expect(result.json.error).toMatchObject({ code: "symbolic-link" });
        }
        expect(readdirSync(outside)).toEqual([]);
        expect(snapshot(dir)).toEqual(before);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    },
  );

  test("a linked .github (the folder above) is refused too", async () => {
    const outside = mkdtempSync(join(tmpdir(), "wfgen-link-target-"));
    try {
      const dir = repo({ "workflows.ts": workflowsTs("ci") });
      symlinkSync(outside, join(dir, ".github"));
      const result = await wfgen(dir, ["build"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error: \.github is a symbolic link/);
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test("--out outside the project is refused before anything is written", async () => {
    const dir = repo({ "project/workflows.ts": workflowsTs("ci") });
    const result = await bothWays(join(dir, "project"), ["build", "--out", "../elsewhere"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: \.\.\/elsewhere is outside the project \(\.\); wfgen writes only inside it\./);
    expect(existsSync(join(dir, "elsewhere"))).toBe(false);
  });

  test("a generated file replaced by a link is not written through", async () => {
    const outside = mkdtempSync(join(tmpdir(), "wfgen-link-target-"));
    try {
      const dir = repo({ "workflows.ts": workflowsTs("ci") });
      expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
      writeFileSync(join(outside, "ci.yml"), read(dir, ".github/workflows/ci.yml").replace("npm test", "npm t"));
      rmSync(join(dir, ".github/workflows/ci.yml"));
      symlinkSync(join(outside, "ci.yml"), join(dir, ".github/workflows/ci.yml"));
      const result = await wfgen(dir, ["build"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error: \.github\/workflows\/ci\.yml is a symbolic link/);
      expect(read(outside, "ci.yml")).toContain("npm t\n");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("pins from the API", () => {
  test.each([
    ["a command", "not-a-sha; rm -rf /", '"not-a-sha; rm -rf /"'],
    ["uppercase hex", GOOD_SHA.toUpperCase(), `"${GOOD_SHA.toUpperCase()}"`],
    ["39 digits", GOOD_SHA.slice(1), `"${GOOD_SHA.slice(1)}"`],
    ["a line break and an escape", "abc\n\u001b[2J", '"abc\\n\\u001b[2J"'],
    ["a number", 42, "42"],
  ])("pin refuses %s as a SHA, quoting the answer escaped, and writes nothing", async (_, sha, quoted) => {
    const api = await answering("v1", sha);
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await bothWays(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: cannot pin acme/widget@v1 (ci.yml › test › step #1): the GitHub API at ${api.url} gave ${quoted} as the object of the tag v1 of acme/widget, which is not a commit SHA (40 lowercase hex digits); wfgen pinned nothing from it\n`,
    );
    expect(result.stderr).not.toContain("\u001b");
    expect(lockedIntents(dir)).toEqual([]);
  });

  test("update keeps the valid pin when the API answers with a broken one", async () => {
    const api = await answering("v1", "not-a-sha");
    const lock = `${JSON.stringify({ version: 1, actions: { "acme/widget@v1": { sha: GOOD_SHA, tag: "v1.0.0", resolvedAt: "2026-01-01T00:00:00.000Z" } } }, null, 2)}\n`;
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1"), "wfgen.lock.json": lock });
    const result = await wfgen(dir, ["update"], { WFGEN_GITHUB_API_URL: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gave "not-a-sha" as the object of the tag v1 of acme/widget');
    expect(JSON.parse(read(dir, "wfgen.lock.json"))).toEqual(JSON.parse(lock));
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
  });

  test("a tag name that could hide text in the comment is refused", async () => {
    const api = await startServer((_req, res) => json(res, tagList("v1 # v9.9.9", GOOD_SHA)));
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('listed "refs/tags/v1 # v9.9.9" among the tags of acme/widget');
    expect(lockedIntents(dir)).toEqual([]);
  });
});

describe("the token", () => {
  const TOKEN = "ghp_plantedTOKENvalue0123456789abcdefghij";

  test("a Link header to another origin is not followed: that server never hears of the token", async () => {
    const thief = await startServer((_req, res) => json(res, []));
    const api = await startServer((_req, res) =>
      json(res, tagList("v1.0.0", GOOD_SHA), { link: `<${thief.url}/steal?page=2>; rel="next"` }),
    );
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `the GitHub API at ${api.url} pointed wfgen at "${thief.url}/steal?page=2", which is not under ${api.url}; wfgen does not send requests (or the token) elsewhere`,
    );
    expect(thief.requests).toEqual([]);
    expect(api.requests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  test("a redirect to another origin is followed without the token", async () => {
    const other = await startServer((_req, res) => json(res, tagList("v1.0.0", GOOD_SHA)));
    const api = await startServer((_req, res) => {
      res.writeHead(302, { location: `${other.url}/moved` });
      res.end();
    });
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await wfgen(dir, ["pin", "--quiet"], { WFGEN_GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(api.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(other.requests).toEqual([{ path: "/moved", authorization: undefined }]);
  });

  test.each([
    ["a line break", `${TOKEN}\nsecond-line`],
    ["a space", `${TOKEN} trailing`],
  ])("a token with %s is refused without being printed", async (_, token) => {
    const api = await answering("v1", GOOD_SHA);
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await bothWays(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, GITHUB_TOKEN: token });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `the token in GITHUB_TOKEN holds a space, a line break or another character no token has (it is ${token.length} characters long)`,
    );
    expect(`${result.stdout}${result.stderr}${JSON.stringify(result.json)}`).not.toContain(TOKEN);
    expect(api.requests).toEqual([]);
  });

  test("no command prints a planted token, whatever the API echoes back", async () => {
    // The API puts the token everywhere it can: in a SHA, a tag name, the status text, a next-page link.
    const shapes = [
      (res: import("node:http").ServerResponse) => json(res, tagList("v1", TOKEN)),
      (res: import("node:http").ServerResponse) => json(res, tagList(`v1-${TOKEN}`, GOOD_SHA)),
      (res: import("node:http").ServerResponse) => {
        res.writeHead(500, TOKEN);
        res.end(TOKEN);
      },
      (res: import("node:http").ServerResponse) => json(res, TOKEN),
      (res: import("node:http").ServerResponse) => json(res, [], { link: `<http://${TOKEN}.example/x>; rel="next"` }),
    ];
    for (const shape of shapes) {
      const api = await startServer((_req, res) => shape(res));
      const dir = repo({
        "workflows.ts": usesTs("acme/widget@v1"),
        "action.yml": "name: x\ndescription: x\nruns:\n  using: node20\n  main: index.js\n",
        ".github/workflows/old.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
      });
      for (const token of [TOKEN, `${TOKEN}\n`]) {
        const env = { WFGEN_GITHUB_API_URL: api.url, GITHUB_TOKEN: token, GH_TOKEN: token };
        for (const args of [
          ["pin"],
          ["update"],
          ["update", "--major"],
          ["add", "acme/widget@v1"],
          ["add", "acme/widget@v1", "--from", "action.yml", "--force"],
          ["sync"],
          ["build"],
          ["check"],
          ["lint"],
          ["explain", "ci"],
          ["import", ".github/workflows/old.yml", "--out", "imported.ts", "--force"],
          ["init", "--entry", "other.ts"],
          ["--help"],
          ["pin", "--bad-flag"],
        ]) {
          for (const extra of [[], ["--json"]]) {
            const result = await wfgen(dir, [...args, ...extra], env);
            expect(`${result.stdout}${result.stderr}`, `wfgen ${args.join(" ")}`).not.toContain(TOKEN);
            expect(result.code, `wfgen ${args.join(" ")}`).toBeLessThan(3);
          }
        }
      }
    }
  }, 120_000);
});

describe("bounded work against the API", () => {
  test("a Link header back to the same page stops at once with a clear error", async () => {
    const api = await startServer((req, res, url, self) =>
      json(res, tagList("v1.0.0", GOOD_SHA), { link: `<${self.url}${url.pathname}${url.search}>; rel="next"` }),
    );
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await bothWays(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sent the tags of acme\/widget in a loop: its next page is ".*", a page it sent already/);
    expect(api.requests.length).toBe(4); // two pages for the text run, two for --json
  });

  test("pages without end stop at WFGEN_API_MAX_PAGES", async () => {
    const api = await startServer((_req, res, url, self) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      json(res, [], { link: `<${self.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` });
    });
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, WFGEN_API_MAX_PAGES: "5" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `the GitHub API at ${api.url} sent more than 5 pages of tags of acme/widget; wfgen stopped there\n  Fix: raise WFGEN_API_MAX_PAGES if the repository really has that many tags\n`,
    );
    expect(api.requests.length).toBe(5);
  });

  test.each([
    ["never answers", () => undefined],
    [
      "sends headers, then stalls the body",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write("[");
      },
    ],
  ])("an API that %s times out after WFGEN_API_TIMEOUT", async (_, respond) => {
    const api = await startServer((_req, res) => respond(res));
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const started = Date.now();
    const result = await bothWays(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, WFGEN_API_TIMEOUT: "0.3" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^note: the GitHub API at http:\/\/127\.0\.0\.1:\d+ did not answer GET \/repos\/acme\/widget\/git\/matching-refs\/tags\/v1\?per_page=100 within 0\.3 s \(WFGEN_API_TIMEOUT\); resolving from wfgen's offline catalog/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test("all requests together stop at WFGEN_API_DEADLINE", async () => {
    const api = await startServer(() => undefined);
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, WFGEN_API_DEADLINE: "0.3" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("took longer than 0.3 s in all (WFGEN_API_DEADLINE)");
  });

  test.each([
    ["invalid JSON", (res: import("node:http").ServerResponse) => json(res, "[{"), /answered GET \S+ with "\[\{", which is not JSON/],
    ["an object for a list", (res: import("node:http").ServerResponse) => json(res, { message: "hi" }), /answered the list of tags of acme\/widget with an object \{"message":"hi"\}, not a list/],
    ["a ref without its object", (res: import("node:http").ServerResponse) => json(res, [{ ref: "refs/tags/v1" }]), /gave nothing as the object of the tag v1 of acme\/widget/],
    ["a body over WFGEN_MAX_FILE_SIZE", (res: import("node:http").ServerResponse) => json(res, `[${" ".repeat(5000)}]`), /answered GET \S+ with more than 4\.9 KiB \(WFGEN_MAX_FILE_SIZE\)/],
  ])("an API answering with %s is a clear error (exit 1), not a crash", async (_, respond, message) => {
    const api = await startServer((_req, res) => respond(res));
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await bothWays(dir, ["pin"], { WFGEN_GITHUB_API_URL: api.url, WFGEN_MAX_FILE_SIZE: "5000" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("internal error");
  });

  test("a bad limit in the environment is exit 2", async () => {
    const dir = repo({ "workflows.ts": usesTs("acme/widget@v1") });
    const result = await bothWays(dir, ["pin"], { WFGEN_API_TIMEOUT: "soon" });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: WFGEN_API_TIMEOUT="soon" is not a positive number of seconds; unset it for the default (30).\n',
    );
  });
});

describe("bounded reads", () => {
  const big = (bytes: number): string =>
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${"          echo padding\n".repeat(Math.ceil(bytes / 23))}`;

  test("lint and import refuse a file over WFGEN_MAX_FILE_SIZE without reading it", async () => {
    const dir = repo({ "big.yml": big(6 * 1024 * 1024) });
    const lint = await bothWays(dir, ["lint", "big.yml"]);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/^big\.yml: error: cannot read big\.yml: it is 6 MiB, more than the 5 MiB wfgen reads \(WFGEN_MAX_FILE_SIZE raises the limit\)\n$/);
    const imported = await wfgen(dir, ["import", "big.yml"]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("big.yml: error: cannot read it: it is 6 MiB, more than the 5 MiB wfgen reads");
    expect(existsSync(join(dir, "workflows.ts"))).toBe(false);
    expect((await wfgen(dir, ["lint", "big.yml", "--quiet"], { WFGEN_MAX_FILE_SIZE: "7000000" })).code).toBe(0);
  });

  test("a .yml link to /dev/zero and a FIFO: lint refuses them at once, check and build pass them by", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    symlinkSync("/dev/zero", join(dir, ".github/workflows/zero.yml"));
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [join(dir, ".github/workflows/pipe.yml")]);
    expect(await wfgen(dir, ["check", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await wfgen(dir, ["build", "--quiet", "--prune"])).code).toBe(0);
    const zero = await wfgen(dir, ["lint", ".github/workflows/zero.yml"]);
    expect(zero).toMatchObject({ code: 2, stderr: expect.stringContaining("cannot read .github/workflows/zero.yml: it is a device, not a regular file") });
    const pipe = await wfgen(dir, ["lint", ".github/workflows/pipe.yml"]);
    expect(pipe).toMatchObject({ code: 2, stderr: expect.stringContaining("it is a named pipe, not a regular file") });
  });

  test("a FIFO where a generated file goes stops build and check with exit 2", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    mkdirSync(join(dir, ".github/workflows"), { recursive: true });
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [join(dir, ".github/workflows/ci.yml")]);
    for (const command of ["build", "check"]) {
      const result = await bothWays(dir, [command]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("cannot read .github/workflows/ci.yml: it is a named pipe, not a regular file");
    }
  });

  const HELPER_USER = [
    'import { job, workflow } from "wfgen";',
    'import { runner } from "./lib";',
    'export const ci = workflow("ci", { on: "push", jobs: { t: job({ "runs-on": runner, steps: [{ run: "a" }] }) } });',
    "",
  ].join("\n");
  test.each([
    ["workflows.ts is a FIFO", "workflows.ts", "fifo", /^workflows\.ts: error: cannot read workflows\.ts: it is a named pipe, not a regular file\./],
    ["workflows.ts links to /dev/zero", "workflows.ts", "zero", /^workflows\.ts: error: cannot read workflows\.ts: it is a device, not a regular file\./],
    ["a file it imports is a FIFO", "lib.ts", "fifo", /^workflows\.ts:2:\d+: error: cannot read lib\.ts: it is a named pipe, not a regular file/],
    ["a file it imports links to /dev/zero", "lib.ts", "zero", /^workflows\.ts:2:\d+: error: cannot read \/dev\/zero: it is a device, not a regular file/],
  ])("%s: build and check stop at once with exit 2, nothing written", async (_, name, kind, message) => {
    const dir = repo(name === "workflows.ts" ? {} : { "workflows.ts": HELPER_USER });
    const { execFileSync } = await import("node:child_process");
    if (kind === "fifo") execFileSync("mkfifo", [join(dir, name)]);
    else symlinkSync("/dev/zero", join(dir, name));
    for (const command of ["build", "check"]) {
      const result = await bothWays(dir, [command]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  test("an alias bomb: add --from refuses it as action.yml (exit 2), lint as YAML", async () => {
    const levels = Array.from({ length: 9 }, (_, i) =>
      i === 0 ? "  l0: &l0 [x, x, x, x, x, x, x, x, x]" : `  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(", ")}]`,
    );
    const bomb = `name: bomb\ndescription: x\nruns:\n  using: node20\n  main: index.js\nextra:\n${levels.join("\n")}\n`;
    const dir = repo({ "workflows.ts": workflowsTs("ci"), "action.yml": bomb, "bomb.yml": `on: push\n${levels.join("\n").replaceAll("  l", "l")}\njobs: {}\n` });
    const add = await bothWays(dir, ["add", "acme/bomb@v1", "--from", "action.yml", "--offline"]);
    expect(add.code).toBe(2);
    expect(add.stderr).toMatch(/^action\.yml: error: action\.yml: action\.yml cannot be read as data: Excessive alias count/m);
    const lint = await wfgen(dir, ["lint", "bomb.yml"]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain("[yaml-syntax] the YAML cannot be read as data: Excessive alias count");
  });
});

describe("user errors are exit 1 or 2 at the user's line, never 'a bug in wfgen'", () => {
  const wf = (steps: string, extra = ""): string =>
    `import { job, workflow, sh, pwsh, expr, github, not } from "wfgen";\n${extra}\nexport const ci = workflow("ci", {\n  on: "push",\n  jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [\n    ${steps},\n  ] }) },\n});\n`;
  test.each([
    ["a constant holding ${{", wf('sh`echo ${"${{ github.ref }}"}`'), 1, /error \[unsafe-script\] ci\.yml › test › step #1 \(jobs\.test\.steps\[0\]\.run\)\n {2}the script text contains '\$\{\{'/],
    ["a NUL in a script", wf('sh`echo ${"a\\u0000b"}`'), 1, /\[unsafe-script\].*\n {2}the script contains a NUL character/],
    ["an expression in a quoted heredoc", wf("sh`cat <<'EOF'\n${github.ref}\nEOF`"), 1, /\[unsafe-script\].*\n {2}cannot pass \$\{\{ github\.ref \}\} to the script: it is inside a here-document with a quoted delimiter/],
    ["an expression in pwsh single quotes", wf("pwsh`Write-Output '${github.ref}'`"), 1, /\[unsafe-script\].*\n {2}cannot pass \$\{\{ github\.ref \}\} to the script: PowerShell expands nothing in single quotes/],
    ["an expression in shell arithmetic", wf("sh`echo $(( ${github.event.issue.title} + 1 ))`"), 1, /\[unsafe-script\].*\n {2}cannot pass \$\{\{ github\.event\.issue\.title \}\} into shell arithmetic/],
    ["a BigInt", wf('{ run: "make", raw: { retries: 3n } as never }'), 1, /error \[invalid-value\] ci\.yml\n {2}jobs\.test\.steps\[0\]\.raw\.retries is the BigInt 3n, which YAML cannot hold/],
    ["a value that contains itself", wf('{ run: "make", env: loop }', "const loop: Record<string, unknown> = { A: \"1\" };\nloop.self = loop;"), 1, /error \[invalid-value\] ci\.yml\n {2}jobs\.test\.steps\[0\]\.env\.self contains itself \(a circular reference\)/],
    ["an expression nested 5,000 deep", wf('{ run: "make", if: deep }', "let deep = github.ref.eq(\"x\");\nfor (let i = 0; i < 5000; i++) deep = not(deep);"), 2, /^workflows\.ts:\d+:\d+: error: an expression nests more than 256 levels deep/],
    ["a null step", wf('{ run: "make" }, null as never'), 1, /error \[invalid-workflow\] ci\.yml › test › step #2 \(jobs\.test\.steps\[1\]\)\n {2}step #2 of job "test" is null, not a step\n/],
    ["an undefined item in a list", wf('{ run: "make" }, undefined as never'), 1, /error \[invalid-value\] ci\.yml\n {2}jobs\.test\.steps\[1\] is undefined, which a YAML list cannot hold; leave it out of the list/],
    [
      "a getter that throws when wfgen reads the step",
      wf("step", 'const step = {\n  get run(): string {\n    throw new Error("no script yet");\n  },\n};'),
      2,
      /^workflows\.ts:4:11: error: no script yet\n.*\n.*\n {4}at .*get run \[as run\] \(workflows\.ts:4:11\)\nworkflows\.ts threw while wfgen read its workflows; nothing was written\./,
    ],
  ])("%s", async (_, source, code, message) => {
    const dir = repo({ "workflows.ts": source });
    const before = snapshot(dir);
    const result = await bothWays(dir, ["build"]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error|bug in wfgen|    at .*chunk/);
    if (code === 1) expect(result.stderr).toMatch(/^workflows\.ts:\d+:\d+ error/);
    expect(snapshot(dir)).toEqual(before);
  });

  test("a bad flag next to --json is reported as JSON", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    const result = await wfgen(dir, ["build", "--frobnicate", "--json"]);
    expect(result).toMatchObject({ code: 2, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      command: "build",
      ok: false,
      error: { code: "unknown-option", message: "wfgen build: unknown option --frobnicate. Run `wfgen build --help` for the options." },
    });
  });

  test("a real bug is exit 3, and --json still prints its object", async () => {
    const io = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      get cwd(): string {
        throw new TypeError("a planted bug");
      },
      env: {},
      isTTY: false,
    };
    let out = "";
    let err = "";
    const { run } = await import("../src/cli.ts");
    expect(await run(["build", "--json"], io)).toBe(3);
    expect(JSON.parse(out)).toEqual({
      version: 1,
      command: "build",
      ok: false,
      error: { code: "internal-error", message: "a planted bug" },
    });
    expect(err).toMatch(/^wfgen: internal error: TypeError: a planted bug\n/);
  });
});

describe("smaller items", () => {
  test("an entry that calls process.exit(0) while loading is an error at that line; check does not pass", async () => {
    const dir = repo({ "workflows.ts": `${workflowsTs("ci")}process.exit(0);\n` });
    const result = await bothWays(dir, ["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^workflows\.ts:\d+:\d+: error: workflows\.ts called process\.exit\(0\) while loading; an entry file only exports workflows\n/);
  });

  test("import refuses a Latin-1 file, naming the byte and its line", async () => {
    const dir = repo({});
    writeFileSync(
      join(dir, "ci.yml"),
      Buffer.concat([Buffer.from("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    const result = await wfgen(dir, ["import", "ci.yml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "ci.yml: error: cannot read it: it is not UTF-8 text (byte 0xe9 on line 6), and GitHub reads workflow files as UTF-8; convert it first, for example with iconv -f latin1 -t utf-8\n",
    );
    expect(existsSync(join(dir, "workflows.ts"))).toBe(false);
  });

  test("a bot's uses: line that is not a pin sync can take is drift to build away, not a sync loop", async () => {
    const sha = "11bd71901bbe5b1630ceea73d27597364c9af683";
    const lock = { version: 1, actions: { "actions/checkout@v4": { sha, tag: "v4.2.2", resolvedAt: "2026-01-01T00:00:00.000Z" } } };
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4"), "wfgen.lock.json": JSON.stringify(lock) });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    for (const broken of [`actions/checkout@${sha.toUpperCase()} # v4.2.2`, `actions/checkout@${sha.slice(0, 12)} # v4.2.2`, `actions/checkout@${sha.replace("1", "2")}`]) {
      write(dir, { ".github/workflows/ci.yml": read(dir, ".github/workflows/ci.yml").replace(/actions\/checkout@.*/, broken) });
      const check = await wfgen(dir, ["check"]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain("Fix: npx wfgen build\n");
      expect(check.stdout).not.toContain("sync");
      expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    }
  });

  test("lint shows a file's terminal escapes as text", async () => {
    const dir = repo({
      "ci.yml": 'on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "\u001b]0;pwned\u0007\u001b[2J ${{ github.event.pull_request.title }}"\n',
    });
    const result = await wfgen(dir, ["lint", "ci.yml"]);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(result.stdout).toContain('echo "\\x1b]0;pwned\\x07\\x1b[2J ${{ github.event.pull_request.title }}"');
  });

  test("a temporary file left by a killed run: check names it, the next build removes it; a live run's stays", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    const dead = ".github/workflows/.ci.yml.wfgen-2147483646-0badc0de.tmp";
    const live = `.github/workflows/.ci.yml.wfgen-${process.ppid}-0badc0de.tmp`;
    write(dir, { [dead]: "half a fi", [live]: "being written" });
    const check = await wfgen(dir, ["check"]);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe(
      `note: ${dead} is a temporary file left by an interrupted wfgen run; the next \`wfgen build\` removes it.\n`,
    );
    expect(JSON.parse((await wfgen(dir, ["check", "--json"])).stdout).notes).toHaveLength(1);
    const build = await wfgen(dir, ["build", "--json"]);
    expect(JSON.parse(build.stdout).notes).toEqual([`removed ${dead}, a temporary file left by an interrupted wfgen run.`]);
    expect(existsSync(join(dir, dead))).toBe(false);
    expect(read(dir, live)).toBe("being written");
  });
});

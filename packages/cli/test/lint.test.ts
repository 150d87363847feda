/**
 * `wfgen lint` on files and on the project, its formats and exit codes, the config's `lint` section, and the
 * linter that `build` and `check` run on what they render.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { validateSarif } from "../../core/test/lint/sarif-schema.ts";
import { read, repo, snapshot, wfgen, write } from "./helpers.ts";

const SEED = new URL("../../../test/fixtures/seed/", import.meta.url);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DOCS = "https://github.com/wfgen/wfgen/blob/main/docs/rules/";
const demoPush = readFileSync(new URL("demo-push.yml", SEED), "utf8");
// The seed as a user would have it after `wfgen pin` and the persist-credentials fix: only warnings are left.
const CHECKOUT_V4 = "actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0";
const pinned = (yaml: string): string =>
  yaml.replace("      - uses: actions/checkout@v4\n", `      - uses: ${CHECKOUT_V4}\n        with:\n          persist-credentials: false\n`);
const withPat = (yaml: string): string => yaml.replace("secrets.GITHUB_TOKEN", "secrets.CR_PAT");

const PAT_LINES = [
  `demo-push.yml:31:20: warning [prefer-github-token] uses secrets.CR_PAT to log in to ghcr.io; a personal access token outlives the job and usually reaches every repository of its owner, while the workflow's own GITHUB_TOKEN can do this and expires with the job`,
  `  in demo-push.yml › push › step "Log in to registry"`,
  '  31 |         run: echo "${{ secrets.CR_PAT }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
  "     |                    ^",
  `  fix: use \${{ secrets.GITHUB_TOKEN }} instead of secrets.CR_PAT and grant the job packages: write to push, packages: read to pull; for a package owned elsewhere, give this repository access in the package's "Manage Actions access" settings`,
  `  docs: ${DOCS}prefer-github-token.md`,
];
const EXCESS_LINES = [
  `demo-push.yml:19:7: warning [excessive-permission] job "push" grants packages: write, but none of its steps uses packages`,
  "  in demo-push.yml › push",
  "  19 |       packages: write",
  "     |       ^",
  '  fix: remove packages from the permissions of job "push"',
  `  docs: ${DOCS}excessive-permission.md`,
];

describe("wfgen lint <files>: the seed's Demo Push", () => {
  test("logs in with GITHUB_TOKEN, so prefer-github-token stays silent", async () => {
    const result = await wfgen(fileURLToPath(SEED), ["lint", "demo-push.yml", "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.files).toEqual(["demo-push.yml"]);
    expect(report.findings.map((f: { rule: string }) => f.rule)).not.toContain("prefer-github-token");
    // Its tag-pinned checkout is an error at the default --fail-on.
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain("unpinned-uses");
    expect(result.code).toBe(1);
  });

  test("a copy that logs in with secrets.CR_PAT: prefer-github-token with file:line:col, the fix and the docs", async () => {
    const dir = repo({ "demo-push.yml": pinned(withPat(demoPush)) });
    const result = await wfgen(dir, ["lint", "demo-push.yml"]);
    expect(result).toEqual({
      code: 0,
      stdout: [...EXCESS_LINES, ...PAT_LINES, "", "wfgen lint: 2 warnings in 1 file.", ""].join("\n"),
      stderr: "",
    });
  });

  test("--fail-on warning makes the warnings fail; --quiet keeps each finding's first line and fix", async () => {
    const dir = repo({ "demo-push.yml": pinned(withPat(demoPush)) });
    const result = await wfgen(dir, ["lint", "demo-push.yml", "--fail-on", "warning", "--quiet"]);
    expect(result).toEqual({
      code: 1,
      stdout: [
        EXCESS_LINES[0],
        EXCESS_LINES[4],
        PAT_LINES[0],
        PAT_LINES[4],
        "wfgen lint: 2 warnings in 1 file. Failing at --fail-on warning.",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect((await wfgen(dir, ["lint", "demo-push.yml", "--fail-on", "info", "-q"])).code).toBe(1);
    // The pinned seed itself, with GITHUB_TOKEN, is clean even at --fail-on info.
    write(dir, { "clean.yml": pinned(demoPush) });
    expect(await wfgen(dir, ["lint", "clean.yml", "--fail-on", "info"])).toEqual({
      code: 0,
      stdout: "wfgen lint: no findings in 1 file.\n",
      stderr: "",
    });
    expect(await wfgen(dir, ["lint", "clean.yml", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("--format sarif validates against SARIF 2.1.0, with helpUri on the repository's docs", async () => {
    const dir = repo({ "demo-push.yml": withPat(demoPush) });
    const result = await wfgen(dir, ["lint", "demo-push.yml", "--format", "sarif"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const log = JSON.parse(result.stdout);
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("wfgen");
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "prefer-github-token");
    expect(rule.helpUri).toBe(`${DOCS}prefer-github-token.md`);
    const result_ = run.results.find((r: { ruleId: string }) => r.ruleId === "prefer-github-token");
    expect(result_).toMatchObject({
      level: "warning",
      locations: [{ physicalLocation: { artifactLocation: { uri: "demo-push.yml" }, region: { startLine: 29, startColumn: 20 } } }],
    });
    expect(run.tool.driver.rules[result_.ruleIndex].id).toBe("prefer-github-token");
    // A clean file is still a valid log, with no results.
    write(dir, { "clean.yml": pinned(demoPush) });
    const clean = JSON.parse((await wfgen(dir, ["lint", "clean.yml", "--format", "sarif"])).stdout);
    expect(validateSarif(clean)).toEqual([]);
    expect(clean.runs[0].results).toEqual([]);
  });

  test("--format json: one versioned object with every finding, what was linted and the summary", async () => {
    const dir = repo({ "demo-push.yml": pinned(withPat(demoPush)) });
    const result = await wfgen(dir, ["lint", "demo-push.yml", "--format", "json"]);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      "version",
      "command",
      "ok",
      "source",
      "failOn",
      "files",
      "findings",
      "suppressed",
      "skipped",
      "diagnostics",
      "summary",
    ]);
    expect(report).toMatchObject({
      version: 1,
      command: "lint",
      ok: true,
      source: "files",
      failOn: "error",
      files: ["demo-push.yml"],
      suppressed: [],
      // The action bindings give the action-input rules their metadata, so nothing is skipped.
      skipped: [],
      diagnostics: [],
      summary: "wfgen lint: 2 warnings in 1 file.",
    });
    expect(report.findings[1]).toEqual({
      rule: "prefer-github-token",
      severity: "warning",
      message: expect.stringContaining("uses secrets.CR_PAT to log in to ghcr.io"),
      fix: expect.any(String),
      file: "demo-push.yml",
      line: 31,
      column: 20,
      workflow: "demo-push.yml",
      job: "push",
      step: '"Log in to registry"',
      path: ["jobs", "push", "steps", 2, "run"],
      docs: "https://github.com/wfgen/wfgen/blob/main/docs/rules/prefer-github-token.md",
    });
    // --json is the same, and --fail-on decides ok.
    const json = JSON.parse((await wfgen(dir, ["lint", "demo-push.yml", "--json", "--fail-on", "warning"])).stdout);
    expect(json).toMatchObject({ ok: false, failOn: "warning", findings: report.findings });
  });

  test("GitHub annotations under GITHUB_ACTIONS=true, after the text", async () => {
    const dir = repo({ "demo-push.yml": pinned(withPat(demoPush)) });
    const result = await wfgen(dir, ["lint", "demo-push.yml", "-q"], { GITHUB_ACTIONS: "true" });
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toHaveLength(2);
    expect(annotations[1]).toMatch(
      /^::warning file=demo-push\.yml,line=31,col=20,title=\[prefer-github-token\] job push › step "Log in to registry"::uses secrets\.CR_PAT to log in to ghcr\.io; .*%0AFix: .*%0ADocs: https:\/\/github\.com\/wfgen\/wfgen\/blob\/main\/docs\/rules\/prefer-github-token\.md$/,
    );
    // None without it, and never in --format json (stdout is one JSON object).
    expect((await wfgen(dir, ["lint", "demo-push.yml"])).stdout).not.toContain("::warning");
    const json = await wfgen(dir, ["lint", "demo-push.yml", "--format", "json"], { GITHUB_ACTIONS: "true" });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  test("colours on a terminal only, and never with NO_COLOR", async () => {
    const dir = repo({ "demo-push.yml": pinned(withPat(demoPush)) });
    const tty = await wfgen(dir, ["lint", "demo-push.yml"], {}, true);
    expect(tty.stdout).toContain("\u001b[33mwarning\u001b[39m");
    expect(tty.stdout).toContain("\u001b[1mdemo-push.yml:31:20:\u001b[22m");
    expect((await wfgen(dir, ["lint", "demo-push.yml"], { NO_COLOR: "1" }, true)).stdout).not.toContain("\u001b[");
    expect((await wfgen(dir, ["lint", "demo-push.yml"], {}, false)).stdout).not.toContain("\u001b[");
  });
});

describe("wfgen lint <files>: arguments", () => {
  test("folders and globs (quoted, expanded by wfgen) relative to --cwd; each file once, in order", async () => {
    const dir = repo({
      "ci/.github/workflows/a.yml": pinned(demoPush),
      "ci/.github/workflows/b.yaml": pinned(withPat(demoPush)),
      "ci/.github/workflows/notes.txt": "not a workflow",
      "ci/other/c.yml": pinned(demoPush),
    });
    const json = async (...args: string[]) => JSON.parse((await wfgen(dir, ["lint", "--json", ...args])).stdout);
    expect((await json("--cwd", "ci", ".github/workflows")).files).toEqual([
      "ci/.github/workflows/a.yml",
      "ci/.github/workflows/b.yaml",
    ]);
    expect((await json("--cwd", "ci", ".github/workflows/*.{yml,yaml}", ".github/workflows/a.yml")).files).toEqual([
      "ci/.github/workflows/a.yml",
      "ci/.github/workflows/b.yaml",
    ]);
    expect((await json("--cwd", "ci", "**/c.yml")).files).toEqual(["ci/other/c.yml"]);
    expect((await json("ci/.github/**/[ab].y*ml")).files).toEqual(["ci/.github/workflows/a.yml", "ci/.github/workflows/b.yaml"]);
    // As in shells, `*` and `**` do not enter hidden folders that the pattern does not name.
    expect((await json("ci/**/*.yml")).files).toEqual(["ci/other/c.yml"]);
  });

  test("a file that starts with a byte order mark: line 1's places are counted from after it", async () => {
    const text = "permissions: write-all\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    const dir = repo({ "plain.yml": text, "marked.yml": `\uFEFF${text}` });
    const [plain, marked] = [await wfgen(dir, ["lint", "plain.yml"]), await wfgen(dir, ["lint", "marked.yml"])];
    expect(marked.stdout).toContain("marked.yml:1:1: error [blanket-permissions]");
    expect(marked.stdout).toContain("  1 | permissions: write-all\n");
    expect(marked.stdout.replaceAll("marked.yml", "plain.yml")).toBe(plain.stdout);
  });

  test("usage errors and unreadable files exit 2", async () => {
    const dir = repo({ "a.yml": pinned(demoPush), "dir.yml/x": "" });
    expect(await wfgen(dir, ["lint", "missing.yml"])).toEqual({ code: 2, stdout: "", stderr: "error: missing.yml: no such file.\n" });
    expect(await wfgen(dir, ["lint", "nope/*.yml"])).toEqual({ code: 2, stdout: "", stderr: 'error: no file matches "nope/*.yml".\n' });
    expect((await wfgen(dir, ["lint", "dir.yml"])).stderr).toBe("error: dir.yml holds no .yml or .yaml file.\n");
    expect((await wfgen(dir, ["lint", "a.yml", "--format", "xml"])).stderr).toBe(
      'error: wfgen lint: --format must be one of text, json, sarif, not "xml".\n',
    );
    expect((await wfgen(dir, ["lint", "a.yml", "--fail-on", "never"])).code).toBe(2);
    expect((await wfgen(dir, ["lint", "a.yml", "--entry", "workflows.ts"])).code).toBe(2);
    const json = await wfgen(dir, ["lint", "missing.yml", "--format", "json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, command: "lint", ok: false, error: { code: "file-not-found" } });
  });

  test("a file that is not YAML is a yaml-syntax finding with its position, not a crash", async () => {
    const dir = repo({ "bad.yml": "on: push\njobs: [\n" });
    const result = await wfgen(dir, ["lint", "bad.yml", "-q"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^bad\.yml:\d+:\d+: error \[yaml-syntax\] /);
  });

  test("action inputs are checked against the typed bindings' metadata, SHA pins included", async () => {
    const dir = repo({
      "ci.yml": [
        "on: push",
        "permissions: {}",
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        `      - uses: ${CHECKOUT_V4}`,
        "        with:",
        "          presist-credentials: false",
        "      - uses: actions/cache@0400d5f644dc74513175e3cd8d07132dd4860809 # v4.2.4",
        "        with:",
        "          path: ~/.npm",
        "",
      ].join("\n"),
    });
    const result = await wfgen(dir, ["lint", "ci.yml", "-q"]);
    expect(result.stdout).toContain(
      'ci.yml:9:11: error [unknown-action-input] "presist-credentials" is not an input of actions/checkout v4.4.0 (did you mean "persist-credentials"?)',
    );
    expect(result.stdout).toContain('error [missing-action-input] actions/cache v4.2.4 requires the input "key"');
    expect(result.code).toBe(1);
  });
});

describe("the config's lint section", () => {
  const config = (lint: string): string =>
    `import { defineConfig } from "wfgen";\n\nexport default defineConfig({ lint: ${lint} });\n`;

  test("rules change severities or turn rules off; suppressions need a reason and are reported", async () => {
    const dir = repo({
      "demo-push.yml": withPat(demoPush),
      "wfgen.config.ts": config(
        `{ rules: { "prefer-github-token": "error", "excessive-permission": "off", "unpinned-uses": "info" }, ` +
          `suppressions: [{ rule: "persist-credentials", workflow: "demo-push", step: "#1", reason: "the job never pushes" }] }`,
      ),
    });
    const result = await wfgen(dir, ["lint", "demo-push.yml", "--json"]);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual([
      "unpinned-uses:info",
      "prefer-github-token:error",
    ]);
    expect(report.suppressed).toMatchObject([
      { rule: "persist-credentials", line: 23, suppression: { origin: "config", reason: "the job never pushes" } },
    ]);
    expect(result.code).toBe(1);
    const text = await wfgen(dir, ["lint", "demo-push.yml"]);
    expect(text.stdout).toContain("wfgen lint: 1 error, 1 info in 1 file, 1 suppressed.\n");
    expect(text.stdout).not.toContain("persist-credentials");
  });

  test("runnerLabels declares self-hosted labels", async () => {
    const yaml = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: gpu-box\n    steps:\n      - run: make\n";
    const dir = repo({ "ci.yml": yaml });
    expect((await wfgen(dir, ["lint", "ci.yml", "-q"])).stdout).toContain("[unknown-runner-label]");
    write(dir, { "wfgen.config.ts": config(`{ runnerLabels: ["gpu-box"] }`) });
    expect(await wfgen(dir, ["lint", "ci.yml", "-q"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("an unknown rule id or a suppression without a reason is an invalid config (exit 2)", async () => {
    const dir = repo({ "ci.yml": pinned(demoPush), "wfgen.config.ts": config(`{ rules: { "persist-credential": "off" } }`) });
    expect(await wfgen(dir, ["lint", "ci.yml"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "wfgen.config.ts: error: wfgen.config.ts does not export a valid configuration.\n" +
        '  lint.rules: "persist-credential" is not a lint rule (did you mean "persist-credentials"?)\n' +
        "The rule ids are listed in docs/rules/README.md.\n",
    });
    write(dir, { "wfgen.config.ts": config(`{ suppressions: [{ rule: "persist-credentials", reason: " " }] }`) });
    const result = await wfgen(dir, ["lint", "ci.yml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a suppression needs a reason");
  });
});

describe("wfgen lint without files", () => {
  const injection = [
    'import { job, workflow } from "wfgen";',
    "",
    'export const ci = workflow("ci", {',
    "  on: { pull_request: null },",
    "  jobs: {",
    '    greet: job({ "runs-on": "ubuntu-latest", steps: [{ name: "Greet", run: "echo ${{ github.event.pull_request.title }}" }] }),',
    "  },",
    "});",
    "",
  ].join("\n");

  test("lints what workflows.ts generates; findings point at workflows.ts, with the YAML path and a TypeScript fix", async () => {
    const dir = repo({ "workflows.ts": injection });
    const result = await wfgen(dir, ["lint"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "workflows.ts:6:12: error [template-injection] ${{ github.event.pull_request.title }} is pasted into the script before it runs; it is the pull request's title, which its author writes, so they can make it run commands of their choosing",
        '  in ci.yml › greet › step "Greet" (jobs.greet.steps[0].run)',
        '  6 |     greet: job({ "runs-on": "ubuntu-latest", steps: [{ name: "Greet", run: "echo ${{ github.event.pull_request.title }}" }] }),',
        "    |            ^",
        "  fix: write the script with the sh template, interpolating the value: sh`... ${github.event.pull_request.title} ...`, which passes it through env: and quotes it",
        `  docs: ${DOCS}template-injection.md`,
        "",
        "wfgen lint: 1 error in 1 file generated from workflows.ts.",
        "",
      ].join("\n"),
    );
    expect(snapshot(dir).has(".github/workflows/ci.yml")).toBe(false);
    const json = JSON.parse((await wfgen(dir, ["lint", "--json"])).stdout);
    expect(json).toMatchObject({
      source: "model",
      files: [".github/workflows/ci.yml"],
      findings: [{ rule: "template-injection", file: "workflows.ts", line: 6, column: 12, workflow: "ci.yml", path: ["jobs", "greet", "steps", 0, "run"] }],
    });
    // The rules whose problems the build's own stages report are listed as skipped, with the reason.
    expect(json.skipped).toContainEqual({
      rule: "excessive-permission",
      reason: "skipped: wfgen's permissions planner reports it, checking each job's permissions while building",
    });
    // SARIF and the annotations read the same record: the finding is at workflows.ts.
    const sarif = JSON.parse((await wfgen(dir, ["lint", "--format", "sarif"])).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: "workflows.ts" }, region: { startLine: 6, startColumn: 12 } });
    const annotated = await wfgen(dir, ["lint", "-q"], { GITHUB_ACTIONS: "true" });
    expect(annotated.stdout).toContain("::error file=workflows.ts,line=6,col=12,title=[template-injection] ");
  });

  test("without workflows.ts, the committed .github/workflows files are linted", async () => {
    const dir = repo({ ".github/workflows/demo.yml": withPat(demoPush) });
    const result = await wfgen(dir, ["lint", "-q"]);
    expect(result.stdout).toContain(".github/workflows/demo.yml:29:20: warning [prefer-github-token]");
    expect(result.code).toBe(1);
    expect((await wfgen(repo({}), ["lint"])).code).toBe(2);
  });

  const composite = [
    "name: Greet",
    "description: Says hello",
    "inputs:",
    "  who: { description: Whom to greet }",
    "runs:",
    "  using: composite",
    "  steps:",
    "    - uses: octo-org/tool@v1",
    '    - run: echo "Hello ${{ inputs.who }}"',
    "      shell: bash",
    "",
  ].join("\n");

  test("the repository's own actions (.github/actions/**/action.yml) are linted too, with or without workflows.ts", async () => {
    const files = { ".github/actions/greet/action.yml": composite, ".github/workflows/ok.yml": "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n" };
    const json = JSON.parse((await wfgen(repo(files), ["lint", "--json"])).stdout);
    expect(json.files).toEqual([".github/workflows/ok.yml", ".github/actions/greet/action.yml"]);
    expect(json.findings.map((f: { rule: string; file: string; line: number }) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      ".github/actions/greet/action.yml:8 unpinned-uses",
      ".github/actions/greet/action.yml:9 template-injection",
    ]);
    const withModel = JSON.parse((await wfgen(repo({ "workflows.ts": injection, ".github/actions/greet/action.yml": composite }), ["lint", "--json"])).stdout);
    expect(withModel.files).toEqual([".github/workflows/ci.yml", ".github/actions/greet/action.yml"]);
    expect(withModel.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(["template-injection", "template-injection", "unpinned-uses"]);
  });

  test("a file that is neither a workflow nor an action gets one not-a-workflow finding", async () => {
    const dir = repo({ ".github/dependabot.yml": "version: 2\nupdates: []\n" });
    const result = await wfgen(dir, ["lint", ".github/dependabot.yml"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\.github\/dependabot\.yml:1:1: error \[not-a-workflow\] this file is neither a workflow/);
    expect(result.stdout).toContain("wfgen lint: 1 error in 1 file.");
  });
});

describe("wfgen build and check run the linter", () => {
  const workflow = (steps: string, extra = ""): string =>
    [
      'import { job, workflow } from "wfgen";',
      "",
      'export const ci = workflow("ci", {',
      "  on: { pull_request: null },",
      "  jobs: {",
      `    test: job({ "runs-on": "ubuntu-latest",${extra} steps: [${steps}] }),`,
      "  },",
      "});",
      "",
    ].join("\n");

  test("an error-level finding (a template injection in a plain run string) stops the build: nothing is written", async () => {
    const dir = repo({ "workflows.ts": workflow('{ run: "echo ${{ github.event.pull_request.title }}" }') });
    const before = snapshot(dir);
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "workflows.ts:6:11 error [template-injection] ci.yml › test › step #1 (jobs.test.steps[0].run)",
        "  ${{ github.event.pull_request.title }} is pasted into the script before it runs; it is the pull request's title, which its author writes, so they can make it run commands of their choosing",
        "  Fix: write the script with the sh template, interpolating the value: sh`... ${github.event.pull_request.title} ...`, which passes it through env: and quotes it",
        "wfgen build: 1 error; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(snapshot(dir)).toEqual(before);
    // check agrees, and --json carries the finding among the diagnostics.
    expect((await wfgen(dir, ["check"])).code).toBe(1);
    const json = JSON.parse((await wfgen(dir, ["build", "--json"])).stdout);
    expect(json).toMatchObject({
      ok: false,
      diagnostics: [{ severity: "error", code: "template-injection", where: { file: "workflows.ts", line: 6, workflow: "ci.yml", path: ["jobs", "test", "steps", 0, "run"] } }],
    });
    // The sh template moves the expression into env:, and the build goes through.
    write(dir, { "workflows.ts": workflow("sh`echo ${github.event.pull_request.title}`").replace("{ job, workflow }", "{ github, job, sh, workflow }") });
    expect(await wfgen(dir, ["build", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("expressions are checked: an unknown context stops the build at its column, an unknown matrix key or event payload key is a warning", async () => {
    const matrix = ' strategy: { matrix: { node: ["20", "22"] } },';
    const dir = repo({ "workflows.ts": workflow('{ run: "make NODE=${{ mtrix.node }}" }', matrix) });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'workflows.ts:6:11 error [unknown-context-property] ci.yml › test › step #1 (jobs.test.steps[0].run)\n  "mtrix" is not a context; the contexts are github, env, vars, secrets, inputs, matrix, strategy, steps, needs, job, jobs, runner\n',
    );
    write(dir, { "workflows.ts": workflow('{ run: "make NODE=${{ matrix.nod }}" }', matrix) });
    const typo = await wfgen(dir, ["build"]);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain(
      'workflows.ts:6:11 warning [unknown-context-property] ci.yml › test › step #1 (jobs.test.steps[0].run)\n  matrix.nod reads "nod", which the matrix of job "test" does not define (did you mean "node"?)\n',
    );
    write(dir, { "workflows.ts": workflow('{ run: "make NODE=${{ matrix.node }} ISSUE=${{ github.event.issue.number }}" }', matrix) });
    const warned = await wfgen(dir, ["build"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(
      "workflows.ts:6:11 warning [unknown-event-property] ci.yml › test › step #1 (jobs.test.steps[0].run)\n  github.event.issue is not in the payload of the events this workflow runs on; it is always empty here\n",
    );
  });

  test("warnings are printed and the files written; the config silences them", async () => {
    const dir = repo({ "workflows.ts": workflow('{ run: "make" }').replace('"ubuntu-latest"', '"gpu-box"') });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("workflows.ts:6:11 warning [unknown-runner-label] ci.yml › test (jobs.test.runs-on)\n");
    expect(result.stdout).toContain("written   .github/workflows/ci.yml");
    // check does not repeat them for files that are up to date (the build that wrote them did).
    expect(await wfgen(dir, ["check", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    write(dir, { "wfgen.config.ts": 'export default { lint: { runnerLabels: ["gpu-box"] } };\n' });
    expect(await wfgen(dir, ["build", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    // A config suppression works on generated files too, by workflow and job.
    write(dir, {
      "wfgen.config.ts": 'export default { lint: { suppressions: [{ rule: "unknown-runner-label", workflow: "ci", job: "test", reason: "our runner" }] } };\n',
    });
    expect(await wfgen(dir, ["build", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("workflow()'s suppressions: silence a finding, or keep it as a warning; one naming no rule is reported", async () => {
    const injection = workflow('{ run: "echo ${{ github.event.pull_request.title }}" }');
    const withMeta = (meta: string): string => injection.replace(/\n\}\);\n$/, `\n}, ${meta});\n`);
    const dir = repo({
      "workflows.ts": withMeta('{ suppressions: [{ rule: "template-injection", job: "test", step: "#1", severity: "warning", reason: "imported as it ran" }] }'),
    });
    const kept = await wfgen(dir, ["build"]);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/workflows\.ts:6:11 warning \[template-injection\] ci\.yml › test › step #1 \(jobs\.test\.steps\[0\]\.run\)\n.*\[kept as a warning by workflows\.ts: imported as it ran\]/);

    write(dir, { "workflows.ts": withMeta('{ suppressions: [{ rule: "template-injection", reason: "the title is ours" }] }') });
    expect(await wfgen(dir, ["build", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });

    write(dir, { "workflows.ts": withMeta('{ suppressions: [{ rule: "template-injektion", reason: "typo" }] }') });
    const typo = await wfgen(dir, ["build"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain(
      'workflows.ts:3:19 warning [invalid-suppression] ci.yml\n  the suppression { rule: "template-injektion" } of workflow ci.yml names "template-injektion", which is not a rule, so it suppresses nothing\n',
    );
  });

  test("unpinned-uses: silent for pins the lock provides; an unpinned: true opt-out is a warning that stays visible", async () => {
    const dir = repo({
      "workflows.ts": workflow('{ uses: "actions/checkout@v4", with: { "persist-credentials": false } }, { uses: "acme/fork@main" }'),
      "wfgen.lock.json": JSON.stringify({
        version: 1,
        actions: {
          "actions/checkout@v4": { sha: "11d5960a326750d5838078e36cf38b85af677262", tag: "v4.4.0", resolvedAt: "2026-01-01T00:00:00Z" },
          "acme/fork@main": { unpinned: true, reason: "our fork has no releases" },
        },
      }),
    });
    const result = await wfgen(dir, ["build", "--quiet"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'workflows.ts:6:11 warning [unpinned-uses] ci.yml › test › step #2 (jobs.test.steps[1].uses)\n  the action "acme/fork@main" is pinned to "main", a branch or tag that can point at different code tomorrow; wfgen.lock.json leaves it unpinned on purpose: our fork has no releases\n',
    );
    expect(result.stderr).not.toContain("actions/checkout");
    expect(read(dir, ".github/workflows/ci.yml")).toContain("- uses: acme/fork@main\n");
    // `wfgen lint` on the model agrees; on the written file as plain YAML it is the rule's error.
    expect((await wfgen(dir, ["lint", "-q"])).code).toBe(0);
    expect((await wfgen(dir, ["lint", ".github/workflows/ci.yml", "-q"])).code).toBe(1);
  });

  test("a problem the build's planner and the linter both see is reported once, under its one code", async () => {
    const dir = repo({ "workflows.ts": workflow('{ run: "make" }', ' permissions: "read-all",') });
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        "workflows.ts:6:11 warning [blanket-permissions] ci.yml › test (jobs.test.permissions)",
        '  job "test" grants read-all, every scope at once; no step needs any scope',
        '  Fix: set permissions: "infer"; to keep read-all on purpose, write permissions: unchecked("read-all")',
        "",
      ].join("\n"),
    );
  });

  test("an input the typed binding does not know (withUnsafe) is a warning; a missing required input an error", async () => {
    const lock = JSON.stringify({
      version: 1,
      actions: {
        "actions/checkout@v7": { sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", tag: "v7.0.1", resolvedAt: "2026-01-01T00:00:00Z" },
        "actions/cache@v4": { sha: "0400d5f644dc74513175e3cd8d07132dd4860809", tag: "v4.2.4", resolvedAt: "2026-01-01T00:00:00Z" },
      },
    });
    const unsafe = workflow('checkout({ with: { "persist-credentials": false }, withUnsafe: { "new-input": "x" } })').replace(
      'import { job, workflow } from "wfgen";',
      'import { job, workflow } from "wfgen";\nimport { checkout } from "wfgen/actions";',
    );
    const dir = repo({ "workflows.ts": unsafe, "wfgen.lock.json": lock });
    const built = await wfgen(dir, ["build", "--quiet"]);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain("warning [unknown-action-input]");
    write(dir, { "workflows.ts": workflow('{ uses: "actions/cache@v4", with: { path: "~/.npm" } }') });
    const refused = await wfgen(dir, ["build"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'workflows.ts:6:11 error [missing-action-input] ci.yml › test › step #1 (jobs.test.steps[0].with)\n  actions/cache v4.2.4 requires the input "key", which this step does not give and which has no default\n  Fix: add "key" to the step\'s with\n',
    );
  });
});

describe("the examples and wfgen's own workflows", () => {
  const projects = [".", ...readdirSync(new URL("examples/", `file://${ROOT}`)).map((name) => `examples/${name}`)];
  test.each(projects)("%s is lint-clean at the default --fail-on", async (project) => {
    const result = await wfgen(ROOT, ["lint", "--cwd", project, "--quiet"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
  });
});

import { describe, expect, test } from "vitest";
import { escapeData, escapeProperty, failsAt, githubAnnotations, jsonReport, mergeResults, renderJson, renderText, sarifReport, summaryLine, textReport } from "../../src/report/index.ts";
import { RULES } from "../../src/rules/index.ts";
import { BUILD_CODES } from "../../src/rules/build-codes.ts";
import { lintYaml } from "../../src/rules/lint.ts";
import type { Finding } from "../../src/rules/types.ts";
import { validateSarif } from "./sarif-schema.ts";

const WORKFLOW = `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4 # wfgen-ignore persist-credentials: a test
      - name: Greet
        run: echo "\${{ github.event.head_commit.message }}"
`;

const result = lintYaml(WORKFLOW, ".github/workflows/ci.yml", { permissions: false });
const other = lintYaml("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", "other.yml", { permissions: false });
const merged = mergeResults([result, other]);

describe("text", () => {
  test("one line per finding in file:line:col: severity [id] message form, then details, grouped by file", () => {
    expect(renderText(merged)).toBe(
      [
        ".github/workflows/ci.yml:7:9: error [unpinned-uses] the action \"actions/checkout@v4\" is pinned to the tag \"v4\", which its owner (or anyone who takes over the repository) can move to other code",
        "  in ci.yml › build › step #1",
        "  7 |       - uses: actions/checkout@v4 # wfgen-ignore persist-credentials: a test",
        "    |         ^",
        '  fix: replace "@v4" with the full commit SHA it points to, and name the release in a comment: actions/checkout@<40-hex sha> # vX.Y.Z (wfgen pin does this)',
        "  docs: docs/rules/unpinned-uses.md",
        ".github/workflows/ci.yml:9:20: error [template-injection] ${{ github.event.head_commit.message }} is pasted into the script before it runs; it is the head commit's message, which the commit's author writes, so they can make it run commands of their choosing",
        '  in ci.yml › build › step "Greet"',
        '  9 |         run: echo "${{ github.event.head_commit.message }}"',
        "    |                    ^",
        '  fix: add env: { MESSAGE: ${{ github.event.head_commit.message }} } to the step and use "$MESSAGE" in place of the expression',
        "  docs: docs/rules/template-injection.md",
        "",
        "other.yml:3:3: warning [missing-permissions] job \"x\" sets no permissions and neither does the workflow, so its GITHUB_TOKEN gets the repository's default, which can be write access to everything",
        "  in other.yml › x",
        "  3 |   x:",
        "    |   ^",
        '  fix: add permissions: {} at the top of the workflow and give job "x" a permissions block with only what it needs (contents: read to check out a private repository)',
        "  docs: docs/rules/missing-permissions.md",
        "",
        "2 errors, 1 warning in 2 files (1 suppressed)",
        "",
      ].join("\n"),
    );
  });

  test("one line each without details; segments for the CLI to colour", () => {
    expect(renderText(result, { details: false, summary: false }).split("\n")).toHaveLength(3);
    const [group] = textReport(result.findings);
    expect(group!.file).toBe(".github/workflows/ci.yml");
    expect(group!.findings[0]).toMatchObject({ location: ".github/workflows/ci.yml:7:9", severity: "error", rule: "unpinned-uses", context: "ci.yml › build › step #1", excerpt: { line: 7, column: 9 } });
  });

  test("summary and --fail-on thresholds", () => {
    expect(summaryLine({ findings: [] })).toBe("no findings");
    expect(failsAt(other.findings, "error")).toBe(false);
    expect(failsAt(other.findings, "warning")).toBe(true);
    expect(failsAt(other.findings, "info")).toBe(true);
  });
});

describe("json", () => {
  test("is versioned and flat", () => {
    const report = jsonReport(merged);
    expect(report.version).toBe(1);
    expect(report.findings[0]).toEqual({
      rule: "unpinned-uses",
      severity: "error",
      message: 'the action "actions/checkout@v4" is pinned to the tag "v4", which its owner (or anyone who takes over the repository) can move to other code',
      fix: 'replace "@v4" with the full commit SHA it points to, and name the release in a comment: actions/checkout@<40-hex sha> # vX.Y.Z (wfgen pin does this)',
      file: ".github/workflows/ci.yml",
      line: 7,
      column: 9,
      workflow: "ci.yml",
      job: "build",
      step: "#1",
      path: ["jobs", "build", "steps", 0, "uses"],
      docs: "docs/rules/unpinned-uses.md",
    });
    expect(report.suppressed.map((f) => [f.rule, f.suppression])).toEqual([["persist-credentials", { origin: "inline", reason: "a test" }]]);
    expect(JSON.parse(renderJson(merged))).toEqual(report);
  });
});

describe("GitHub annotations", () => {
  test("one workflow command per finding, escaped", () => {
    expect(githubAnnotations(other.findings)).toEqual([
      "::warning file=other.yml,line=3,col=3,title=[missing-permissions] job x::job \"x\" sets no permissions and neither does the workflow, so its GITHUB_TOKEN gets the repository's default, which can be write access to everything%0AFix: add permissions: {} at the top of the workflow and give job \"x\" a permissions block with only what it needs (contents: read to check out a private repository)%0ADocs: docs/rules/missing-permissions.md",
    ]);
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    expect(escapeData("50%\r\n")).toBe("50%25%0D%0A");
  });

  test("info findings are notices", () => {
    const info: Finding = { ...other.findings[0]!, severity: "info" };
    expect(githubAnnotations([info])[0]).toMatch(/^::notice /);
  });
});

describe("SARIF", () => {
  test("validates against the SARIF 2.1.0 schema (the parts wfgen emits)", () => {
    const log = sarifReport(merged, { version: "0.1.0", docsBaseUrl: "https://example.com/wfgen/blob/main", includeSuppressed: true });
    expect(validateSarif(log)).toEqual([]);
    expect(validateSarif(sarifReport({ findings: [] }))).toEqual([]);
  });

  test("describes every rule and places every result", () => {
    const log = sarifReport(merged, { docsBaseUrl: "https://example.com/wfgen/blob/main/" });
    const run = log.runs[0]!;
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("wfgen");
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...RULES.map((r) => r.id), "yaml-syntax", "not-a-workflow", ...BUILD_CODES.map((c) => c.id)]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: "unpinned-uses",
      name: "UnpinnedUses",
      shortDescription: { text: "A remote action or reusable workflow is not pinned to a full, lowercase commit SHA." },
      fullDescription: {
        text: "A remote action or reusable workflow is not pinned to a full, lowercase commit SHA. Fix: Pin the commit the tag points to and keep the tag as a comment: owner/repo@<40-hex sha> # vX.Y.Z (wfgen pin writes it).",
      },
      help: {
        text: "A remote action or reusable workflow is not pinned to a full, lowercase commit SHA.\nFix: Pin the commit the tag points to and keep the tag as a comment: owner/repo@<40-hex sha> # vX.Y.Z (wfgen pin writes it).\nDocs: https://example.com/wfgen/blob/main/docs/rules/unpinned-uses.md",
        markdown:
          "A remote action or reusable workflow is not pinned to a full, lowercase commit SHA.\n\n**Fix:** Pin the commit the tag points to and keep the tag as a comment: owner/repo@<40-hex sha> # vX.Y.Z (wfgen pin writes it).\n\nSee [docs/rules/unpinned-uses.md](https://example.com/wfgen/blob/main/docs/rules/unpinned-uses.md).",
      },
      helpUri: "https://example.com/wfgen/blob/main/docs/rules/unpinned-uses.md",
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "github-actions"], precision: "high" },
    });
    expect(run.results.map((r) => [r.ruleId, run.tool.driver.rules[r.ruleIndex]!.id, r.level, r.locations[0]!.physicalLocation])).toEqual([
      ["unpinned-uses", "unpinned-uses", "error", { artifactLocation: { uri: ".github/workflows/ci.yml" }, region: { startLine: 7, startColumn: 9 } }],
      ["template-injection", "template-injection", "error", { artifactLocation: { uri: ".github/workflows/ci.yml" }, region: { startLine: 9, startColumn: 20 } }],
      ["missing-permissions", "missing-permissions", "warning", { artifactLocation: { uri: "other.yml" }, region: { startLine: 3, startColumn: 3 } }],
    ]);
  });

  test("suppressed findings only on request, with their justification", () => {
    expect(sarifReport(merged).runs[0]!.results).toHaveLength(3);
    const withSuppressed = sarifReport(merged, { includeSuppressed: true }).runs[0]!.results;
    expect(withSuppressed.at(-1)).toMatchObject({ ruleId: "persist-credentials", suppressions: [{ kind: "inSource", justification: "a test" }] });
  });

  test("findings without a position point at the file's start; no helpUri without a docs URL", () => {
    const bare: Finding = { severity: "info", code: "secrets-inherit", message: "m", where: { workflow: "w.yml" }, path: [], docs: "docs/rules/secrets-inherit.md" };
    const log = sarifReport({ findings: [bare] });
    expect(log.runs[0]!.results[0]).toMatchObject({ level: "note", locations: [{ physicalLocation: { artifactLocation: { uri: "w.yml" }, region: { startLine: 1, startColumn: 1 } } }] });
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBeUndefined();
    expect(validateSarif(log)).toEqual([]);
  });
});

describe("the SARIF validator itself", () => {
  test("catches what code scanning would refuse", () => {
    const bad = {
      version: "2.0.0",
      runs: [
        {
          tool: { driver: { rules: [{ id: "a" }, { id: "a", helpUri: "docs/a.md" }] } },
          results: [{ ruleId: "b", ruleIndex: 0, level: "fatal", message: {}, locations: [{ physicalLocation: { region: { startLine: 0 } } }], extra: 1 }],
        },
      ],
    };
    expect(validateSarif(bad)).toEqual([
      '$.version: "2.0.0" is not one of 2.1.0',
      "$.runs[0].tool.driver: missing required property name",
      '$.runs[0].tool.driver.rules[1].helpUri: "docs/a.md" is not an absolute URI',
      '$.runs[0].results[0].level: "fatal" is not one of none, note, warning, error',
      "$.runs[0].results[0].message: needs one of text or id",
      "$.runs[0].results[0].locations[0].physicalLocation: needs one of address or artifactLocation",
      "$.runs[0].results[0].locations[0].physicalLocation.region.startLine: 0 is below 1",
      "$.runs[0].results[0]: property extra is not allowed",
      "$.runs[0].tool.driver.rules: rule ids are not unique",
      "$.runs[0].results[0]: ruleIndex 0 does not name rule b",
    ]);
  });
});

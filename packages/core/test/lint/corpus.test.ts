// Real workflows linted end to end: the two seed workflows and the workflow corpus (test/fixtures), with every
// finding recorded under test/fixtures/rules/_corpus/ (WFGEN_UPDATE_FIXTURES=1 rewrites the records), and
// the seed's acceptance case for prefer-github-token.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { failsAt, renderText } from "../../src/report/index.ts";
import { lintYaml } from "../../src/rules/lint.ts";
import type { LintOptions } from "../../src/rules/types.ts";
import { fixturePath, readFixture, yamlFixtures } from "../../../../test/fixtures.ts";
import { fixtureLines, UPDATE } from "./harness.ts";
import { dataActionMetadata } from "./providers.ts";

const CORPUS = fileURLToPath(new URL("../fixtures/rules/_corpus/", import.meta.url));

// The corpus is linted with what a user has: action metadata, and no stand-in permissions engine.
const options: LintOptions = { actions: dataActionMetadata() };

function record(name: string, root: string, files: string[]): void {
  const actual: Record<string, string[]> = {};
  for (const file of files.sort()) actual[file] = fixtureLines(lintYaml(readFileSync(`${root}/${file}`, "utf8"), file, options).findings);
  const path = `${CORPUS}${name}.json`;
  if (UPDATE) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  expect(existsSync(path), path).toBe(true);
  expect(actual).toEqual(JSON.parse(readFileSync(path, "utf8")));
}

describe("recorded findings", () => {
  test("the seed workflows", () => record("seed", fixturePath("seed"), ["demo-push.yml", "deploy-image.yml"]));
  test("the workflow corpus", () => record("corpus", fixturePath("corpus"), yamlFixtures("corpus")));
});

describe("prefer-github-token on the seed's Demo Push", () => {
  const seed = readFixture("seed/demo-push.yml");

  test("logging in with GITHUB_TOKEN reports nothing", () => {
    const result = lintYaml(seed, ".github/workflows/demo-push.yml", options);
    expect(result.findings.filter((f) => f.code === "prefer-github-token")).toEqual([]);
  });

  test("a copy logging in with secrets.CR_PAT reports it with file:line, and fails at --fail-on warning", () => {
    const copy = seed.replace("secrets.GITHUB_TOKEN", "secrets.CR_PAT");
    const result = lintYaml(copy, ".github/workflows/demo-push.yml", options);
    const found = result.findings.filter((f) => f.code === "prefer-github-token");
    expect(found.map((f) => [f.where.file, f.where.line, f.where.column, f.severity])).toEqual([[".github/workflows/demo-push.yml", 29, 20, "warning"]]);
    expect(renderText({ findings: found }, { details: false, summary: false })).toBe(
      ".github/workflows/demo-push.yml:29:20: warning [prefer-github-token] uses secrets.CR_PAT to log in to ghcr.io; a personal access token outlives the job and usually reaches every repository of its owner, while the workflow's own GITHUB_TOKEN can do this and expires with the job\n",
    );
    expect(failsAt(found, "warning")).toBe(true);
    expect(failsAt(found, "error")).toBe(false);
  });
});

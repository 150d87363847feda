// The data-driven rule tests: every folder under test/fixtures/rules/<id>/ holds workflows, each beside a
// `.expected` file with the findings of rule <id> it must produce (an empty file: it must stay silent).
// Every registered rule must have a folder with at least one firing and one silent case, and a docs page.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { RULES } from "../../src/rules/index.ts";
import { lintYaml } from "../../src/rules/lint.ts";
import { fixtureLines, testOptions, UPDATE } from "./harness.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/rules/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../../../docs/rules/", import.meta.url));

function cases(id: string): string[] {
  const folder = `${FIXTURES}${id}`;
  return existsSync(folder) ? readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort() : [];
}

describe("every registered rule", () => {
  test("has a kebab-case id, a one-line summary, a fix and its docs path", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.summary).not.toMatch(/\n/);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  for (const rule of RULES) {
    test(`${rule.id}: has a docs page and fixtures that fire and stay silent`, () => {
      expect(existsSync(`${DOCS}${rule.id}.md`), `docs/rules/${rule.id}.md`).toBe(true);
      const expected = cases(rule.id).map((name) => readFileSync(`${FIXTURES}${rule.id}/${name.replace(/\.ya?ml$/, ".expected")}`, "utf8"));
      expect(expected.some((text) => text.trim() !== ""), "a fixture that fires").toBe(true);
      expect(expected.some((text) => text.trim() === ""), "a fixture that stays silent").toBe(true);
    });
  }
});

describe("rule fixtures", () => {
  for (const rule of RULES) {
    for (const name of cases(rule.id)) {
      test(`${rule.id}/${name}`, () => {
        const path = `${FIXTURES}${rule.id}/${name}`;
        const result = lintYaml(readFileSync(path, "utf8"), name, testOptions());
        // No rule may crash on any fixture, whichever rule it was written for.
        expect(result.findings.filter((f) => f.message.includes("failed on this workflow"))).toEqual([]);
        const actual = fixtureLines(result.findings.filter((f) => f.code === rule.id));
        const expectedPath = path.replace(/\.ya?ml$/, ".expected");
        const text = actual.length > 0 ? `${actual.join("\n")}\n` : "";
        if (UPDATE) writeFileSync(expectedPath, text);
        expect(existsSync(expectedPath), `${expectedPath} exists`).toBe(true);
        expect(actual).toEqual(readFileSync(expectedPath, "utf8").split("\n").filter((line) => line !== ""));
      });
    }
  }
});

describe("the clean corpus", () => {
  for (const name of cases("_clean")) {
    test(`${name} gives no finding from any rule`, () => {
      const result = lintYaml(readFileSync(`${FIXTURES}_clean/${name}`, "utf8"), name, testOptions());
      expect(fixtureLines(result.findings)).toEqual([]);
      expect(result.skipped).toEqual([]);
    });
  }
});

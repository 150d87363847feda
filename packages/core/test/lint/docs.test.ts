// The rule pages are checked like code: every registered rule (and engine code) has a page from the same
// template, the index lists every rule, and each page's example is linted and must give exactly the
// output the page shows (WFGEN_UPDATE_FIXTURES=1 rewrites those output blocks).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { renderText } from "../../src/report/index.ts";
import { ENGINE_CODES, RULES } from "../../src/rules/index.ts";
import { lintYaml } from "../../src/rules/lint.ts";
import { testOptions, UPDATE } from "./harness.ts";

const DOCS = fileURLToPath(new URL("../../../../docs/rules/", import.meta.url));
const SECTIONS = ["## What it finds", "## Why it matters", "## Example", "## How to fix"];
const EXAMPLE = /## Example\n\n```yaml\n([\s\S]*?)```\n\n`wfgen lint example.yml` reports:\n\n```text\n([\s\S]*?)```/;

describe("rule pages", () => {
  for (const rule of [...RULES, ...ENGINE_CODES]) {
    test(`docs/rules/${rule.id}.md`, () => {
      const path = `${DOCS}${rule.id}.md`;
      expect(existsSync(path)).toBe(true);
      const page = readFileSync(path, "utf8");
      expect(page.startsWith(`# \`${rule.id}\`\n\n${rule.summary}\n`)).toBe(true);
      expect(page).toContain(`| Severity | \`${rule.severity}\``);
      expect(page).toContain(`| Confidence | ${rule.confidence} |`);
      for (const section of SECTIONS) expect(page, section).toContain(`\n${section}\n`);
      const match = EXAMPLE.exec(page);
      expect(match, "an example and its output").not.toBeNull();
      const result = lintYaml(match![1]!, "example.yml", testOptions());
      const findings = result.findings.filter((f) => f.code === rule.id);
      const output = findings.length > 0 ? renderText({ findings }, { details: false, summary: false }) : "";
      if (UPDATE) writeFileSync(path, page.replace(EXAMPLE, (whole, yaml: string) => whole.replace(/```text\n[\s\S]*?```$/, `\`\`\`text\n${output}\`\`\``)));
      expect(output, "the example fires").not.toBe("");
      expect(output).toBe(match![2]);
    });
  }

  test("the zizmor and actionlint table has a row for every rule and engine code", () => {
    const index = readFileSync(`${DOCS}README.md`, "utf8");
    const table = index.slice(index.indexOf("## Coming from zizmor or actionlint"), index.indexOf("## Output"));
    for (const rule of [...RULES, ...ENGINE_CODES]) expect(table, rule.id).toContain(`| [\`${rule.id}\`](${rule.id}.md) | `);
  });

  test("the index lists every rule", () => {
    const index = readFileSync(`${DOCS}README.md`, "utf8");
    for (const rule of RULES) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.severity} | ${rule.summary} |`);
  });
});

// The one code space: every code the build or the linter can report is registered once, with a docs anchor
// that exists; no two codes share an id or an alias; and every code the sources write is registered. The
// sources are scanned, not run: a code reached by no test would otherwise slip through.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { allCodes, canonicalCode, codeInfo } from "../../src/rules/codes.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** GitHub's anchor of a Markdown heading: lowercase, punctuation dropped, spaces to dashes. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "generated" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".gen.ts") ? [path] : [];
  });
}

// How the sources write a code: `code: "x"` in a diagnostic or problem, `cond ? "a" : "b"` after `code:`, and
// lowering's `fail("x", ...)`. Zod's own issue code "custom" is not one of ours.
const WRITTEN = [/\bcode: "([a-z][a-z0-9-]*)"/g, /\bcode: [\w.]+ \? "([a-z][a-z0-9-]*)" : "([a-z][a-z0-9-]*)"/g, /\bfail\(\s*"([a-z][a-z0-9-]*)"/g];

describe("the code registry", () => {
  test("every code the build and the linter write is registered under its own id", () => {
    const files = ["packages/core/src", "packages/cli/src", "packages/actions/src", "packages/presets/src"].flatMap((dir) => sources(join(ROOT, dir)));
    const written = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const pattern of WRITTEN) {
        for (const match of text.matchAll(pattern)) for (const code of match.slice(1)) if (code && code !== "custom") written.set(code, file);
      }
    }
    expect(written.size).toBeGreaterThan(30);
    for (const [code, file] of written) {
      expect(codeInfo(code), `${code} (written in ${file}) is not registered`).toBeDefined();
      // A code is written under its current id, never an alias.
      expect(canonicalCode(code), `${file} writes ${code}, an old id`).toBe(code);
    }
  });

  test("ids and aliases are unique", () => {
    const names = allCodes().flatMap((c) => [c.id, ...c.aliases]);
    expect(names.length).toBe(new Set(names).size);
  });

  test("every code resolves to a docs page or a section of one", () => {
    for (const code of allCodes()) {
      const [page, anchor] = code.docs.split("#");
      expect(page, code.id).toMatch(/^docs\/rules\/[\w-]+\.md$/);
      const text = readFileSync(join(ROOT, page!), "utf8");
      if (anchor === undefined) {
        expect(text.startsWith(`# \`${code.id}\`\n\n${code.summary}\n`), code.id).toBe(true);
        continue;
      }
      expect(anchor, code.id).toBe(code.id);
      const headings = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!));
      expect(headings, `${page} has no section #${anchor}`).toContain(anchor);
      // The section opens with the code's summary and says whether it can be suppressed.
      const section = text.slice(text.indexOf(`## \`${code.id}\`\n`));
      expect(section.startsWith(`## \`${code.id}\`\n\n${code.summary}\n`), code.id).toBe(true);
      expect(section, code.id).toMatch(new RegExp(`\\| Suppressible \\| ${code.suppressible ? "yes" : "no"}`));
    }
  });

  test("every page says what a build from workflows.ts tells users, when it differs, and whether the code can be suppressed", () => {
    for (const code of allCodes().filter((c) => c.kind === "rule")) {
      const text = readFileSync(join(ROOT, code.docs), "utf8");
      if (code.fixTs !== code.fix) expect(text, code.id).toContain(`\n## In \`workflows.ts\`\n\nIn a workflow built from \`workflows.ts\`, \`wfgen build\` reports it at the line of the call that made the step, job or workflow, with the YAML path, and the fix reads: ${code.fixTs}\n`);
      if (!code.suppressible) expect(text, code.id).toContain("\n## Suppressing\n\nIt cannot be suppressed");
      for (const alias of code.aliases) expect(text, `${code.id} names its old id ${alias}`).toContain(`\`${alias}\``);
    }
  });

  test("the rules index lists the build's codes", () => {
    const index = readFileSync(join(ROOT, "docs/rules/README.md"), "utf8");
    for (const code of allCodes().filter((c) => c.kind === "build")) {
      expect(index).toContain(`| [\`${code.id}\`](build-checks.md#${code.id}) | ${code.severity} | ${code.suppressible ? "yes" : "no"} | ${code.summary} |`);
    }
  });
});

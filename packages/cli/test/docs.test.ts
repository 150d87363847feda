import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { commands, exitCodes, optionsMarkdown } from "../src/options.ts";
import { read, repo, wfgen } from "./helpers.ts";

const docs = new URL("../../../docs/", import.meta.url);

describe("docs/cli.md", () => {
  // The option table is the source of truth; WFGEN_UPDATE_DOCS=1 rewrites the generated blocks.
  const file = new URL("cli.md", docs);
  test("holds every command's flag table, generated from the option table, and every exit code", () => {
    let doc = readFileSync(file, "utf8");
    for (const c of commands) {
      const start = `<!-- options:${c.name} -->\n`;
      const end = `<!-- /options:${c.name} -->`;
      expect(doc, `docs/cli.md lacks the markers for ${c.name}`).toContain(start);
      const block = doc.slice(doc.indexOf(start) + start.length, doc.indexOf(end));
      if (process.env.WFGEN_UPDATE_DOCS) doc = doc.replace(start + block, `${start}${optionsMarkdown(c)}\n`);
      else
        expect(block, `run WFGEN_UPDATE_DOCS=1 pnpm exec vitest run packages/cli/test/docs.test.ts`).toBe(
          `${optionsMarkdown(c)}\n`,
        );
    }
    if (process.env.WFGEN_UPDATE_DOCS) writeFileSync(file, doc);
    for (const e of exitCodes) expect(doc).toMatch(new RegExp(`\\| ${e.code} \\|`));
  });
});

describe("docs/drift-check.md", () => {
  test("its example workflow is what wfgen generates from its TypeScript", async () => {
    const doc = readFileSync(new URL("drift-check.md", docs), "utf8");
    const example =
      /<!-- example:drift-check-workflow -->\n```ts\n([\s\S]*?)```[\s\S]*?```yaml\n([\s\S]*?)```\n<!-- \/example:drift-check-workflow -->/.exec(
        doc,
      );
    expect(example, "the example markers and code blocks").not.toBeNull();
    const dir = repo({ "workflows.ts": example![1]! });
    // Pinned from the catalog that ships with wfgen, as `npx wfgen init` does.
    expect((await wfgen(dir, ["pin", "--offline", "--quiet"])).code).toBe(0);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/wfgen-check.yml")).toBe(example![2]);
  });
});

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { typeProblems } from "../../../test/type-problems.ts";
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

describe("docs/dsl.md: errors of typed calls", () => {
  // Each example is built and must fail with exactly the output shown (WFGEN_UPDATE_DOCS=1 rewrites it), and
  // tsc must accept it: each mistake is one the types reject too (its @ts-expect-error is used).
  const file = new URL("dsl.md", docs);
  const EXAMPLE =
    /<!-- build-error:([\w-]+) -->\n```ts\n([\s\S]*?)```\n\n`wfgen build` reports:\n\n```text\n([\s\S]*?)```\n<!-- \/build-error -->/g;
  const examples = [...readFileSync(file, "utf8").matchAll(EXAMPLE)].map(([, name, ts, output]) => ({ name: name!, ts: ts!, output: output! }));

  test("show every code a typed call or a preset job can fail the build with", () => {
    const codes = new Set(examples.flatMap((e) => [...e.output.matchAll(/ error \[([\w-]+)\]/g)].map((m) => m[1])));
    // Other problems of an example are reported in the same run (the build reports every problem at once).
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(["invalid-action-input", "missing-action-input", "missing-env", "unknown-action-input", "unknown-context-property"]),
    );
  });

  for (const example of examples) {
    test(`${example.name}: the build fails with the errors shown, and writes nothing`, async () => {
      const dir = repo({ "workflows.ts": example.ts });
      expect((await wfgen(dir, ["pin", "--offline", "--quiet"])).code).toBe(0);
      const built = await wfgen(dir, ["build"]);
      if (process.env.WFGEN_UPDATE_DOCS) {
        const doc = readFileSync(file, "utf8");
        writeFileSync(file, doc.replace(`${example.ts}\`\`\`\n\n\`wfgen build\` reports:\n\n\`\`\`text\n${example.output}`, `${example.ts}\`\`\`\n\n\`wfgen build\` reports:\n\n\`\`\`text\n${built.stderr}`));
      } else expect(built.stderr).toBe(example.output);
      expect(built.code).toBe(1);
      expect(existsSync(join(dir, ".github"))).toBe(false);
    });
  }

  test("tsc rejects each mistake too: the examples compile only with their @ts-expect-error", () => {
    const src = fileURLToPath(new URL("../src/", import.meta.url));
    const paths = { wfgen: [`${src}index.ts`], "wfgen/actions": [`${src}actions.ts`], "wfgen/presets": [`${src}presets.ts`] };
    // Each example as written, and without its @ts-expect-error comments, in one program (that is the slow part).
    const written = repo({ ...Object.fromEntries(examples.map((e) => [`${e.name}.ts`, e.ts])), "package.json": '{ "type": "module" }\n' });
    const stripped = repo({
      ...Object.fromEntries(examples.map((e) => [`${e.name}.ts`, e.ts.replace(/^ *\/\/ @ts-expect-error.*\n/gm, "")])),
      "package.json": '{ "type": "module" }\n',
    });
    const files = (dir: string) => examples.map((e) => join(dir, `${e.name}.ts`));
    const problems = typeProblems([...files(written), ...files(stripped)], { paths });
    expect(files(written).map((file) => problems.get(file) ?? [])).toEqual(examples.map(() => []));
    expect(files(stripped).map((file) => problems.get(file)?.length)).toEqual(examples.map((e) => e.ts.match(/@ts-expect-error/g)!.length));
  }, 120_000);
});

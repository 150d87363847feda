/**
 * Every generator of the repository whose output is committed, with its input: the one list that
 * `pnpm generate` runs (scripts/generate.mjs), that `pnpm generate --check` and test/generate.test.ts
 * compare with the files, and that docs/dev/architecture.md describes. Each `render` reads its input and
 * returns the full text of each file it owns; none writes.
 *
 * The workflows that wfgen itself generates (.github/workflows and each example's) are not here: they need
 * the built CLI, so scripts/generate.mjs runs `wfgen build` on each project after the source stage, and the
 * `docs` stage then reads them. The docs generators call TypeScript (scripts/docs-sources.ts), which the
 * caller loads and passes in.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateBindings } from "../packages/actions/scripts/codegen.mjs";
import { readAllActionData } from "../packages/actions/scripts/data.mjs";
import { generateTable, TABLE_FILE } from "../packages/actions/scripts/table.mjs";
import { renderCatalog } from "../packages/cli/scripts/gen-catalog.mjs";
import { renderDslTypes } from "../packages/core/scripts/gen-dsl-types.mjs";
import { renderFacts } from "../packages/core/scripts/gen-facts.mjs";

/** The repository root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

const read = (path) => readFileSync(join(ROOT, path), "utf8");

/** Each preset's page and the generated workflows its YAML blocks show, in order. */
export const PRESET_PAGES = {
  "docker-publish.md": ["examples/docker-publish/.github/workflows/deploy-image.yml"],
  "container-push.md": ["examples/demo-push/.github/workflows/demo-push.yml"],
  "ghcr-install.md": [
    "examples/ghcr-install/.github/workflows/ghcr-install.yml",
    "examples/ghcr-install/.github/workflows/ghcr-tools.yml",
  ],
  "package-cleanup.md": ["examples/cleanup/.github/workflows/package-cleanup.yml"],
  "drift-check.md": [".github/workflows/wfgen-check.yml"],
};

/** `doc` with the text between `start` and `end` (both kept) replaced; throws when a mark is missing. */
function between(doc, file, start, end, text) {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`${file}: the marks ${start} and ${end} are missing`);
  return doc.slice(0, from + start.length) + text + doc.slice(to);
}

/** The generators, given the TypeScript the docs generators call (scripts/docs-sources.ts). */
export function generators(docs) {
  const { commands, optionsMarkdown, permissionsDocTables, TABLE_END, TABLE_START } = docs;
  return [
    {
      name: "GitHub facts",
      output: "packages/core/src/facts/github.gen.ts",
      generator: "packages/core/scripts/gen-facts.mjs",
      input: "data/github-facts.json",
      stage: "source",
      render: () =>
        new Map([["packages/core/src/facts/github.gen.ts", renderFacts(JSON.parse(read("data/github-facts.json")))]]),
    },
    {
      name: "DSL types",
      output: "packages/core/src/model/dsl-types.gen.ts",
      generator: "packages/core/scripts/gen-dsl-types.mjs",
      input: "the model's zod schemas (packages/core/src/model), which read the generated facts",
      stage: "model",
      render: async () => new Map([["packages/core/src/model/dsl-types.gen.ts", await renderDslTypes()]]),
    },
    {
      name: "action bindings",
      output: "packages/actions/src/generated/<owner>/<repo>.ts, packages/actions/src/index.ts",
      generator: "packages/actions/scripts/codegen.mjs",
      input: "data/actions/<owner>/<repo>.json (the refs' facts)",
      stage: "source",
      render: () => new Map([...generateBindings()].map(([path, text]) => [`packages/actions/${path}`, text])),
      orphans: (files) => {
        const dir = join(ROOT, "packages/actions/src/generated");
        return readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split("\\").join("/"))
          .filter((path) => !files.has(path));
      },
    },
    {
      name: "action table",
      output: "packages/actions/src/table.gen.ts",
      generator: "packages/actions/scripts/table.mjs",
      input: "data/actions/<owner>/<repo>.json (the refs' facts)",
      stage: "source",
      render: () => new Map([[`packages/actions/${TABLE_FILE}`, generateTable()]]),
    },
    {
      name: "offline catalog",
      output: "packages/cli/src/github/catalog.gen.ts",
      generator: "packages/cli/scripts/gen-catalog.mjs",
      input: "data/actions/<owner>/<repo>.json (the tag tables)",
      stage: "source",
      render: () => new Map([["packages/cli/src/github/catalog.gen.ts", renderCatalog(readAllActionData())]]),
    },
    {
      name: "permissions tables",
      output: "docs/permissions.md (between its generated marks)",
      generator: "packages/core/src/permissions/doc-table.ts",
      input: "the permission knowledge: packages/core/src/permissions/{knowledge,run-commands,rest-api}.ts",
      stage: "docs",
      render: () => {
        const doc = read("docs/permissions.md");
        return new Map([
          [
            "docs/permissions.md",
            between(
              doc,
              "docs/permissions.md",
              TABLE_START,
              TABLE_END,
              permissionsDocTables().slice(TABLE_START.length, -TABLE_END.length),
            ),
          ],
        ]);
      },
    },
    {
      name: "CLI option tables",
      output: "docs/cli.md (between the <!-- options:<command> --> marks)",
      generator: "optionsMarkdown in packages/cli/src/options.ts",
      input: "the option table: packages/cli/src/options.ts",
      stage: "docs",
      render: () => {
        let doc = read("docs/cli.md");
        for (const command of commands) {
          doc = between(
            doc,
            "docs/cli.md",
            `<!-- options:${command.name} -->\n`,
            `<!-- /options:${command.name} -->`,
            `${optionsMarkdown(command)}\n`,
          );
        }
        return new Map([["docs/cli.md", doc]]);
      },
    },
    {
      name: "preset pages",
      output: "docs/presets/*.md (their ```yaml blocks)",
      generator: "scripts/generators.ts (PRESET_PAGES)",
      input: "the examples' generated workflows",
      stage: "docs",
      render: () =>
        new Map(
          Object.entries(PRESET_PAGES).map(([page, files]) => {
            const path = `docs/presets/${page}`;
            const blocks = files.map(read);
            let index = 0;
            const text = read(path).replace(/```yaml\n[\s\S]*?```/g, (block) =>
              index < blocks.length ? `\`\`\`yaml\n${blocks[index++]}\`\`\`` : block,
            );
            if (index !== blocks.length)
              throw new Error(`${path} has ${index} yaml blocks for ${blocks.length} workflows`);
            return [path, text];
          }),
        ),
    },
  ];
}

/** Every file the generators own, with the text they would write; the orphans they would delete. */
export async function renderAll(docs, stage) {
  const files = new Map();
  const orphans = [];
  for (const generator of generators(docs)) {
    if (stage !== undefined && generator.stage !== stage) continue;
    const own = await generator.render();
    for (const [path, text] of own) files.set(path, text);
    orphans.push(...(generator.orphans?.(own) ?? []));
  }
  return { files, orphans };
}

/** The files whose committed text differs from what their generator makes, and the orphans. */
export async function staleFiles(docs, stage) {
  const { files, orphans } = await renderAll(docs, stage);
  const stale = [];
  for (const [path, text] of files) {
    let current;
    try {
      current = read(path);
    } catch {
      current = undefined;
    }
    if (current !== text) stale.push(path);
  }
  return [...stale, ...orphans];
}

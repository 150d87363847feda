/**
 * `pnpm test:corpus <dir>`: wfgen import's round trip over any folder of workflow files, outside the
 * default suite (scripts/test-corpus.mjs runs this file with vitest.corpus.config.ts). Every .yml/.yaml
 * file under the folder is a test: it must import, build back to the same workflow after the documented
 * normalisations (docs/migrating.md), and lint without a validity error (invalid-workflow, yaml-syntax).
 * Files are imported in batches whose names are unique, since one workflows.ts holds each batch.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { importAndBuild, normalise, resolveUses, type RoundTrip } from "../../packages/cli/test/import-helpers.ts";
import { read, repo, wfgen } from "../../packages/cli/test/helpers.ts";

const dir = process.env.WFGEN_CORPUS_DIR;
if (!dir) throw new Error("WFGEN_CORPUS_DIR is not set: run pnpm test:corpus <dir>");

// Findings that say the file is not a valid workflow, as opposed to advice about a valid one.
const VALIDITY = new Set(["invalid-workflow", "yaml-syntax"]);

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.ya?ml$/.test(path) && !path.split(/[\\/]/).includes("node_modules"))
    .map((path) => relative(dir!, join(folder, path)))
    .sort();
}

const files = yamlFiles(dir);
// Batches with unique file names, in order: the n-th file of a given name goes to batch n.
const batches: string[][] = [];
for (const path of files) {
  const batch = batches.find((b) => !b.some((other) => basename(other) === basename(path)));
  if (batch) batch.push(path);
  else batches.push([path]);
}

test(`${dir} holds workflow files`, () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const [index, batch] of batches.entries()) {
  describe(batches.length > 1 ? `batch ${index + 1} of ${batches.length}` : "round trip", () => {
    const texts = Object.fromEntries(batch.map((path) => [basename(path), readFileSync(join(dir, path), "utf8")]));
    let trip: RoundTrip;
    let problems: Array<{ file: string; line?: number; message: string }> = [];
    let findings: Array<{ code: string; message: string; where: { file: string; line?: number } }> = [];
    beforeAll(async () => {
      trip = await importAndBuild(texts, ["--json"], true);
      problems = (JSON.parse(trip.imported.stdout || "{}") as { problems?: typeof problems }).problems ?? [];
      const linted = await wfgen(repo(Object.fromEntries(Object.entries(texts).map(([name, text]) => [`yaml/${name}`, text]))), [
        "lint",
        ...Object.keys(texts).map((name) => `yaml/${name}`),
        "--format",
        "json",
      ]);
      findings = (JSON.parse(linted.stdout || "{}") as { findings?: typeof findings }).findings ?? [];
    }, 600_000);
    afterAll(() => trip?.remove());

    test.each(batch)("%s", (path) => {
      const name = basename(path);
      const refused = problems.filter((p) => p.file === `yaml/${name}`).map((p) => `${path}:${p.line ?? 1}: ${p.message}`);
      expect(refused, "wfgen import refuses it").toEqual([]);
      const invalid = findings
        .filter((f) => VALIDITY.has(f.code) && f.where.file.endsWith(`yaml/${name}`))
        .map((f) => `${path}:${f.where.line ?? 1}: [${f.code}] ${f.message}`);
      expect(invalid, "wfgen lint finds it invalid").toEqual([]);
      expect(trip.built.code, `wfgen build of the imported TypeScript:\n${trip.built.stderr}`).toBe(0);
      const input = parse(texts[name]!) as Record<string, unknown>;
      const built = parse(read(trip.dir, `.github/workflows/${name}`)) as Record<string, unknown>;
      expect(normalise(built, input, trip.lock), `${path}: the built YAML, normalised`).toEqual(resolveUses(input, trip.lock));
    });
  });
}

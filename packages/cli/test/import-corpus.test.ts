/**
 * The contract of `wfgen import` over real YAML: the repository's workflow corpus (test/fixtures/corpus,
 * written for these tests to cover every trigger form, matrix forms, services, containers, reusable calls,
 * local actions, anchors and aliases, comments and block scalars), imported together into one workflows.ts,
 * built by the CLI, and compared with the input as parsed data after the documented normalisations only
 * (import-helpers.ts, docs/migrating.md). The imported file must compile under `tsc --strict`.
 *
 * Four corpus files are templates, as starter workflows are: `$cron-daily`, `$cron-weekly` and
 * `$codeql-languages-matrix` are replaced when someone adopts one. As written they are not valid workflows
 * (a cron of one field, a matrix that is a word), and import refuses them with the line; the round trip runs
 * on them as a user would have them, with those placeholders filled in. `$default-branch` is a valid string
 * and stays as it is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isDocument, parseAllDocuments } from "yaml";
import { expectSameWorkflows, importAndBuild, typeErrors, yamlComments, type RoundTrip, type YamlFiles } from "./import-helpers.ts";
import { repo, wfgen } from "./helpers.ts";

const CORPUS = fileURLToPath(new URL("../../../test/fixtures/corpus/", import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

/** Every corpus workflow that is valid YAML, by file name (the names are unique across folders). */
function corpus(): YamlFiles {
  const files: YamlFiles = {};
  for (const path of yamlFiles(CORPUS)) {
    const text = readFileSync(path, "utf8");
    if (!parseAllDocuments(text).every((d) => isDocument(d) && d.errors.length === 0)) continue;
    const name = relative(CORPUS, path).split(/[\\/]/).pop()!;
    if (name in files) throw new Error(`two corpus files are named ${name}`);
    files[name] = text;
  }
  return files;
}

/** A template as a user adopts it: the placeholders that are not valid values filled in. */
function instantiate(text: string): string {
  return text
    .replace(/\$cron-daily/g, "'30 5 * * *'")
    .replace(/\$cron-weekly/g, "'30 5 * * 1'")
    .replace(/^(\s*)\$codeql-languages-matrix$/m, "$1include:\n$1- language: actions\n$1  build-mode: none\n$1- language: javascript-typescript\n$1  build-mode: none");
}

describe("wfgen import over the workflow corpus", () => {
  const files = corpus();
  const instantiated = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, instantiate(text)]));
  let trip: RoundTrip;
  beforeAll(async () => {
    trip = await importAndBuild(instantiated, [], true);
  }, 120_000);
  afterAll(() => trip?.remove());

  test("the corpus is its 32 workflows", () => {
    expect(Object.keys(files)).toHaveLength(32);
  });

  test("every one imports, and the build gives back the same workflow", () => {
    expect(trip.imported.stderr).not.toMatch(/error:/);
    expect(trip.imported.code).toBe(0);
    expect(trip.imported.stdout).toContain("wfgen import: 32 imported, 0 not imported");
    expectSameWorkflows(trip, instantiated);
  });

  test("the imported TypeScript compiles under tsc --strict", () => {
    expect(typeErrors(join(trip.dir, "workflows.ts"))).toEqual([]);
  }, 60_000);

  test("it uses the DSL: typed actions, handles, typed references, comments", () => {
    const source = trip.source;
    expect(source).toMatch(/^import \{[^}]*\bjob,[^}]*\bworkflow,?\s*\} from "wfgen";$/m);
    expect(source).toMatch(/^import \{[^}]*\bcheckout,[^}]*\} from "wfgen\/actions";$/m);
    // docker-publish.yml: the metadata step is read by the build step, through a handle.
    expect(source).toMatch(/const meta = dockerMetadata\.v5\(\{/);
    expect(source).toContain("tags: meta.outputs.tags,");
    // A script keeps its ${{ }} as text: an interpolated expression would move to env in the YAML.
    expect(source).toContain("${{ github.event_name != 'pull_request' }}");
    expect(source).toContain("// Release tags (v1.2.3) publish an image too.");
  });

  test("the file is formatted: prettier leaves it as it is", async () => {
    const prettier = await import("prettier");
    expect(await prettier.format(trip.source, { parser: "typescript" })).toBe(trip.source);
  });

  test("every comment of the YAML is in the TypeScript, as a // comment", () => {
    const lines = new Set(trip.source.split("\n").map((l) => l.trim()));
    const missing: string[] = [];
    for (const [name, text] of Object.entries(instantiated)) {
      for (const comment of yamlComments(text)) {
        // A pin's version tag moves into wfgen.lock.json, and the build writes it back after the SHA.
        if (/^\s*v?\d+(\.\d+)*\s*$/.test(comment)) continue;
        const expected = comment.trim() === "" ? "//" : `// ${comment.trim()}`;
        const found = [...lines].some((l) => l === expected || l.endsWith(` ${expected}`) || (comment.startsWith(" ") && l.endsWith(`//${comment.trimEnd()}`)));
        if (!found) missing.push(`${name}: #${comment}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("as published, the templates whose placeholders are not valid values are refused with their line", async () => {
    const dir = repo(Object.fromEntries(Object.entries(files).map(([name, text]) => [`yaml/${name}`, text])));
    const result = await wfgen(dir, ["import", "yaml", "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: Array<{ file: string; line: number; message: string }>; imported: unknown[] };
    expect(report.imported).toHaveLength(28);
    expect(report.problems.map((p) => `${p.file}:${p.line}`).sort()).toEqual([
      "yaml/codeql.yml:23",
      // GitHub's parser reads the file too, and refuses the placeholder's line after it.
      "yaml/codeql.yml:24",
      "yaml/docker-publish.yml:7",
      "yaml/scorecard.yml:6",
      "yaml/stale.yml:6",
    ]);
    expect(report.problems.find((p) => p.file === "yaml/stale.yml")!.message).toContain('the schedule "$cron-daily" has 1 field');
  });
});

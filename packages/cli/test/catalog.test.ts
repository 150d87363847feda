import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { actionMetadata } from "@wfgen/actions/metadata";
import { readAllActionData } from "@wfgen/actions/data";
import { OUTPUT_URL, renderCatalog } from "../scripts/gen-catalog.mjs";
import { CATALOG } from "../src/github/catalog.gen.ts";
import { actionTags, startFakeGitHub } from "./fake-github.ts";
import { read, repo, wfgen } from "./helpers.ts";

/** Per repository: its highest major tag and the full releases at the same commit. */
const meta = (): Record<string, { latest_major_tag: string; latest_major_points_to_same_commit_as: string[] }> =>
  Object.fromEntries(
    Object.entries(actionTags().tags).map(([name, tags]) => {
      const major = Object.keys(tags)
        .filter((tag) => /^v\d+$/.test(tag))
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
        .at(-1)!;
      const releases = Object.keys(tags).filter((tag) => /^v\d+\.\d+\.\d+$/.test(tag) && tags[tag] === tags[major]);
      return [name, { latest_major_tag: major, latest_major_points_to_same_commit_as: releases }];
    }),
  );

// A pinned `uses:` line exactly as Dependabot and Renovate read it.
const PINNED = /^\s+(?:- )?uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/;

describe("the offline catalog", () => {
  test("catalog.gen.ts is what the generator makes from data/actions today", () => {
    expect(readFileSync(OUTPUT_URL, "utf8")).toBe(renderCatalog(readAllActionData()));
  });

  test("the generator refuses a SHA that is not a full lowercase commit", () => {
    expect(() => renderCatalog({ "a/b": { tags: { v1: "ABC" } } })).toThrow("a/b@v1 is not a 40-hex commit SHA");
  });
});

describe("pins agree with the tag tables of data/actions", () => {
  const repos = Object.keys(CATALOG);
  const intents = repos.map((name) => `${name}@${meta()[name]!.latest_major_tag}`);
  // github-script runs the caller's script, so only its author can say which token scopes it needs.
  // Required inputs are given, since the build's linter refuses a step without them (missing-action-input).
  const stepOf = (intent: string): string => {
    const [name, ref] = intent.split("@") as [string, string];
    const inputs = Object.entries(actionMetadata(name, ref)?.inputs ?? {}).filter(([, input]) => input.required);
    const step = `{ uses: "${intent}"${inputs.length ? `, with: { ${inputs.map(([input]) => `"${input}": "x"`).join(", ")} }` : ""} }`;
    return intent.startsWith("actions/github-script@") ? `step(${step}, { permissions: {} })` : step;
  };
  const workflowsTs =
    'import { job, step, workflow } from "wfgen";\n\nexport const ci = workflow("ci", {\n  on: { push: {} },\n' +
    `  jobs: { all: job({ "runs-on": "ubuntu-latest", steps: [${intents.map(stepOf).join(", ")}] }) },\n});\n`;

  /** Every `uses:` of the built file: each must be pinned, at the commit and release the table names. */
  function expectPinnedAsTheTableSays(dir: string): void {
    const { tags } = actionTags();
    const lines = read(dir, ".github/workflows/ci.yml")
      .split("\n")
      .filter((line) => /^\s+(?:- )?uses:/.test(line));
    expect(lines).toHaveLength(repos.length);
    for (const line of lines) {
      const [, name, sha, tag] = PINNED.exec(line) ?? [];
      expect(name, line).toBeDefined();
      const { latest_major_tag: major, latest_major_points_to_same_commit_as: releases } = meta()[name!]!;
      expect(sha).toBe(tags[name!]![major]);
      expect(sha).toBe(tags[name!]![tag!]);
      expect(releases).toContain(tag);
    }
  }

  test("through GitHub's API", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": workflowsTs });
    expect((await wfgen(dir, ["pin", "--quiet"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expectPinnedAsTheTableSays(dir);
  });

  test("through the offline catalog, to the same lock", async () => {
    const github = await startFakeGitHub();
    const online = repo({ "workflows.ts": workflowsTs });
    await wfgen(online, ["pin", "--quiet"], { WFGEN_GITHUB_API_URL: github.url });
    const dir = repo({ "workflows.ts": workflowsTs });
    expect((await wfgen(dir, ["pin", "--offline", "--quiet"])).code).toBe(0);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expectPinnedAsTheTableSays(dir);
    const strip = (text: string): string =>
      text
        .replace(/"resolvedAt": "[^"]+",\n/g, "")
        .replace(/\s+"tagObject": "[0-9a-f]+"/g, "")
        .replace(/,\n(\s+)}/g, "\n$1}");
    expect(strip(read(dir, "wfgen.lock.json"))).toBe(strip(read(online, "wfgen.lock.json")));
  });
});

describe("the examples' generated workflows", () => {
  // Each example is a small repository: workflows.ts, wfgen.lock.json and the committed .github/workflows.
  const root = fileURLToPath(new URL("../../../examples/", import.meta.url));
  const files = existsSync(root)
    ? readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
        /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(f),
      )
    : [];
  test(
    "pin every remote uses: to a commit with a # vX.Y.Z comment, as the tag tables say",
    () => {
      const { tags } = actionTags();
      for (const file of files) {
        for (const line of readFileSync(join(root, file), "utf8").split("\n")) {
          const uses = /^\s+(?:- )?uses: (\S+)/.exec(line)?.[1];
          if (uses === undefined || uses.startsWith("./") || uses.startsWith("docker://")) continue;
          const [, name, sha, tag] = PINNED.exec(line) ?? [];
          expect(name, `${file}: ${line.trim()}`).toBeDefined();
          const repoName = name!.split("/").slice(0, 2).join("/");
          if (tags[repoName]) expect(tags[repoName]![tag!], `${file}: ${line.trim()}`).toBe(sha);
        }
      }
    },
  );
});

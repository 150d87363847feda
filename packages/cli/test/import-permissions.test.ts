/**
 * Import never widens a job's token (docs/migrating.md): every job's effective permissions after import
 * and build are within the grant it ran with. Minimal cases first, then a property over generated
 * workflows.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { read } from "./helpers.ts";
import { expectSameWorkflows, importAndBuild } from "./import-helpers.ts";

const CHECKOUT = "      - uses: actions/checkout@v4\n";

describe("the grant a job ran with bounds what import writes", () => {
  test("a workflow's permissions: {} is kept for a job that checks out, with what wfgen would add and why", async () => {
    const files = { "empty.yml": `on: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${CHECKOUT}      - run: make test\n` };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    expect(trip.source).toMatch(
      /\/\/ wfgen import: the workflow's permissions, which this job ran with, unchecked: wfgen would add contents: read \(step #1: checks out the repository with GITHUB_TOKEN\), and import never widens a job's token\.[^\n]*\n\s+permissions: unchecked\(\{\}\),/,
    );
    expect(parse(read(trip.dir, ".github/workflows/empty.yml")).jobs.test.permissions).toEqual({});
    expect(trip.imported.stderr).toContain('empty.yml:4: note: job "test": permissions written as unchecked({}), the grant it ran with: wfgen would add contents: read, and import never widens a job\'s token');
  });

  test("a job whose gh call needs a write scope the workflow's block lacks keeps that block", async () => {
    const files = {
      "release.yml":
        "on: push\npermissions:\n  contents: read\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n" +
        "      - run: gh release create v1\n        env:\n          GH_TOKEN: ${{ github.token }}\n",
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    expect(trip.source).toMatch(/wfgen would add contents: write \(step #1: runs `gh release create` with GITHUB_TOKEN\)[^\n]*\n\s+permissions: unchecked\(\{ contents: "read" \}\),/);
  });

  test("a git push to a clone made with a personal access token does not make contents: read into write", async () => {
    const files = {
      "mirror.yml":
        "on: push\npermissions:\n  contents: read\njobs:\n  mirror:\n    runs-on: ubuntu-latest\n    steps:\n" +
        CHECKOUT +
        "      - run: |\n          git clone https://x:${{ secrets.PAT }}@github.com/acme/site site\n          cd site\n          git push\n",
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    expect(trip.source).not.toContain("unchecked");
    expect(parse(read(trip.dir, ".github/workflows/mirror.yml")).jobs.mirror.permissions).toEqual({ contents: "read" });
  });

  test("no block anywhere: the bound is GitHub's permissive default, which never includes id-token", async () => {
    const files = {
      "pages.yml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/deploy-pages@v4\n",
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    expect(trip.source).toMatch(/wfgen would add id-token: write \(step #1: proves where the Pages deployment comes from with an OIDC token\)/);
    expect(parse(read(trip.dir, ".github/workflows/pages.yml")).jobs.deploy.permissions).not.toHaveProperty("id-token");
  });
});

// ---------------------------------------------------------------------------------------------------
// The property: generated workflows with blocks at both levels and steps from a vocabulary of token users.

type Level = "read" | "write" | "none";
type Grant = "read-all" | "write-all" | Record<string, Level>;

const SCOPES = ["actions", "contents", "id-token", "issues", "packages", "pull-requests"] as const;
/** GitHub's permissive default for a job with no block anywhere: write on all but id-token (none) and models (read). */
const ALL_SCOPES = ["actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues", "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"];

function levelIn(grant: Grant, scope: string): Level {
  if (grant === "write-all") return scope === "models" ? "read" : "write";
  if (grant === "read-all") return scope === "id-token" ? "none" : "read";
  return grant[scope] ?? "none";
}

const PERMISSIVE: Grant = Object.fromEntries(ALL_SCOPES.map((s) => [s, s === "id-token" ? "none" : s === "models" ? "read" : "write"]));
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

const grantMap = fc.dictionary(
  fc.constantFrom(...SCOPES),
  fc.constantFrom<Level>("read", "write", "none"),
  { maxKeys: 3 },
).map((map) => Object.fromEntries(Object.entries(map).filter(([scope, level]) => !(scope === "id-token" && level === "read"))) as Grant);
const grant = fc.oneof(grantMap, fc.constantFrom<Grant>("read-all", "write-all", {}));

const STEPS = [
  "- uses: actions/checkout@v4",
  "- uses: actions/checkout@v4\n  with:\n    token: ${{ secrets.PAT }}",
  "- uses: actions/checkout@v4\n  with:\n    persist-credentials: false",
  "- run: git push",
  '- run: git push "https://x:${{ secrets.PAT }}@github.com/acme/r" HEAD',
  "- run: |\n    git clone https://x:${{ secrets.PAT }}@github.com/acme/site site\n    cd site && git push",
  "- run: gh release create v1\n  env:\n    GH_TOKEN: ${{ github.token }}",
  "- run: gh pr comment 1 --body hi\n  env:\n    GH_TOKEN: ${{ secrets.PAT }}",
  "- run: gh issue list\n  env:\n    GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
  '- run: echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u x --password-stdin',
  '- run: echo "${{ secrets.REGISTRY_TOKEN }}" | docker login ghcr.io -u x --password-stdin',
  "- run: docker push ghcr.io/acme/app:1",
  "- uses: actions/setup-node@v4\n  with:\n    registry-url: https://npm.pkg.github.com",
  "- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
  "- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}",
  "- run: make test",
];

interface GeneratedJob {
  permissions: Grant | undefined;
  steps: string[];
}
interface GeneratedWorkflow {
  permissions: Grant | undefined;
  env: boolean;
  jobs: GeneratedJob[];
}

const generated = fc.record({
  permissions: fc.option(grant, { nil: undefined }),
  // A job-wide GITHUB_TOKEN in env: reaches every step, which must still not make git push use it.
  env: fc.boolean(),
  jobs: fc.array(
    fc.record({ permissions: fc.option(grant, { nil: undefined }), steps: fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 3 },
  ),
});

function yamlGrant(value: Grant, indent: string): string {
  if (typeof value === "string") return ` ${value}\n`;
  const entries = Object.entries(value);
  return entries.length === 0 ? " {}\n" : `\n${entries.map(([scope, level]) => `${indent}${scope}: ${level}`).join("\n")}\n`;
}

function toYaml(w: GeneratedWorkflow): string {
  let out = "on: push\n";
  if (w.permissions !== undefined) out += `permissions:${yamlGrant(w.permissions, "  ")}`;
  out += "jobs:\n";
  w.jobs.forEach((job, i) => {
    out += `  j${i}:\n    runs-on: ubuntu-latest\n`;
    if (job.permissions !== undefined) out += `    permissions:${yamlGrant(job.permissions, "      ")}`;
    if (w.env) out += "    env:\n      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n";
    out += `    steps:\n${job.steps.map((s) => s.replace(/^/gm, "      ")).join("\n")}\n`;
  });
  return out;
}

describe("property: import never widens a job's token", () => {
  test("for generated workflows, every job's permissions after import and build are within those it ran with", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generated, { minLength: 1, maxLength: 6 }), async (workflows) => {
        const files = Object.fromEntries(workflows.map((w, i) => [`w${i}.yml`, toYaml(w)]));
        const trip = await importAndBuild(files, [], true);
        try {
          expect(trip.built.code, `${trip.imported.stderr}\n${trip.built.stderr}`).toBe(0);
          expectSameWorkflows(trip, files);
          workflows.forEach((w, i) => {
            const built = parse(read(trip.dir, `.github/workflows/w${i}.yml`)) as { permissions?: Grant; jobs: Record<string, { permissions?: Grant }> };
            w.jobs.forEach((job, j) => {
              const before = job.permissions ?? w.permissions ?? PERMISSIVE;
              const after = built.jobs[`j${j}`]!.permissions ?? built.permissions ?? {};
              for (const scope of ALL_SCOPES) {
                expect(RANK[levelIn(after, scope)], `w${i}.yml › j${j} › ${scope}\n${files[`w${i}.yml`]}`).toBeLessThanOrEqual(RANK[levelIn(before, scope)]);
              }
            });
          });
        } finally {
          trip.remove();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

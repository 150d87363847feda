import { LOCK_FILE } from "@wfgen/core";
import { describe, expect, test } from "vitest";
import { LOCK_FILE as CLI_LOCK_FILE } from "../src/load/lock.ts";
import { actionTags, deadUrl, startFakeGitHub } from "./fake-github.ts";
import { read, repo, snapshot, wfgen } from "./helpers.ts";

const { tags } = actionTags();

/** A workflows.ts with one job whose steps use `intents`, in order. */
function usesTs(...intents: string[]): string {
  return [
    'import { job, workflow } from "wfgen";',
    "",
    'export const ci = workflow("ci", {',
    "  on: { push: {} },",
    "  jobs: {",
    '    test: job({ "runs-on": "ubuntu-latest", steps: [',
    ...intents.map((uses) => `      { uses: ${JSON.stringify(uses)} },`),
    "    ] }),",
    "  },",
    "});",
    "",
  ].join("\n");
}

const lockOf = (dir: string): { actions: Record<string, Record<string, unknown>> } =>
  JSON.parse(read(dir, "wfgen.lock.json"));

describe("wfgen pin against the GitHub API", () => {
  test("a major intent pins the moving tag's commit, with the most specific tag at it as the comment", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": usesTs("docker/build-push-action@v7", "actions/setup-node@v6.5") });
    const env = { WFGEN_GITHUB_API_URL: github.url };
    const result = await wfgen(dir, ["pin"], env);
    const push = tags["docker/build-push-action"]!;
    const node = tags["actions/setup-node"]!;
    expect(result).toEqual({
      code: 0,
      stdout:
        `pinned  actions/setup-node@v6.5 -> ${node["v6.5.0"]} # v6.5.0\n` +
        `pinned  docker/build-push-action@v7 -> ${push.v7} # v7.3.0\n` +
        "wfgen pin: 2 pinned, 0 already pinned, 0 removed; wrote wfgen.lock.json.\n",
      stderr: "",
    });
    expect(push.v7).toBe(push["v7.3.0"]);
    expect(lockOf(dir).actions["docker/build-push-action@v7"]).toEqual({
      sha: push.v7,
      tag: "v7.3.0",
      resolvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toContain(
      `    steps:\n      - uses: docker/build-push-action@${push.v7} # v7.3.0\n\n      - uses: actions/setup-node@${node["v6.5.0"]} # v6.5.0\n`,
    );
    // A second pin has nothing to resolve and does not touch the network or the file.
    const requests = github.requests.length;
    const before = snapshot(dir);
    expect((await wfgen(dir, ["pin"], env)).stdout).toBe(
      "wfgen pin: 0 pinned, 2 already pinned, 0 removed; nothing to write.\n",
    );
    expect(github.requests.length).toBe(requests);
    expect(snapshot(dir)).toEqual(before);
  });

  test("an annotated tag is peeled to its commit, and the tag object is recorded", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": usesTs("actions/attest-build-provenance@v4", "actions/checkout@v6.0.3") });
    expect((await wfgen(dir, ["pin", "--quiet"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    const attest = github.refObject("actions/attest-build-provenance", "v4");
    const checkout = github.refObject("actions/checkout", "v6.0.3");
    expect(attest.type).toBe("tag");
    expect(lockOf(dir).actions).toMatchObject({
      "actions/attest-build-provenance@v4": {
        sha: tags["actions/attest-build-provenance"]!.v4,
        tag: "v4.1.0",
        tagObject: attest.sha,
      },
      "actions/checkout@v6.0.3": { sha: tags["actions/checkout"]!["v6.0.3"], tag: "v6.0.3", tagObject: checkout.sha },
    });
    expect(github.requests.map((r) => r.path)).toContain(`/repos/actions/checkout/git/tags/${checkout.sha}`);
  });

  test("a chain of tag objects is followed to the commit, across pages of tags", async () => {
    const github = await startFakeGitHub({ pageSize: 2 });
    const commit = tags["docker/login-action"]!["v4.1.0"]!;
    github.setTag("docker/login-action", "v4.1.0", commit, 3);
    const dir = repo({ "workflows.ts": usesTs("docker/login-action@v4") });
    expect((await wfgen(dir, ["pin", "--quiet"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    expect(lockOf(dir).actions["docker/login-action@v4"]).toMatchObject({ sha: commit, tag: "v4.1.0" });
    expect(github.requests.filter((r) => r.path.includes("matching-refs")).length).toBeGreaterThan(1);
    expect(github.requests.filter((r) => r.path.includes("/git/tags/")).length).toBe(3);
  });

  test("GITHUB_TOKEN (or GH_TOKEN) is sent as a bearer token", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": usesTs("actions/cache@v5") });
    await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: github.url, GH_TOKEN: "ghs_example" });
    expect(github.requests.every((r) => r.authorization === "Bearer ghs_example")).toBe(true);
  });

  test("the rate limit is explained in plain words, with what to do; nothing is pinned", async () => {
    const github = await startFakeGitHub();
    github.rateLimit(true);
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: cannot pin actions/checkout@v4 (ci.yml › test › step #1): GitHub's API rate limit is used up " +
        "(60 requests an hour without a token); it resets at 13:37 UTC\n" +
        "  Fix: set GITHUB_TOKEN or GH_TOKEN to any GitHub token (no scopes are needed for public repositories) to get " +
        "5,000 requests an hour, or run `npx wfgen pin --offline` to use the catalog that ships with wfgen\n" +
        "wfgen pin: 0 pinned, 0 already pinned, 0 removed, 1 failed; wrote wfgen.lock.json.\n",
    });
  });

  test("an unknown repository and a branch are refused with the reason and the fix", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": usesTs("acme/nothing@v1", "actions/checkout@main") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: cannot pin acme/nothing@v1 (ci.yml › test › step #1): GitHub has no repository acme/nothing, or it is private and no token was given\n" +
        "  Fix: check the owner and name in workflows.ts; for a private repository set GITHUB_TOKEN or GH_TOKEN\n" +
        'error: cannot pin actions/checkout@main (ci.yml › test › step #2): actions/checkout has no tag "main" (nor a release under it); wfgen pins tags, not branches\n' +
        '  Fix: name a release tag in workflows.ts (for example actions/checkout@v1), or record an explicit opt-out in wfgen.lock.json: "actions/checkout@main": { "unpinned": true, "reason": "..." }\n' +
        "wfgen pin: 0 pinned, 0 already pinned, 0 removed, 2 failed; wrote wfgen.lock.json.\n",
    );
  });

  test("without a network, pin falls back to the catalog and says so; --offline never asks", async () => {
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4") });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: await deadUrl() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^note: cannot reach the GitHub API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); resolving from wfgen's offline catalog \(tags as of 2025-09-06\) instead\.\n$/,
    );
    expect(lockOf(dir).actions["actions/checkout@v4"]).toMatchObject({
      sha: tags["actions/checkout"]!.v4,
      tag: "v4.4.0",
    });

    const github = await startFakeGitHub();
    const offline = repo({ "workflows.ts": usesTs("actions/checkout@v4") });
    expect((await wfgen(offline, ["pin", "--offline"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(read(offline, "wfgen.lock.json").replace(/"resolvedAt": "[^"]+"/, "")).toBe(
      read(dir, "wfgen.lock.json").replace(/"resolvedAt": "[^"]+"/, ""),
    );
  });

  test("entries no workflow uses are removed; the unpinned opt-out is kept and leaves uses as written", async () => {
    const dir = repo({
      "workflows.ts": usesTs("actions/checkout@v4", "acme/fork@main"),
      "wfgen.lock.json": JSON.stringify({
        version: 1,
        actions: {
          "actions/cache@v3": { sha: "a".repeat(40), tag: "v3.5.0", resolvedAt: "2026-01-01T00:00:00Z" },
          "acme/fork@main": { unpinned: true, reason: "our fork has no releases" },
        },
      }),
    });
    const result = await wfgen(dir, ["pin", "--offline"]);
    expect(result.stdout).toBe(
      `pinned  actions/checkout@v4 -> ${tags["actions/checkout"]!.v4} # v4.4.0\n` +
        "removed actions/cache@v3 (no workflow uses it)\n" +
        "wfgen pin: 1 pinned, 1 already pinned, 1 removed; wrote wfgen.lock.json.\n",
    );
    expect(Object.keys(lockOf(dir).actions)).toEqual(["acme/fork@main", "actions/checkout@v4"]);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toContain("      - uses: acme/fork@main\n");
  });
});

describe("refs that already are commits", () => {
  test("are built as written, keep a lock entry that names their tag, and need no network", async () => {
    const sha = tags["actions/checkout"]!["v4.4.0"]!;
    const dir = repo({
      "workflows.ts": usesTs(`actions/checkout@${sha}`, `actions/cache@${"A".repeat(40)}`),
      "wfgen.lock.json": JSON.stringify({
        version: 1,
        actions: { [`actions/checkout@${sha}`]: { sha, tag: "v4.4.0", resolvedAt: "2026-01-01T00:00:00Z" } },
      }),
    });
    const result = await wfgen(dir, ["pin"], { WFGEN_GITHUB_API_URL: await deadUrl() });
    // The hand-written lock is rewritten in wfgen's canonical form; its entry stays.
    expect(result).toEqual({
      code: 0,
      stdout: "wfgen pin: 0 pinned, 0 already pinned, 0 removed; wrote wfgen.lock.json.\n",
      stderr: "",
    });
    expect(Object.keys(JSON.parse(read(dir, "wfgen.lock.json")).actions)).toEqual([`actions/checkout@${sha}`]);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toContain(
      `      - uses: actions/checkout@${sha} # v4.4.0\n\n      - uses: actions/cache@${"A".repeat(40)}\n`,
    );
  });

  test("the CLI's name for the lockfile is core's", () => {
    expect(CLI_LOCK_FILE).toBe(LOCK_FILE);
  });
});

describe("building with the lock", () => {
  test("an empty lock and no network: build exits 1 with the message to run wfgen pin, and writes nothing", async () => {
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4", "./.github/actions/local") });
    const before = snapshot(dir);
    const result = await wfgen(dir, ["build"], { WFGEN_GITHUB_API_URL: await deadUrl() });
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(
        /^workflows\.ts:6:\d+ error \[missing-pin\] ci\.yml › test › step #1 \(jobs\.test\.steps\[0\]\.uses\)\n {2}the action "actions\/checkout@v4" has no entry in wfgen\.lock\.json, so wfgen cannot pin it to a commit SHA\n {2}Fix: run `npx wfgen pin` to resolve it and record it in wfgen\.lock\.json\n/,
      ),
    });
    expect(result.stderr).toMatch(/wfgen build: 1 error; nothing was written\.\n$/);
    expect(snapshot(dir)).toEqual(before);

    const check = await wfgen(dir, ["check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("[missing-pin]");
  });

  test("a malformed lock stops the build (exit 2) and names the entry", async () => {
    const dir = repo({
      "workflows.ts": usesTs("actions/checkout@v4"),
      "wfgen.lock.json":
        '{ "version": 1, "actions": { "actions/checkout@v4": { "sha": "v4", "tag": "v4", "resolvedAt": "2026-01-01T00:00:00Z" } } }',
    });
    expect(await wfgen(dir, ["build"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "wfgen.lock.json: error: wfgen.lock.json is not a valid wfgen lockfile.\n" +
        "  actions › actions/checkout@v4 › sha: must be a full commit SHA: 40 lowercase hex digits\n" +
        "Fix the entries above, or delete them and run `npx wfgen pin` to resolve them again.\n",
    });
  });
});

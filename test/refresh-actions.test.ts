// scripts/refresh-actions.mjs against the tests' fake GitHub API on 127.0.0.1 (which serves the tags of
// data/actions and action.yml files made from its facts): a refresh reproduces the data, picks up a new
// release and a moved tag, adds a new action, and on any failure writes nothing.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { ACTIONS_DIR_URL, listActions, readActionData } from "../packages/actions/scripts/data.mjs";
import { deadUrl, startFakeGitHub } from "../packages/cli/test/fake-github.ts";
import { snapshot } from "../packages/cli/test/helpers.ts";
import { refreshActions } from "../scripts/refresh-actions.mjs";

const DATA = fileURLToPath(ACTIONS_DIR_URL);
const TODAY = new Date("2031-02-03T04:05:06Z");
const NEW_COMMIT = "5ca1ab1e0000000000000000000000000000beef";
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of data/actions (or an empty folder), as a URL for the script. */
function dataDir(copy = true): { path: string; url: URL } {
  const path = mkdtempSync(join(tmpdir(), "wfgen-refresh-"));
  temps.push(path);
  if (copy) cpSync(DATA, path, { recursive: true });
  return { path, url: pathToFileURL(`${path}/`) };
}

describe("pnpm refresh-actions", () => {
  test("refreshing every action from an API that agrees with the data changes only the date", async () => {
    const github = await startFakeGitHub({ pageSize: 20 });
    const dir = dataDir();
    const lines = await refreshActions({ dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url }, today: TODAY });
    expect(lines).toHaveLength(12);
    expect(lines).toContain("actions/checkout: 65 release tags (0 new, 0 moved), majors v1, v2, v3, v4, v5, v6, v7");
    for (const slug of listActions()) {
      const original = readFileSync(join(DATA, `${slug}.json`), "utf8");
      const expected = original.replace(/"retrieved": "[\d-]+"/, '"retrieved": "2031-02-03"');
      expect(readFileSync(join(dir.path, `${slug}.json`), "utf8"), slug).toBe(expected);
    }
    // The tag lists were read page by page (20 a page), following the Link header.
    expect(github.requests.some((r) => r.path.includes("/git/matching-refs/tags/v?per_page=100&page=2"))).toBe(true);
  });

  test("a new action gets its file: every release tag, annotated ones peeled, and the facts of each major", async () => {
    const github = await startFakeGitHub();
    const dir = dataDir(false);
    await refreshActions({ slugs: ["actions/checkout"], dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url }, today: TODAY });
    const fresh = readActionData("actions/checkout", dir.url);
    const kept = readActionData("actions/checkout");
    expect(fresh.tags).toEqual(kept.tags);
    expect(fresh.annotated).toEqual(kept.annotated);
    expect(fresh.refs).toEqual(kept.refs);
    expect(fresh._source.retrieved).toBe("2031-02-03");
    expect(github.requests.filter((r) => r.path.includes("/contents/action.yml?ref="))).toHaveLength(7);
  });

  test("a new release and a moved major tag: new commit, new facts, and the report says so", async () => {
    const github = await startFakeGitHub();
    const dir = dataDir();
    github.setActionYml("docker/login-action", NEW_COMMIT, "runs:\n  using: node24\n  main: index.js\ninputs:\n  registry:\n    required: true\noutputs:\n  digest: {}\n");
    github.setTag("docker/login-action", "v4.2.0", NEW_COMMIT);
    github.setTag("docker/login-action", "v4", NEW_COMMIT, 1);
    const lines = await refreshActions({ slugs: ["docker/login-action"], dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url }, today: TODAY });
    expect(lines).toEqual(["docker/login-action: 37 release tags (1 new, 1 moved: v4), majors v1, v2, v3, v4"]);
    const data = readActionData("docker/login-action", dir.url);
    expect(data.tags["v4.2.0"]).toBe(NEW_COMMIT);
    expect(data.annotated).toContain("v4");
    expect(data.refs.v4).toEqual({ commit: NEW_COMMIT, using: "node24", inputs: { registry: { required: true } }, outputs: ["digest"] });
    // The commits kept as refs of their own stay.
    expect(data.refs["65b78e6e13532edd9afa3aa52ac7964289d1a9c1"]).toEqual(readActionData("docker/login-action").refs["65b78e6e13532edd9afa3aa52ac7964289d1a9c1"]);
  });

  test("a rate limit, an unreachable API or a repository without releases writes nothing", async () => {
    const github = await startFakeGitHub();
    const dir = dataDir();
    const before = snapshot(dir.path);
    github.rateLimit(true);
    await expect(refreshActions({ dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url } })).rejects.toThrow(
      /refuses more requests for now \(rate limit\); set GITHUB_TOKEN/,
    );
    github.rateLimit(false);
    await expect(refreshActions({ dir: dir.url, env: { WFGEN_GITHUB_API_URL: await deadUrl() } })).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    await expect(refreshActions({ slugs: ["actions/checkout", "octo-org/nothing"], dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url } })).rejects.toThrow(
      /\/repos\/octo-org\/nothing\/git\/matching-refs\/tags\/v\?per_page=100 answered 404: Not Found/,
    );
    await expect(refreshActions({ slugs: ["not a repo"], dir: dir.url })).rejects.toThrow('"not a repo" is not owner/repo');
    expect(snapshot(dir.path)).toEqual(before);
  });

  test("sends the token when there is one", async () => {
    const github = await startFakeGitHub();
    const dir = dataDir();
    await refreshActions({ slugs: ["actions/cache"], dir: dir.url, env: { WFGEN_GITHUB_API_URL: github.url, GITHUB_TOKEN: "t0ken" } });
    expect(github.requests.every((r) => r.authorization === "Bearer t0ken")).toBe(true);
  });

  test("as a command: exit 2 on a bad option, exit 1 with the reason when GitHub cannot be reached", async () => {
    const script = fileURLToPath(new URL("../scripts/refresh-actions.mjs", import.meta.url));
    const bad = spawnSync(process.execPath, [script, "--all"], { encoding: "utf8" });
    expect([bad.status, bad.stderr]).toEqual([2, "pnpm refresh-actions: unknown option --all; usage: pnpm refresh-actions [owner/repo ...]\n"]);
    const down = spawnSync(process.execPath, [script, "actions/cache"], { encoding: "utf8", env: { ...process.env, WFGEN_GITHUB_API_URL: await deadUrl() } });
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/^pnpm refresh-actions: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });
});

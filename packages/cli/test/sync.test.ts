import { describe, expect, test } from "vitest";
import { actionTags } from "./fake-github.ts";
import { read, repo, wfgen, write } from "./helpers.ts";

const { tags } = actionTags();
const checkout = tags["actions/checkout"]!;
const at = "2026-01-01T00:00:00.000Z";
const DIGEST_20 = `sha256:${"20".repeat(32)}`;
const DIGEST_NEW = `sha256:${"21".repeat(32)}`;

const workflowsTs = (intent: string): string =>
  `import { job, workflow } from "wfgen";\n\nexport const ci = workflow("ci", {\n  on: { push: {} },\n  jobs: { test: job({ "runs-on": "ubuntu-latest", container: "node:20", steps: [{ uses: ${JSON.stringify(intent)} }, { run: "npm test" }] }) },\n});\n`;

/** A repository built with actions/checkout@v4 pinned at v4.2.2 and node:20 at a digest. */
async function built(): Promise<string> {
  const dir = repo({
    "workflows.ts": workflowsTs("actions/checkout@v4"),
    "wfgen.lock.json": JSON.stringify({
      version: 1,
      actions: { "actions/checkout@v4": { sha: checkout["v4.2.2"], tag: "v4.2.2", resolvedAt: at } },
      images: { "node:20": { digest: DIGEST_20, resolvedAt: at } },
    }),
  });
  expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
  return dir;
}

/** What Dependabot does to a pinned line: a new SHA and a new version comment, nothing else. */
function bump(dir: string, from: [string, string], to: [string, string]): void {
  const path = ".github/workflows/ci.yml";
  const before = read(dir, path);
  const after = before.replace(`@${from[0]} # ${from[1]}`, `@${to[0]} # ${to[1]}`);
  expect(after).not.toBe(before);
  write(dir, { [path]: after });
}

const lockOf = (
  dir: string,
): { actions: Record<string, Record<string, unknown>>; images?: Record<string, Record<string, unknown>> } =>
  JSON.parse(read(dir, "wfgen.lock.json"));

describe("wfgen sync", () => {
  test("takes a Dependabot update of the YAML into the lock, after which check is green", async () => {
    const dir = await built();
    expect(read(dir, ".github/workflows/ci.yml")).toContain(
      `      - uses: actions/checkout@${checkout["v4.2.2"]} # v4.2.2\n`,
    );
    bump(dir, [checkout["v4.2.2"]!, "v4.2.2"], [checkout["v4.4.0"]!, "v4.4.0"]);

    const stale = await wfgen(dir, ["check"]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(
      "this looks like a Dependabot or Renovate update. `npx wfgen sync` takes it into wfgen.lock.json",
    );
    expect(stale.stdout).toMatch(/Fix: npx wfgen sync\n$/);

    const result = await wfgen(dir, ["sync"]);
    expect(result).toEqual({
      code: 0,
      stdout:
        `synced  actions/checkout@v4: v4.2.2 (${checkout["v4.2.2"]!.slice(0, 7)}) -> v4.4.0 (${checkout["v4.4.0"]!.slice(0, 7)}), from .github/workflows/ci.yml\n` +
        "wfgen sync: 1 synced, 1 unchanged; wrote wfgen.lock.json. `npx wfgen check` should pass now.\n",
      stderr: "",
    });
    expect(lockOf(dir).actions["actions/checkout@v4"]).toEqual({
      sha: checkout["v4.4.0"],
      tag: "v4.4.0",
      resolvedAt: expect.any(String),
    });
    expect(await wfgen(dir, ["check", "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await wfgen(dir, ["sync"])).stdout).toBe("wfgen sync: 0 synced, 2 unchanged; nothing to write.\n");
  });

  test("a move to another major: the check turns green at once, and sync names the intent to change", async () => {
    const dir = await built();
    bump(dir, [checkout["v4.2.2"]!, "v4.2.2"], [checkout["v5.0.0"]!, "v5.0.0"]);
    const result = await wfgen(dir, ["sync"]);
    expect(result.stdout).toContain(
      "change  .github/workflows/ci.yml now uses v5.0.0 of actions/checkout@v4: write actions/checkout@v5 in workflows.ts (ci.yml › test › step #1); " +
        "wfgen.lock.json already pins it, and `npx wfgen pin` drops the old entry afterwards.\n",
    );
    expect((await wfgen(dir, ["check"])).code).toBe(0);

    write(dir, { "workflows.ts": workflowsTs("actions/checkout@v5") });
    expect((await wfgen(dir, ["check"])).code).toBe(0);
    expect((await wfgen(dir, ["pin", "--offline"])).stdout).toContain(
      "removed actions/checkout@v4 (no workflow uses it)\n",
    );
    expect(Object.keys(lockOf(dir).actions)).toEqual(["actions/checkout@v5"]);
    expect((await wfgen(dir, ["check"])).code).toBe(0);
  });

  test("a new image digest is taken in too", async () => {
    const dir = await built();
    expect(read(dir, ".github/workflows/ci.yml")).toContain(`    container: node@${DIGEST_20} # 20\n`);
    write(dir, { ".github/workflows/ci.yml": read(dir, ".github/workflows/ci.yml").replace(DIGEST_20, DIGEST_NEW) });
    expect((await wfgen(dir, ["sync", "--quiet"])).code).toBe(0);
    expect(lockOf(dir).images?.["node:20"]).toMatchObject({ digest: DIGEST_NEW });
    expect((await wfgen(dir, ["check"])).code).toBe(0);
  });

  test("a pinned line without a version comment cannot be recorded, and says so", async () => {
    const dir = await built();
    const path = ".github/workflows/ci.yml";
    write(dir, { [path]: read(dir, path).replace(`@${checkout["v4.2.2"]} # v4.2.2`, `@${checkout["v4.4.0"]}`) });
    const result = await wfgen(dir, ["sync"]);
    expect(result.stderr).toBe(
      `warning: .github/workflows/ci.yml: actions/checkout@${checkout["v4.4.0"]} has no "# <tag>" comment, so wfgen cannot record its version; ` +
        "add the tag it names, then run wfgen sync again.\n",
    );
    expect(lockOf(dir).actions["actions/checkout@v4"]).toMatchObject({ tag: "v4.2.2" });
  });
});

describe("the commands wfgen suggests keep the flags that were used", async () => {
  const { wfgenCommand } = await import("../src/output/command-line.ts");
  test("flags are appended and quoted for a shell", () => {
    expect(wfgenCommand("sync", { cwd: "my app", out: "wf" })).toBe("npx wfgen sync --cwd 'my app' --out wf");
    expect(wfgenCommand("build", {}, ["--prune"])).toBe("npx wfgen build --prune");
  });
});

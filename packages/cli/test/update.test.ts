import { actionYmlOf, readActionData } from "@wfgen/actions/data";
import { describe, expect, test } from "vitest";
import { actionTags, startFakeGitHub } from "./fake-github.ts";
import { read, repo, wfgen, write } from "./helpers.ts";

const { tags } = actionTags();
const checkout = tags["actions/checkout"]!;
const short = (sha: string): string => sha.slice(0, 7);
const NEW_COMMIT = "5ca1ab1e0000000000000000000000000000beef";

function usesTs(...intents: string[]): string {
  const steps = intents.map((uses) => `{ uses: ${JSON.stringify(uses)} }`).join(", ");
  return `import { job, workflow } from "wfgen";\n\nexport const ci = workflow("ci", {\n  on: { push: {} },\n  jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [${steps}] }) },\n});\n`;
}

const lockOf = (dir: string): { actions: Record<string, Record<string, unknown>> } =>
  JSON.parse(read(dir, "wfgen.lock.json"));
const dataYml = (slug: string, ref: string): string => actionYmlOf(slug, readActionData(slug).refs[ref]!);

describe("wfgen update", () => {
  test("a moving tag that now names a new release: the new commit is recorded, with the action's interface changes", async () => {
    const github = await startFakeGitHub();
    const env = { WFGEN_GITHUB_API_URL: github.url };
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v6", "docker/login-action@v4") });
    expect((await wfgen(dir, ["pin", "--quiet"], env)).code).toBe(0);
    expect(lockOf(dir).actions["actions/checkout@v6"]).toMatchObject({ sha: checkout.v6, tag: "v6.1.0" });

    // v6.2.0 is released and the v6 tag moves to it; its action.yml gains an input and loses an output.
    const yml = dataYml("actions/checkout", "v6");
    const changed = yml
      .replace(/^inputs:\n/m, "inputs:\n  fetch-filter:\n    required: true\n")
      .replace(/^outputs:\n  ref:\n    description: .*\n/m, "outputs:\n");
    expect(changed).not.toContain("  ref:\n    description: output ref");
    github.setActionYml("actions/checkout", NEW_COMMIT, changed);
    github.setTag("actions/checkout", "v6.2.0", NEW_COMMIT);
    github.setTag("actions/checkout", "v6", NEW_COMMIT);

    const result = await wfgen(dir, ["update"], env);
    expect(result).toEqual({
      code: 0,
      stdout:
        `updated actions/checkout@v6: v6.1.0 (${short(checkout.v6!)}) -> v6.2.0 (${short(NEW_COMMIT)})\n` +
        '    + input "fetch-filter" (required)\n' +
        '    - output "ref"\n' +
        "current docker/login-action@v4\n" +
        "wfgen update: 1 updated, 1 current; wrote wfgen.lock.json.\n",
      stderr: "",
    });
    expect(lockOf(dir).actions["actions/checkout@v6"]).toMatchObject({ sha: NEW_COMMIT, tag: "v6.2.0" });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toContain(`- uses: actions/checkout@${NEW_COMMIT} # v6.2.0\n`);
  });

  test("a release tag moved to another commit is flagged", async () => {
    const github = await startFakeGitHub();
    const env = { WFGEN_GITHUB_API_URL: github.url };
    const dir = repo({ "workflows.ts": usesTs("docker/login-action@v4.1.0") });
    await wfgen(dir, ["pin", "--quiet"], env);
    github.setTag("docker/login-action", "v4.1.0", NEW_COMMIT);
    const result = await wfgen(dir, ["update", "docker/login-action"], env);
    expect(result.stdout).toBe(
      `updated docker/login-action@v4.1.0: v4.1.0 (${short(tags["docker/login-action"]!["v4.1.0"]!)}) -> v4.1.0 (${short(NEW_COMMIT)})\n` +
        "  warning: the tag v4.1.0 was moved to another commit; release tags should never move, so review the new code before you commit this.\n" +
        "wfgen update: 1 updated, 0 current; wrote wfgen.lock.json.\n",
    );
  });

  test("--major records the newest major under its own intent and says which intent to write", async () => {
    const github = await startFakeGitHub();
    const env = { WFGEN_GITHUB_API_URL: github.url };
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4") });
    await wfgen(dir, ["pin", "--quiet"], env);
    const result = await wfgen(dir, ["update", "--major"], env);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      `major   actions/checkout@v4 -> actions/checkout@v7 (v7.0.1 (${short(checkout.v7!)})): write actions/checkout@v7 in workflows.ts ` +
        "(ci.yml › test › step #1), or use the binding of the new major; `npx wfgen pin` then drops the old entry.",
    );
    expect(result.stdout).toMatch(/\nwfgen update: 0 updated, 1 current, 1 new major; wrote wfgen\.lock\.json\.\n$/);
    expect(lockOf(dir).actions["actions/checkout@v7"]).toMatchObject({ sha: checkout.v7, tag: "v7.0.1" });

    write(dir, { "workflows.ts": usesTs("actions/checkout@v7") });
    expect((await wfgen(dir, ["pin", "--quiet"], env)).code).toBe(0);
    expect(Object.keys(lockOf(dir).actions)).toEqual(["actions/checkout@v7"]);
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(read(dir, ".github/workflows/ci.yml")).toContain(`- uses: actions/checkout@${checkout.v7} # v7.0.1\n`);
  });

  test("an action no entry is for: exit 2", async () => {
    const dir = repo({ "workflows.ts": usesTs("actions/checkout@v4") });
    await wfgen(dir, ["pin", "--offline", "--quiet"]);
    expect(await wfgen(dir, ["update", "actions/cache", "--offline"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: no entry of wfgen.lock.json is for actions/cache.\n" +
        "Name an action as workflows.ts uses it: owner/repo, owner/repo/path or owner/repo@ref.\n",
    });
  });
});

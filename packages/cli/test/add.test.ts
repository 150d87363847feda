import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { actionYmlOf, readActionData } from "@wfgen/actions/data";
import { describe, expect, test } from "vitest";
import { GREET_SHA, GREET_TS, GREET_YML, OLD_SHA, greetGitHub } from "./add-helpers.ts";
import { actionTags, deadUrl, startFakeGitHub, type FakeGitHub } from "./fake-github.ts";
import { read, repo, snapshot, wfgen, workflowsTs, write } from "./helpers.ts";

const { tags } = actionTags();

const lockOf = (dir: string): { actions: Record<string, Record<string, unknown>> } =>
  JSON.parse(read(dir, "wfgen.lock.json"));

/** A workflows.ts that uses the generated binding and reads its output. */
const USES_GREET = `import { job, workflow } from "wfgen";
import { checkout } from "wfgen/actions";
import { acmeGreet } from "./wfgen/actions/acme/greet.js";

const greet = acmeGreet({ id: "greet", with: { "who-to-greet": "Mona", times: 2, loud: true } });

export const hello = workflow("hello", {
  on: { push: { branches: ["main"] } },
  jobs: {
    hello: job({
      "runs-on": "ubuntu-latest",
      steps: [checkout(), greet, { run: "echo done", env: { AT: greet.outputs.time } }],
    }),
  },
});
`;

describe("wfgen add against the GitHub API", () => {
  test("writes a typed binding for a made-up action, pins it, and says how to import it", async () => {
    const github = await greetGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    const result = await wfgen(dir, ["add", "acme/greet@v1"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result).toEqual({
      code: 0,
      stdout:
        `pinned  acme/greet@v1 -> ${GREET_SHA} # v1.2.0\n` +
        "written wfgen/actions/acme/greet.ts\n" +
        "written wfgen.lock.json\n" +
        "wfgen add: acmeGreet() calls acme/greet@v1 (5 inputs and 2 outputs). Import it in workflows.ts:\n" +
        '  import { acmeGreet } from "./wfgen/actions/acme/greet.js";\n',
      stderr: "",
    });
    expect(read(dir, "wfgen/actions/acme/greet.ts")).toBe(GREET_TS);
    expect(lockOf(dir)).toEqual({
      version: 1,
      actions: {
        "acme/greet@v1": {
          sha: GREET_SHA,
          tag: "v1.2.0",
          resolvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      },
    });
    // The metadata is read at the pinned commit, not at the moving tag.
    expect(github.requests.map((r) => r.path)).toContain(`/repos/acme/greet/contents/action.yml?ref=${GREET_SHA}`);
  });

  test("a workflows.ts using the binding builds, pinned from the lock, with typed inputs and outputs", async () => {
    const github = await greetGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    expect((await wfgen(dir, ["add", "acme/greet@v1", "-q"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    write(dir, { "workflows.ts": USES_GREET });
    // checkout() is not in the lock yet; pin keeps acme/greet@v1 (it is used) and adds checkout.
    const pinned = await wfgen(dir, ["pin", "--offline"]);
    expect(pinned.stdout).toContain("pinned  actions/checkout@v7 ->");
    expect(pinned.stdout).toContain("1 already pinned, 0 removed");
    const built = await wfgen(dir, ["build"]);
    expect(built.code, built.stderr).toBe(0);
    const yml = read(dir, ".github/workflows/hello.yml");
    expect(yml).toContain(
      `      - id: greet\n        uses: acme/greet@${GREET_SHA} # v1.2.0\n        with:\n          who-to-greet: Mona\n          times: 2\n          loud: true\n`,
    );
    expect(yml).toContain("AT: ${{ steps.greet.outputs.time }}");
  });

  test("the build checks a call of the binding as its types do, from the binding's own metadata", async () => {
    const github = await greetGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    expect((await wfgen(dir, ["add", "acme/greet@v1", "-q"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
    const mistakes = USES_GREET.replace('"who-to-greet": "Mona", times: 2, loud: true', '"who-to-gret": "Mona", times: "twice"').replace(
      "greet.outputs.time",
      "greet.outputs.tiem",
    );
    write(dir, { "workflows.ts": mistakes });
    const built = await wfgen(dir, ["build"]);
    const at = (code: string, path: string): string => `workflows.ts:5:15 error [${code}] hello.yml › hello › step "greet" (jobs.hello.steps[1].${path})\n`;
    // Every problem at once, the missing pin of checkout included.
    expect(built.stderr).toBe(
      at("unknown-action-input", "with.who-to-gret") +
        '  "who-to-gret" is not an input of acme/greet@v1 (did you mean "who-to-greet"?)\n  Fix: rename it to "who-to-greet"\n' +
        at("invalid-action-input", "with.times") +
        '  input "times" of acme/greet@v1 takes a number, not "twice"\n  Fix: pass a number, or an expression\n' +
        at("missing-action-input", "with") +
        '  acme/greet@v1 requires the input "who-to-greet", which this call does not give\n  Fix: add "who-to-greet" to with\n' +
        "workflows.ts:10:12 error [unknown-context-property] hello.yml › hello › step #3 (jobs.hello.steps[2].env)\n" +
        '  step #3 reads output "tiem" of step "greet" (acme/greet@v1), which declares "time", "greeting"\n' +
        '  Fix: read one of its outputs (did you mean "time"?)\n' +
        "workflows.ts:12:15 error [missing-pin] hello.yml › hello › step #1 (jobs.hello.steps[0].uses)\n" +
        '  the action "actions/checkout@v7" has no entry in wfgen.lock.json, so wfgen cannot pin it to a commit SHA\n' +
        "  Fix: run `npx wfgen pin` to resolve it and record it in wfgen.lock.json\n" +
        "wfgen build: 5 errors; nothing was written.\n",
    );
    expect(built.code).toBe(1);
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  test("a real action from data/actions gets the types wfgen's own binding of that major has", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "ci/workflows.ts": workflowsTs("ci") });
    const result = await wfgen(dir, ["add", "docker/login-action@v3", "--entry", "ci/workflows.ts"], {
      WFGEN_GITHUB_API_URL: github.url,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  import { dockerLogin } from "./wfgen/actions/docker/login-action.js";\n');
    const text = read(dir, "ci/wfgen/actions/docker/login-action.ts");
    const shipped = readFileSync(
      new URL("../../actions/src/generated/docker/login-action.ts", import.meta.url),
      "utf8",
    );
    const body = (source: string, name: string): string =>
      new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source)?.[1] ?? `(no ${name})`;
    // Same inputs, same types, same defaults: the override table's closed set for `ecr` included.
    expect(body(text, "DockerLoginWith")).toBe(body(shipped, "DockerLoginV3With"));
    expect(text).toContain('  ecr?: boolean | "auto" | AnyExpr;\n');
    expect(text).toContain("export type DockerLoginOutput = never;");
    expect(text).toContain(
      `[action.yml](https://github.com/docker/login-action/blob/${tags["docker/login-action"]!.v3}/action.yml)`,
    );
    expect(lockOf(join(dir, "ci")).actions["docker/login-action@v3"]).toMatchObject({
      sha: tags["docker/login-action"]!.v3,
      tag: "v3.7.0",
    });
  });

  test("an annotated release tag is peeled, and list inputs keep their separators", async () => {
    const github = await startFakeGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    const result = await wfgen(dir, ["add", "actions/attest-build-provenance@v4", "--json"], {
      WFGEN_GITHUB_API_URL: github.url,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      version: 1,
      command: "add",
      ok: true,
      intent: "actions/attest-build-provenance@v4",
      binding: {
        path: "wfgen/actions/actions/attest-build-provenance.ts",
        status: "written",
        name: "attestBuildProvenance",
        import: 'import { attestBuildProvenance } from "./wfgen/actions/actions/attest-build-provenance.js";',
        with: "AttestBuildProvenanceWith",
      },
      pin: {
        sha: tags["actions/attest-build-provenance"]!.v4,
        tag: "v4.1.0",
        source: expect.stringContaining("GitHub API"),
      },
      lock: { path: "wfgen.lock.json", written: true },
      notes: [],
    });
    expect(lockOf(dir).actions["actions/attest-build-provenance@v4"]).toMatchObject({
      tagObject: github.refObject("actions/attest-build-provenance", "v4").sha,
    });
    expect(read(dir, "wfgen/actions/actions/attest-build-provenance.ts")).toContain(
      '    "subject-path": { kind: "list", separator: "\\n" },\n',
    );
  });

  test("an action in a subfolder, with action.yaml, goes to owner/repo/path.ts", async () => {
    const github = await greetGitHub();
    github.setFile("acme/greet", GREET_SHA, "wave/action.yaml", GREET_YML.replace("Greets", "Waves at"));
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    const result = await wfgen(dir, ["add", "acme/greet/wave@v1.2.0"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  import { acmeGreetWave } from "./wfgen/actions/acme/greet/wave.js";\n');
    const text = read(dir, "wfgen/actions/acme/greet/wave.ts");
    expect(text).toContain('const SPEC: ActionSpec = {\n  uses: "acme/greet/wave@v1.2.0",\n');
    expect(text).toContain("[`acme/greet/wave`](https://github.com/acme/greet/tree/v1.2.0/wave)");
    expect(lockOf(dir).actions["acme/greet/wave@v1.2.0"]).toMatchObject({ sha: GREET_SHA, tag: "v1.2.0" });
  });

  test("uses the commit the lock already pins, and asks GitHub only for the metadata", async () => {
    const github = await greetGitHub();
    github.setActionYml(
      "acme/greet",
      OLD_SHA,
      GREET_YML.replace("  loud:\n    description: Shout\n    default: false\n", ""),
    );
    const lock = `{\n  "actions": {\n    "acme/greet@v1": {\n      "resolvedAt": "2026-01-01T00:00:00.000Z",\n      "sha": "${OLD_SHA}",\n      "tag": "v1.1.0"\n    }\n  },\n  "version": 1\n}\n`;
    const dir = repo({ "workflows.ts": workflowsTs("ci"), "wfgen.lock.json": lock });
    const result = await wfgen(dir, ["add", "acme/greet@v1"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result.stdout).toBe(
      "written wfgen/actions/acme/greet.ts\n" +
        "wfgen add: acmeGreet() calls acme/greet@v1 (4 inputs and 2 outputs). Import it in workflows.ts:\n" +
        '  import { acmeGreet } from "./wfgen/actions/acme/greet.js";\n',
    );
    expect(github.requests.map((r) => r.path)).toEqual([`/repos/acme/greet/contents/action.yml?ref=${OLD_SHA}`]);
    expect(read(dir, "wfgen.lock.json")).toBe(lock);
    expect(read(dir, "wfgen/actions/acme/greet.ts")).not.toContain("loud");
  });

  test("never replaces a binding without --force; with it, writes it again", async () => {
    const github = await greetGitHub();
    const env = { WFGEN_GITHUB_API_URL: github.url };
    const dir = repo({ "workflows.ts": workflowsTs("ci"), "wfgen/actions/acme/greet.ts": "// mine\n" });
    const before = snapshot(dir);
    const refused = await wfgen(dir, ["add", "acme/greet@v1"], env);
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: wfgen/actions/acme/greet.ts already exists; wfgen add changed nothing. Pass --force to generate it again.\n",
    });
    expect(snapshot(dir)).toEqual(before);
    expect(github.requests).toEqual([]);
    expect(await wfgen(dir, ["add", "acme/greet@v1", "--force", "-q"], env)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(read(dir, "wfgen/actions/acme/greet.ts")).toBe(GREET_TS);
    const again = await wfgen(dir, ["add", "acme/greet@v1", "--force"], env);
    expect(again.stdout).toMatch(/^unchanged wfgen\/actions\/acme\/greet\.ts\n/);
  });

  test("--out chooses the folder, relative to --cwd", async () => {
    const github = await greetGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci") });
    const result = await wfgen(join(dir, ".."), ["add", "acme/greet@v1", "--cwd", dir, "--out", "src/bindings"], {
      WFGEN_GITHUB_API_URL: github.url,
    });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "src/bindings/acme/greet.ts"))).toBe(true);
    expect(result.stdout).toContain('  import { acmeGreet } from "./src/bindings/acme/greet.js";\n');
    expect(read(dir, "src/bindings/acme/greet.ts")).toContain(
      "// Regenerate with: npx wfgen add acme/greet@v1 --out src/bindings --force\n",
    );
  });
});

describe("wfgen add --from", () => {
  test("reads a local action.yml; offline, an action the catalog does not know is left for `wfgen pin`", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci"), "vendor/greet/action.yml": GREET_YML });
    const result = await wfgen(dir, ["add", "acme/greet@v1", "--from", "vendor/greet/action.yml", "--offline"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^note: acme\/greet@v1 could not be resolved \(acme\/greet is not in wfgen's offline catalog/,
    );
    expect(result.stderr).toContain("Run `npx wfgen pin` with network access to pin it.");
    expect(result.stdout).toBe(
      "written wfgen/actions/acme/greet.ts\n" +
        "wfgen add: acmeGreet() calls acme/greet@v1 (5 inputs and 2 outputs). Import it in workflows.ts:\n" +
        '  import { acmeGreet } from "./wfgen/actions/acme/greet.js";\n',
    );
    expect(existsSync(join(dir, "wfgen.lock.json"))).toBe(false);
    const text = read(dir, "wfgen/actions/acme/greet.ts");
    expect(text.split("\n").slice(0, 2)).toEqual([
      "// Generated by `wfgen add` for acme/greet@v1 from vendor/greet/action.yml; do not edit.",
      "// Regenerate with: npx wfgen add acme/greet@v1 --from vendor/greet/action.yml --force",
    ]);
    expect(text).toContain("[action.yml](https://github.com/acme/greet/blob/v1/action.yml)");
    // Everything below the header is what the API path generates.
    expect(text.split("\n").slice(2).join("\n").replace("/blob/v1/", `/blob/${GREET_SHA}/`)).toBe(
      GREET_TS.split("\n").slice(2).join("\n"),
    );
  });

  test("with the network, the intent is still resolved and pinned", async () => {
    const github = await greetGitHub();
    const dir = repo({ "workflows.ts": workflowsTs("ci"), "action.yml": GREET_YML });
    const result = await wfgen(dir, ["add", "acme/greet@v1", "--from", "action.yml"], {
      WFGEN_GITHUB_API_URL: github.url,
    });
    expect(result.code).toBe(0);
    expect(lockOf(dir).actions["acme/greet@v1"]).toMatchObject({ sha: GREET_SHA, tag: "v1.2.0" });
    expect(github.requests.some((r) => r.path.includes("/contents/"))).toBe(false);
  });

  test("a GitHub that cannot be reached falls back to the catalog, which pins the popular actions", async () => {
    const dir = repo({
      "workflows.ts": workflowsTs("ci"),
      "setup-node.yml": actionYmlOf("actions/setup-node", readActionData("actions/setup-node").refs.v4!),
    });
    const result = await wfgen(dir, ["add", "actions/setup-node@v4", "--from", "setup-node.yml"], {
      WFGEN_GITHUB_API_URL: await deadUrl(),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^note: cannot reach the GitHub API at .*; resolving from wfgen's offline catalog/);
    expect(lockOf(dir).actions["actions/setup-node@v4"]).toMatchObject({
      sha: tags["actions/setup-node"]!.v4,
      tag: "v4.4.0",
    });
    const text = read(dir, "wfgen/actions/actions/setup-node.ts");
    expect(text).toContain('  "node-version"?: Text | number;\n');
    expect(text).toContain('  cache?: "npm" | "yarn" | "pnpm" | AnyExpr;\n');
  });
});

describe("wfgen add refuses, with exit 2 and nothing written", () => {
  async function refused(
    args: string[],
    setup: (github: FakeGitHub) => void = () => undefined,
    files: Record<string, string> = {},
  ): Promise<{ stderr: string; stdout: string }> {
    const github = await greetGitHub();
    setup(github);
    const dir = repo({ "workflows.ts": workflowsTs("ci"), ...files });
    const before = snapshot(dir);
    const result = await wfgen(dir, args, { WFGEN_GITHUB_API_URL: github.url });
    expect(result.code, result.stderr).toBe(2);
    expect(snapshot(dir)).toEqual(before);
    return result;
  }

  test("an unknown repository", async () => {
    const { stderr } = await refused(["add", "acme/nope@v1"]);
    expect(stderr).toBe(
      "error: cannot resolve acme/nope@v1: GitHub has no repository acme/nope, or it is private and no token was given.\n" +
        "Fix: check the owner and name of the action; for a private repository set GITHUB_TOKEN or GH_TOKEN\n",
    );
  });

  test("a ref that is no release tag", async () => {
    const { stderr } = await refused(["add", "acme/greet@main"]);
    expect(stderr).toContain('error: cannot resolve acme/greet@main: acme/greet has no tag "main"');
    expect(stderr).toContain("Fix: name a release tag, for example: npx wfgen add acme/greet@v1\n");
  });

  test("a repository without action.yml or action.yaml", async () => {
    const { stderr } = await refused(["add", "acme/tools@v2"], (github) => github.setTag("acme/tools", "v2", OLD_SHA));
    expect(stderr).toBe(
      `error: acme/tools@${OLD_SHA} has no action.yml or action.yaml: it is not an action (v2).\n` +
        "Fix: for an action in a subfolder, name it: acme/tools/<folder>@v2; or pass the action's metadata with --from <path/to/action.yml>.\n",
    );
  });

  test("an action.yml that is not YAML, pointing at the line", async () => {
    const { stderr } = await refused(["add", "acme/greet@v1"], (github) =>
      github.setActionYml("acme/greet", GREET_SHA, "name: Greet\ninputs:\n  who: [\n"),
    );
    expect(stderr).toMatch(
      new RegExp(
        `^acme/greet@${GREET_SHA}/action\\.yml:4:1: error: acme/greet@${GREET_SHA}: action\\.yml is not valid YAML: `,
      ),
    );
  });

  test("a --from file that is not an action's metadata, or does not exist", async () => {
    const notAction = await refused(["add", "acme/greet@v1", "--from", "greet.yml"], undefined, {
      "greet.yml": "name: x\n",
    });
    expect(notAction.stderr).toBe(
      "greet.yml: error: greet.yml: action.yml is not an action's metadata: it has no runs.using.\n" +
        "Fix: point --from at the action's own action.yml, or name another release of the action.\n",
    );
    const missing = await refused(["add", "acme/greet@v1", "--from", "nowhere.yml"]);
    expect(missing.stderr).toBe("error: --from nowhere.yml: cannot read nowhere.yml (no such file).\n");
  });

  test("an action on a runtime GitHub retired", async () => {
    const { stderr } = await refused(["add", "acme/greet@v1"], (github) =>
      github.setActionYml("acme/greet", GREET_SHA, GREET_YML.replace("node24", "node16")),
    );
    expect(stderr).toContain("action.yml runs on node16, which GitHub's runners no longer support");
  });

  test("--offline without --from: the catalog has no action.yml", async () => {
    const { stderr } = await refused(["add", "actions/checkout@v4", "--offline"]);
    expect(stderr).toMatch(/^error: wfgen's offline catalog .* pins actions\/checkout@v4 but has no action\.yml/);
    expect(stderr).toContain("--from <path/to/action.yml>");
  });

  test("no action, or something that is not a remote action", async () => {
    expect((await refused(["add"])).stderr).toMatch(/^error: wfgen add needs the action to bind, for example: /);
    expect((await refused(["add", "acme/greet"])).stderr).toContain("The release is required: owner/repo@v1.");
    expect((await refused(["add", "./local/action"])).stderr).toContain('not "./local/action"');
    expect((await refused(["add", "acme/ci/.github/workflows/build.yml@v1"])).stderr).toContain(
      "is a reusable workflow, which runs as a job",
    );
  });

  test("a missing entry file", async () => {
    const github = await greetGitHub();
    const dir = repo({});
    const result = await wfgen(dir, ["add", "acme/greet@v1"], { WFGEN_GITHUB_API_URL: github.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("workflows.ts does not exist.");
    expect(snapshot(dir).size).toBe(0);
  });
});

test("with several projects in wfgen.config.ts, --entry says which one", async () => {
  const github = await greetGitHub();
  const config = 'export default { projects: [{ entry: "a/workflows.ts" }, { entry: "b/workflows.ts" }] };\n';
  const dir = repo({
    "wfgen.config.ts": config,
    "a/workflows.ts": workflowsTs("a"),
    "b/workflows.ts": workflowsTs("b"),
  });
  const env = { WFGEN_GITHUB_API_URL: github.url };
  const refused = await wfgen(dir, ["add", "acme/greet@v1", "--json"], env);
  expect(refused.code).toBe(2);
  expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, command: "add", error: { code: "several-projects" } });
  expect((await wfgen(dir, ["add", "acme/greet@v1", "--entry", "b/workflows.ts", "-q"], env)).code).toBe(0);
  expect(read(dir, "b/wfgen/actions/acme/greet.ts")).toBe(
    GREET_TS.replace("--force", "--entry b/workflows.ts --force"),
  );
  expect(lockOf(join(dir, "b")).actions["acme/greet@v1"]).toMatchObject({ sha: GREET_SHA });
});

test("wfgen add --help names the argument and every flag", async () => {
  const { code, stdout } = await wfgen(repo({}), ["add", "--help"]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Usage: wfgen add \[action\] \[options\]\n/);
  for (const flag of ["--from <file>", "--out <dir>", "--force", "--offline", "--json"]) expect(stdout).toContain(flag);
});

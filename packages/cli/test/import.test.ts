/**
 * `wfgen import` as a command: what it writes, what it never overwrites, how it reports, and the choices
 * it makes for bindings and permissions. The round trips themselves are in import-corpus and
 * import-fixtures.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serializeLock } from "@wfgen/core";
import { describe, expect, test } from "vitest";
import { read, repo, snapshot, wfgen, write } from "./helpers.ts";
import { expectSameWorkflows, importAndBuild } from "./import-helpers.ts";

const CI = "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n";

describe("wfgen import, the command", () => {
  test("writes workflows.ts and wfgen.lock.json, and says what to do next", async () => {
    const dir = repo({ ".github/workflows/ci.yml": CI });
    const result = await wfgen(dir, ["import", ".github/workflows/ci.yml"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("imported .github/workflows/ci.yml -> export ci (writes .github/workflows/ci.yml)\n");
    expect(result.stdout).toContain("written  workflows.ts\nwritten  wfgen.lock.json\n");
    expect(result.stdout).toContain("wfgen import: 1 imported, 0 not imported; 1 lock entry added.\n");
    expect(result.stdout).toContain("move the imported YAML files away");
    expect(read(dir, "workflows.ts")).toContain('export const ci = workflow("ci", {');
    expect(JSON.parse(read(dir, "wfgen.lock.json")).actions["actions/checkout@v4"]).toMatchObject({ tag: expect.stringMatching(/^v4\./) });
  });

  test("never replaces an existing output file without --force", async () => {
    const dir = repo({ "ci.yml": CI, "workflows.ts": "// mine\n" });
    const before = snapshot(dir);
    const refused = await wfgen(dir, ["import", "ci.yml"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("workflows.ts already exists; wfgen import changed nothing. Pass --force to replace it");
    expect(snapshot(dir)).toEqual(before);

    const forced = await wfgen(dir, ["import", "ci.yml", "--force"]);
    expect(forced.code).toBe(0);
    expect(read(dir, "workflows.ts")).toContain('workflow("ci"');
  });

  test("--out names another file; the lock goes next to it", async () => {
    const dir = repo({ "ci.yml": CI });
    expect((await wfgen(dir, ["import", "ci.yml", "--out", "ci/workflows.ts", "--quiet"])).code).toBe(0);
    expect(existsSync(join(dir, "ci/workflows.ts"))).toBe(true);
    expect(existsSync(join(dir, "ci/wfgen.lock.json"))).toBe(true);
  });

  test("a folder imports its .yml and .yaml files; a .yaml workflow keeps its extension", async () => {
    const dir = repo({ "wf/b.yaml": CI.replace("CI", "B"), "wf/a.yml": CI, "wf/notes.txt": "not a workflow" });
    const result = await wfgen(dir, ["import", "wf"]);
    expect(result.code).toBe(0);
    const source = read(dir, "workflows.ts");
    expect(source.indexOf('workflow("a"')).toBeLessThan(source.indexOf('workflow("b.yaml"'));
    expect(result.stdout).toContain("-> export b (writes .github/workflows/b.yaml)");
  });

  test("no files is a usage error; a missing file is reported and the others are imported", async () => {
    const dir = repo({ "ci.yml": CI });
    const none = await wfgen(dir, ["import"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("wfgen import needs the workflow files to import");

    const missing = await wfgen(dir, ["import", "nope.yml", "ci.yml"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.yml: error: cannot read it: no such file");
    expect(read(dir, "workflows.ts")).toContain('workflow("ci"');
  });

  test("two files that would write the same workflow file: the second is refused", async () => {
    const dir = repo({ "a/ci.yml": CI, "b/ci.yml": CI });
    const result = await wfgen(dir, ["import", "a/ci.yml", "b/ci.yml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("b/ci.yml: error: a/ci.yml is imported as ci.yml already; rename one of the two files, or import each folder into a TypeScript file of its own with --per-folder");
  });

  test("--per-folder: one workflows.ts per folder, so names may repeat; each builds back to its own files", async () => {
    const dir = repo({
      "one/.github/workflows/ci.yml": CI,
      "two/.github/workflows/ci.yml": CI.replace("npm test", "make"),
      "two/.github/workflows/lint.yml": CI.replace("npm test", "make lint"),
    });
    const result = await wfgen(dir, ["import", "one/.github/workflows", "two/.github/workflows", "--per-folder"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("imported one/.github/workflows/ci.yml -> export ci in one/workflows.ts (writes .github/workflows/ci.yml)\n");
    expect(result.stdout).toContain("imported two/.github/workflows/ci.yml -> export ci in two/workflows.ts (writes .github/workflows/ci.yml)\n");
    expect(result.stdout).toContain("written  one/workflows.ts\nwritten  one/wfgen.lock.json\nwritten  two/workflows.ts\nwritten  two/wfgen.lock.json\n");
    expect(result.stdout).toContain("wfgen import: 3 imported, 0 not imported; 2 lock entries added.\n");
    expect(read(dir, "two/workflows.ts")).toContain('export const lint = workflow("lint", {');
    // Each project builds back to its own files, once the YAML is moved away.
    for (const project of ["one", "two"]) {
      rmSync(join(dir, project, ".github"), { recursive: true });
      expect((await wfgen(dir, ["build", "--cwd", project, "--quiet"])).code).toBe(0);
    }
    expect(read(dir, "two/.github/workflows/ci.yml")).toContain("run: make\n");

    // All or nothing: an output in the way stops every folder.
    write(dir, { "one/.github/workflows/ci.yml": CI, "two/.github/workflows/ci.yml": CI });
    rmSync(join(dir, "two/workflows.ts"));
    const before = snapshot(dir);
    const refused = await wfgen(dir, ["import", "one/.github/workflows", "two/.github/workflows", "--per-folder"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("one/workflows.ts already exists; wfgen import changed nothing.");
    expect(snapshot(dir)).toEqual(before);

    const path = await wfgen(dir, ["import", "one/.github/workflows", "--per-folder", "--out", "sub/w.ts"]);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('with --per-folder, --out names the file each folder gets (workflows.ts), not a path: "sub/w.ts"');
  });

  test("nothing importable: nothing is written", async () => {
    const dir = repo({ "bad.yml": "on: [push\n" });
    const result = await wfgen(dir, ["import", "bad.yml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("wfgen import: 0 imported, 1 not imported; nothing was written.");
    expect(existsSync(join(dir, "workflows.ts"))).toBe(false);
    expect(existsSync(join(dir, "wfgen.lock.json"))).toBe(false);
  });

  test("--json prints one object", async () => {
    const dir = repo({ "ci.yml": CI, "bad.yml": "foo: [\n" });
    const result = await wfgen(dir, ["import", "ci.yml", "bad.yml", "--json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      version: 1,
      command: "import",
      ok: false,
      written: ["workflows.ts", "wfgen.lock.json"],
      imported: [{ file: "ci.yml", workflow: "ci", export: "ci" }],
      lockEntries: ["actions/checkout@v4"],
      problems: [{ file: "bad.yml", line: expect.any(Number), message: expect.stringContaining("not valid YAML") }],
    });
  });

  test("entries already in the lock are kept as they are", async () => {
    const sha = "a".repeat(40);
    const lock = { version: 1 as const, actions: { "actions/checkout@v4": { sha, tag: "v4.0.0", resolvedAt: "2026-01-01T00:00:00.000Z" } } };
    const pinned = CI.replace("actions/checkout@v4", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2");
    const dir = repo({ "ci.yml": pinned, "wfgen.lock.json": serializeLock(lock) });
    expect((await wfgen(dir, ["import", "ci.yml"])).code).toBe(0);
    const after = JSON.parse(read(dir, "wfgen.lock.json"));
    expect(after.actions["actions/checkout@v4"]).toEqual(lock.actions["actions/checkout@v4"]);
    // @v4 is another commit already: the pin keeps its own commit under its exact tag.
    expect(after.actions["actions/checkout@v4.2.2"]).toMatchObject({ sha: "11bd71901bbe5b1630ceea73d27597364c9af683", tag: "v4.2.2" });
    expect(read(dir, "workflows.ts")).toContain('uses: "actions/checkout@v4.2.2"');
  });

  test("--help shows the arguments and flags", async () => {
    const result = await wfgen(repo({}), ["import", "--help"]);
    expect(result.stdout).toContain("Usage: wfgen import [file.yml...] [options]");
    expect(result.stdout).toContain("--force");
  });
});

describe("reporting", () => {
  test("every problem of a file is shown, from every stage that can run; the summary counts files", async () => {
    const bad =
      "on:\n  schedule:\n    - cron: '61 * * * *'\n    - cron: '0 25 * * *'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        workin-directory: x\n";
    const dir = repo({ "bad.yml": bad, "ci.yml": CI });
    const result = await wfgen(dir, ["import", "bad.yml", "ci.yml"]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => line.includes(": error: "));
    expect(errors).toEqual([
      'bad.yml:3:7: error: not a workflow wfgen can build: the schedule "61 * * * *": "61" is not a valid minute (0-59) (write five fields, e.g. "30 5 * * 1-5" (05:30 UTC on weekdays))',
      'bad.yml:4:7: error: not a workflow wfgen can build: the schedule "0 25 * * *": "25" is not a valid hour (0-23) (write five fields, e.g. "30 5 * * 1-5" (05:30 UTC on weekdays))',
      "bad.yml:10:9: error: GitHub's workflow parser rejects it: Unexpected value 'workin-directory'",
    ]);
    expect(result.stdout).toContain("wfgen import: 1 imported, 1 not imported; 1 lock entry added.\n");
  });

  test("a key that is a list is refused at its line, and no warning of the YAML library reaches stderr", async () => {
    const collectionKey = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      ? [x, y]\n      : z\n    steps:\n      - run: echo\n";
    const dir = repo({ "key.yml": collectionKey, "ci.yml": CI });
    const warnings: string[] = [];
    const listen = (warning: Error): void => void warnings.push(warning.message);
    process.on("warning", listen);
    try {
      const json = await wfgen(dir, ["import", "key.yml", "ci.yml", "--json"]);
      expect(json.stderr).toBe("");
      expect(JSON.parse(json.stdout).problems).toEqual([
        { file: "key.yml", line: 6, column: 9, message: expect.stringContaining("a mapping key here is a list or a mapping") },
      ]);
      const lint = await wfgen(dir, ["lint", "key.yml"]);
      expect(lint.stdout).toMatch(/key\.yml:6:9: error \[yaml-syntax\] a mapping key here is a list or a mapping/);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listen);
    }
    expect(warnings).toEqual([]);
  });

  test("a job with no permissions anywhere whose needs cannot be inferred gets GitHub's permissive default, spelled out, as docs/migrating.md says", async () => {
    const files = { "script.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          script: console.log(1)\n" };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    const grant = /permissions: unchecked\((\{[^}]*\})\)/.exec(trip.source)?.[1];
    expect(grant).toBeDefined();
    const scopes = [...grant!.matchAll(/"?([a-z-]+)"?: "(read|write)"/g)].map((m) => `\`${m[1]}: ${m[2]}\``);
    expect(scopes).toHaveLength(14);
    expect(scopes).not.toContain("`id-token: write`");
    const doc = readFileSync(new URL("../../../docs/migrating.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    expect(doc).toContain(`the repository's default could give at most: ${scopes.join(", ")}`);
  });
});

describe("formatting", () => {
  test("a large import is formatted in worker threads, exactly as in one thread", async () => {
    const { Formatter } = await import("../src/import/format.ts");
    const piece = (i: number): string =>
      `export const w${i} = workflow("w${i}", {on: "push", jobs: {a: job({"runs-on": "ubuntu-latest", steps: [{run: "echo ${"x".repeat(40)} ${i}"}]})}});\n`;
    const pieces = Array.from({ length: 40 }, (_, i) => piece(i));
    const formatAll = async (workersFrom: number): Promise<string[]> => {
      const formatter = await Formatter.create(0, workersFrom);
      formatter.setOptions({ parser: "typescript" });
      try {
        return await Promise.all(pieces.map((p) => formatter.format(p)));
      } finally {
        await formatter.close();
      }
    };
    // A threshold of 0 characters: workers even for this small a job (on a machine with several cores).
    const inWorkers = await formatAll(0);
    expect(inWorkers).toEqual(await formatAll(Infinity));
    expect(inWorkers[7]).toContain('export const w7 = workflow("w7", {');
  }, 60_000);
});

describe("docs/migrating.md", () => {
  test("its example is what wfgen import writes, with the project's prettier configuration", async () => {
    const doc = readFileSync(new URL("../../../docs/migrating.md", import.meta.url), "utf8");
    const example = /<!-- example:import -->\n```yaml\n([\s\S]*?)```\n\n```ts\n([\s\S]*?)```\n<!-- \/example:import -->/.exec(doc);
    expect(example, "the example markers and code blocks").not.toBeNull();
    const dir = repo({ "docker.yml": example![1]!, ".prettierrc": '{ "printWidth": 120 }\n' });
    expect((await wfgen(dir, ["import", "docker.yml", "--quiet"])).code).toBe(0);
    expect(read(dir, "workflows.ts")).toBe(example![2]);
  });
});

describe("wfgen import's choices", () => {
  const job = (steps: string, extra = ""): string =>
    `on: push\n${extra}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

  test("a binding only when it writes the same step; the latest major is called bare", async () => {
    const files = {
      "bindings.yml": job(
        [
          "      - uses: actions/checkout@v7",
          "      - uses: actions/checkout@v4",
          "        with: { fetch-depth: '0' }", // a string where the binding wants a number
          "      - uses: actions/checkout@v4",
          "        with: { not-an-input: x }",
          "      - uses: actions/checkout@v4",
          "        with: {}",
          "      - uses: actions/setup-node@v4",
          "        with: { node-version: 20, cache: npm }",
          "      - uses: docker/build-push-action@v6",
          "        with:",
          "          push: ${{ github.event_name != 'pull_request' }}",
          "          load: ${{github.event_name == 'pull_request'}}", // spaced unlike wfgen renders it
          "",
        ].join("\n"),
      ),
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    const source = trip.source;
    expect(source).toContain("checkout(),");
    expect(source).toContain('{ uses: "actions/checkout@v4", with: { "fetch-depth": "0" } },');
    expect(source).toContain('{ uses: "actions/checkout@v4", with: { "not-an-input": "x" } },');
    expect(source).toContain('{ uses: "actions/checkout@v4", with: {} },');
    expect(source).toContain('setupNode.v4({ with: { "node-version": 20, cache: "npm" } }),');
    // One input cannot be written through the binding as it is, so the whole step stays plain.
    expect(source).toContain('uses: "docker/build-push-action@v6",');
  });

  test("what the build's linter would refuse is imported as written, with a suppression that keeps it a warning", async () => {
    const files = { "cache.yml": job("      - uses: actions/cache@v4\n        with: { path: ~/.npm }\n") };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    // A required input is missing: the binding would not compile, so the step stays plain.
    expect(trip.source).toContain('export const cacheWorkflow = workflow(\n  "cache",');
    expect(trip.source).toContain('{ uses: "actions/cache@v4", with: { path: "~/.npm" } }');
    expect(trip.imported.code).toBe(0);
    expect(trip.imported.stderr).toMatch(/cache\.yml:7: note: \[missing-action-input\] .*"key".*: wfgen build would refuse this; imported as it ran, with a suppression in workflows\.ts/);
    expect(trip.built.stderr).toMatch(/warning \[missing-action-input\] .*\n.*"key".*\[kept as a warning by workflows\.ts: wfgen import: /);
  });

  test("a pull_request_target checkout of the pull request's head: the first build reproduces the file, the finding stays a warning", async () => {
    const files = {
      "target.yml":
        "on: pull_request_target\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n" +
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make test\n",
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    expect(trip.source).toMatch(
      /\{\n\s+suppressions: \[\n\s+\/\/ wfgen build refuses this: \[dangerous-checkout\] checks out ref [^\n]*\n\s+\{\n\s+rule: "dangerous-checkout",\n\s+job: "test",\n\s+step: "#1",\n\s+severity: "warning",\n\s+reason:\s+"wfgen import: the imported YAML ran this way; fix it, then delete this suppression",/,
    );
    expect(trip.built.stderr).toMatch(/workflows\.ts:\d+:\d+ warning \[dangerous-checkout\] target\.yml › test › step #1 \(jobs\.test\.steps\[0\]\.with\.ref\)\n/);
    expect(trip.built.stderr).not.toMatch(/error/);
  });

  test("permissions: kept as written; unchecked where the build's check would refuse them", async () => {
    const files = {
      "perms.yml": job(
        "      - uses: actions/checkout@v4\n      - uses: actions/github-script@v7\n        with:\n          script: console.log(1)\n",
        "permissions:\n  contents: read\n  issues: write\n",
      ).replace(
        "jobs:\n",
        "jobs:\n  explicit:\n    runs-on: ubuntu-latest\n    permissions:\n      issues: write\n    steps:\n      - uses: actions/checkout@v4\n  inferred:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
      ),
    };
    const trip = await importAndBuild(files);
    expectSameWorkflows(trip, files);
    const source = trip.source;
    // The workflow's block is kept as written.
    expect(source).toMatch(/^ {2}permissions: \{ contents: "read", issues: "write" \},$/m);
    // A job's own block that misses what its steps need: kept, unchecked, with the reason.
    expect(source).toMatch(/\/\/ wfgen import: kept as written, unchecked, since wfgen's check refuses it: .*contents: read.*\n\s+permissions: unchecked\(\{ issues: "write" \}\),/);
    // A job without a block is inferred by the build (nothing written)...
    expect(source).toMatch(/inferred: job\(\{\n\s+"runs-on": "ubuntu-latest",\n\s+steps: \[checkout\.v4\(\)\],/);
    // ...unless wfgen cannot infer it: then it gets the workflow's block it ran with, unchecked.
    expect(source).toMatch(/\/\/ wfgen import: the workflow's permissions, which this job ran with, unchecked, since wfgen cannot infer them: .*\n\s+permissions: unchecked\(\{ contents: "read", issues: "write" \}\),/);
  });
});

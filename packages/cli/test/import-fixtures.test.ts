/**
 * Hand-made workflows for what the starter corpus does not show: anchors, several documents, every form
 * of `on`, expressions in keys, matrices from JSON, reusable workflows, local and Docker actions, outputs
 * read across steps and jobs, comments, keys the model does not know, and every kind of ref. Each one is
 * imported, built, and compared with its input (import-helpers.ts), and the TypeScript must compile.
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectSameWorkflows, fixture, importAndBuild, typeErrors } from "./import-helpers.ts";

async function roundTrip(...names: string[]) {
  const files = Object.fromEntries(names.map((n) => [n, fixture(n)]));
  const trip = await importAndBuild(files);
  expect(trip.imported.code, trip.imported.stderr).toBe(0);
  expectSameWorkflows(trip, files);
  return trip;
}

describe("wfgen import round trips", () => {
  test("anchors and aliases are expanded, as GitHub reads them", async () => {
    const { source } = await roundTrip("anchors.yml");
    expect(source).not.toContain("*branches");
    expect(source).toContain('push: { branches: ["main", "release/*"] },\n    pull_request: { branches: ["main", "release/*"] },');
    // The aliased step is written in both jobs.
    expect(source.match(/checkout\.v4\(\{ with: \{ "fetch-depth": 0 \} \}\)/g)).toHaveLength(2);
  });

  test("on as one event name and as a list of names", async () => {
    const { source } = await roundTrip("on-string.yml", "on-list.yml");
    expect(source).toContain('on: "push",');
    expect(source).toContain('on: ["push", "pull_request", "workflow_dispatch"],');
  });

  test("expressions in keys stay keys, verbatim", async () => {
    const { source } = await roundTrip("expression-keys.yml");
    expect(source).toContain('"${{ matrix.target }}_ENABLED": "true",');
    expect(source).toContain('"KEY_${{ github.run_id }}": "value",');
  });

  test("a matrix from fromJSON, and fields that take one expression", async () => {
    const { source } = await roundTrip("matrix-fromjson.yml");
    expect(source).toContain('matrix: "${{ fromJSON(needs.setup.outputs.matrix) }}",');
    expect(source).toContain('"timeout-minutes": "${{ fromJSON(\'30\') }}",');
    // The job whose output is read becomes a handle, listed in needs and read through it.
    expect(source).toMatch(/const setup = job\(\{/);
    expect(source).toContain("needs: setup,");
    expect(source).toContain("MATRIX: setup.outputs.matrix");
  });

  test("reusable workflows: a remote call with secrets: inherit, a local call, and the called workflow", async () => {
    const trip = await roundTrip("reusable-call.yml", "reusable.yml");
    expect(trip.source).toContain('secrets: "inherit",');
    expect(trip.source).toContain('uses: "./.github/workflows/reusable.yml",');
    // The remote workflow is not in the catalog: kept as written, behind the visible opt-out.
    expect(trip.lock.actions["octo-org/shared-ci/.github/workflows/build.yml@v2"]).toMatchObject({ unpinned: true });
    expect(trip.imported.stderr).toContain("octo-org/shared-ci/.github/workflows/build.yml@v2 is not in wfgen's offline catalog");
    // wfgen cannot infer what a remote workflow needs: the job gets the grant it ran with, unchecked: the
    // repository's default at most, spelled out (write-all would also grant id-token).
    expect(trip.source).toMatch(/permissions: unchecked\(\{\n\s+actions: "write",[^)]*models: "read",[^)]*statuses: "write",\n\s+\}\),/);
    expect(trip.source).not.toContain("id-token");
    expect(trip.imported.stderr).toContain('job "remote": permissions written as unchecked({"actions":"write"');
  });

  test("local composite actions and Docker actions stay as written", async () => {
    const { source, lock } = await roundTrip("composite.yml");
    expect(source).toContain('uses: "./.github/actions/setup",');
    expect(source).toContain('{ uses: "docker://alpine:3.19", with: { args: "echo hello" } },');
    expect(source).toContain('{ uses: "./" },');
    expect(Object.keys(lock.actions)).toEqual(["actions/checkout@v4"]);
  });

  test("a pull request job reading step outputs, and a job reading its needs' outputs", async () => {
    const { source } = await roundTrip("pr-outputs.yml");
    expect(source).toMatch(/const read = step<"version">\(\{\n\s+id: "read",/);
    expect(source).toContain("outputs: { version: read.outputs.version, changed: diff.outputs.changed },");
    expect(source).toContain("LABEL: `v${read.outputs.version}-${github.event.pull_request.number}`,");
    // A binding's own outputs are typed: checkout's commit output is read through its handle.
    expect(source).toContain("COMMIT: prOutputsCheckout.outputs.commit,");
    // In run and if, expressions stay text: the build would move an interpolated one into env.
    expect(source).toContain('run: \'echo "$VERSION ${{ steps.read.outputs.version }}"\',');
    expect(source).toContain("if: \"steps.diff.outputs.changed == 'true'\",");
    expect(source).toContain("needs: version,");
    expect(source).toContain("url: `https://example.com/${version.outputs.version}`,");
  });

  test("comments stay next to what they described", async () => {
    const { source } = await roundTrip("comments.yml");
    expect(source).toContain("// The file's description.\n// It has two lines.\nexport const comments = workflow(");
    expect(source).toContain('name: "Comments", // the workflow\'s name');
    expect(source).toContain("  // Triggers\n  on: {");
    expect(source).toContain('branches: ["main"], // only main\n      // paths: [src/**]\n    },');
    expect(source).toContain('B: "2", // second, which\n        // continues here\n      },');
    expect(source).toContain("// Get the code\n        // pinned by the lock\n        checkout.v4(),");
    expect(source).toContain("// end of the test step\n        },\n        // end of the steps\n      ],\n      // end of the job\n    }),");
    expect(source).toMatch(/\}\);\n\/\/ end of the file\n$/);
    // A `#` inside a block scalar is script text.
    expect(source).toContain("run: `# a shell comment, not a YAML one\nmake test\n`,");
  });

  test("keys of GitHub's schema that its documentation leaves out are imported as written", async () => {
    const { source } = await roundTrip("raw.yml");
    expect(source).toContain('on: { image_version: { names: ["my-image"], versions: ["1.*"] } },');
    expect(source).toContain('"cancel-timeout-minutes": 5, // time allowed for cancellation');
    expect(source).toContain('description: "A workflow-level description",');
  });

  test("refs: SHA pins keep their commit, tags resolve offline, unknown refs stay behind the opt-out", async () => {
    const { source, lock, imported } = await roundTrip("pins.yml");
    // `@<sha> # v4.2.2` becomes the intent @v4, locked to that very commit and tag.
    expect(source).toContain("checkout.v4(),");
    expect(lock.actions["actions/checkout@v4"]).toMatchObject({ sha: "11bd71901bbe5b1630ceea73d27597364c9af683", tag: "v4.2.2" });
    expect(lock.actions["sigstore/cosign-installer@v3"]).toMatchObject({ sha: "59acb6260d9c0ba8f4a2f9d9b48431a222b68e20", tag: "v3.5.0" });
    // An exact tag stays that intent (a binding writes a major), resolved from the catalog.
    expect(source).toContain('uses: "actions/setup-node@v4.1.0"');
    expect(lock.actions["actions/setup-node@v4.1.0"]).toMatchObject({ tag: "v4.1.0" });
    // A SHA without a tag anyone knows stays the SHA; it needs no entry.
    expect(source).toContain('uses: "octo-org/other-action@0123456789abcdef0123456789abcdef01234567"');
    expect(lock.actions["octo-org/unknown-action@v1"]).toMatchObject({ unpinned: true });
    expect(imported.stderr).toMatch(/pins\.yml:12: note: octo-org\/unknown-action@v1 is not in wfgen's offline catalog/);
  });

  test("every imported fixture compiles under tsc --strict", async () => {
    const names = [
      "anchors.yml",
      "on-string.yml",
      "on-list.yml",
      "expression-keys.yml",
      "matrix-fromjson.yml",
      "reusable-call.yml",
      "reusable.yml",
      "composite.yml",
      "pr-outputs.yml",
      "comments.yml",
      "raw.yml",
      "pins.yml",
    ];
    const trip = await importAndBuild(Object.fromEntries(names.map((n) => [n, fixture(n)])));
    expect(trip.imported.code).toBe(0);
    expect(typeErrors(join(trip.dir, "workflows.ts"))).toEqual([]);
  }, 60_000);
});

describe("wfgen import refuses what is not one workflow, with the file and line", () => {
  test("several YAML documents in one file", async () => {
    const trip = await importAndBuild({ "multi-document.yml": fixture("multi-document.yml"), "on-string.yml": fixture("on-string.yml") });
    expect(trip.imported.code).toBe(1);
    expect(trip.imported.stderr).toContain(
      "yaml/multi-document.yml:8:1: error: the file holds 2 YAML documents; GitHub reads a workflow file as one document",
    );
    // The other file is still imported.
    expect(trip.source).toContain('export const onString = workflow("on-string"');
    expect(trip.imported.stdout).toContain("wfgen import: 1 imported, 1 not imported");
  });

  test("YAML that does not parse", async () => {
    const trip = await importAndBuild({ "not-yaml.yml": fixture("not-yaml.yml"), "on-list.yml": fixture("on-list.yml") });
    expect(trip.imported.code).toBe(1);
    expect(trip.imported.stderr).toMatch(/^yaml\/not-yaml\.yml:\d+:\d+: error: not valid YAML: /m);
    expect(trip.source).toContain("export const onList");
  });

  test("YAML that is not a workflow", async () => {
    const trip = await importAndBuild({ "not-a-workflow.yml": fixture("not-a-workflow.yml"), "on-list.yml": fixture("on-list.yml") });
    expect(trip.imported.stderr).toContain("yaml/not-a-workflow.yml:1:1: error: the file is not a workflow: it has no on:");
  });

  test("a key GitHub's parser rejects", async () => {
    const trip = await importAndBuild({ "unknown-key.yml": fixture("unknown-key.yml"), "on-list.yml": fixture("on-list.yml") });
    expect(trip.imported.stderr).toContain("yaml/unknown-key.yml:8:9: error: GitHub's workflow parser rejects it: Unexpected value 'workin-directory'");
  });
});

import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { job, renderWorkflows, unchecked, workflow, type JobPermissions, type WorkflowDefinition } from "../index.ts";
import { localWorkflowFile } from "./reusable.ts";

function render(...values: WorkflowDefinition[]) {
  return renderWorkflows(values.map((value, i) => ({ exportName: `w${i}`, value })), { source: "workflows.ts" });
}

const build = workflow("build", {
  on: { workflow_call: null },
  jobs: {
    build: job({
      "runs-on": "ubuntu-latest",
      steps: [
        { uses: "actions/checkout@v4" },
        { run: "make dist" },
        { name: "Attest", uses: "actions/attest-build-provenance@v2", with: { "subject-path": "dist/*" } },
      ],
    }),
    lint: job({ "runs-on": "ubuntu-latest", steps: [{ run: "make lint" }] }),
  },
});

function release(permissions?: JobPermissions, uses = "./.github/workflows/build.yml"): WorkflowDefinition {
  return workflow("release", {
    on: { push: { tags: ["v*"] } },
    jobs: { call: job({ uses, ...(permissions !== undefined && { permissions }) }) },
  });
}

describe("jobs that call a reusable workflow of the same build", () => {
  test("infer grants the union of what the called workflow's jobs request, whatever the export order", () => {
    for (const order of [[release(), build], [build, release()]]) {
      const result = render(...order);
      expect(result.diagnostics).toEqual([]);
      const yaml = parse(result.files.find((f) => f.path === "release.yml")!.content);
      expect(yaml.jobs.call.permissions).toEqual({ attestations: "write", contents: "read", "id-token": "write" });
    }
  });

  test("an under-provisioned caller is the build error for GitHub's runtime failure, naming the nested job and scope", () => {
    const result = render(build, release({ contents: "read", "id-token": "write" }));
    expect(result.files.map((f) => f.path)).toEqual(["build.yml"]);
    expect(result.diagnostics.map((d) => ({ code: d.code, message: d.message, fix: d.fix, job: d.where.job, workflow: d.where.workflow }))).toEqual([
      {
        code: "permissions-call-underprovisioned",
        message:
          'job "call" calls ./.github/workflows/build.yml, whose job "build" of build.yml requests attestations: write ' +
          '(step "Attest" stores the build provenance attestation in the repository); the job grants attestations: none, and GitHub would refuse to run it: ' +
          "nested job 'build' is requesting 'attestations: write', but is only allowed 'attestations: none'",
        fix: 'grant attestations: write on job "call", or set permissions: "infer"',
        job: "call",
        workflow: "release.yml",
      },
    ]);
  });

  test("the caller must cover what a nested job requests explicitly, even beyond its needs", () => {
    const wide = workflow("build", {
      on: { workflow_call: null },
      jobs: { build: job({ "runs-on": "x", permissions: unchecked({ contents: "write" }), steps: [{ run: "make" }] }) },
    });
    const result = render(wide, release({ contents: "read" }));
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'job "call" calls ./.github/workflows/build.yml, whose job "build" of build.yml requests contents: write (its permissions ask for contents: write); ' +
        "the job grants contents: read, and GitHub would refuse to run it: nested job 'build' is requesting 'contents: write', but is only allowed 'contents: read'",
    ]);
  });

  test("granting more than the called workflow requests is a warning", () => {
    const result = render(build, release({ attestations: "write", contents: "read", "id-token": "write", packages: "write" }));
    expect(result.diagnostics.map((d) => [d.severity, d.message])).toEqual([["warning", 'job "call" grants packages: write, which no job of ./.github/workflows/build.yml requests']]);
  });

  test("a workflow this build does not produce cannot be inferred: the user must write the block", () => {
    const remote = release(undefined, "acme/shared/.github/workflows/build.yml@v1");
    expect(render(remote).diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "permissions-call-unknown",
        'job "call" calls acme/shared/.github/workflows/build.yml@v1, which this build does not produce, so wfgen cannot infer what its jobs request',
      ],
    ]);
    expect(render(release({ contents: "read" }, "acme/shared/.github/workflows/build.yml@v1")).diagnostics).toEqual([]);
  });

  test("local references name the output file", () => {
    expect(localWorkflowFile("./.github/workflows/build.yml")).toBe("build.yml");
    expect(localWorkflowFile("./.github/workflows/b.yaml")).toBe("b.yaml");
    expect(localWorkflowFile("o/r/.github/workflows/build.yml@v1")).toBeUndefined();
  });
});

import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { job, renderWorkflows, uses, workflow } from "../index.ts";

describe("uses()", () => {
  test("any action, docker image or local action becomes a step; outputs can be typed", () => {
    const build = uses<"digest">("acme/build-action/sub@v2", { id: "build", with: { target: "x" } });
    const steps = [
      build,
      uses("docker://alpine:3.20", { with: { args: "echo hi" } }),
      uses("./.github/actions/setup"),
      uses("owner/repo@v4", { env: { DIGEST: build.outputs.digest } }),
    ];
    const { files, diagnostics } = renderWorkflows(
      [{ exportName: "w", value: workflow("w", { on: "push", jobs: { a: job({ "runs-on": "ubuntu-latest", steps }) } }) }],
      { source: "workflows.ts" },
    );
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(parse(files[0]!.content).jobs.a.steps).toEqual([
      { id: "build", uses: "acme/build-action/sub@v2", with: { target: "x" } },
      { uses: "docker://alpine:3.20", with: { args: "echo hi" } },
      { uses: "./.github/actions/setup" },
      { uses: "owner/repo@v4", env: { DIGEST: "${{ steps.build.outputs.digest }}" } },
    ]);
    expect(build.meta.action).toBe("acme/build-action/sub@v2");
  });

  // The build reports a bad reference at the uses() call, with the workflow's other problems.
  const built = (...steps: ReturnType<typeof uses>[]) =>
    renderWorkflows([{ exportName: "w", value: workflow("w", { on: "push", jobs: { a: job({ "runs-on": "ubuntu-latest", steps }) } }) }], {
      source: "workflows.ts",
    });

  test("a reusable workflow is refused with the job form as the fix", () => {
    const { files, diagnostics } = built(uses("acme/ci/.github/workflows/build.yml@v1"));
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message, d.fix, d.path])).toEqual([
      [
        "invalid-uses",
        'uses("acme/ci/.github/workflows/build.yml@v1") names a reusable workflow, which runs as a job, not as a step',
        'call it from a job: job({ uses: "acme/ci/.github/workflows/build.yml@v1", with: {...}, secrets: {...} })',
        ["jobs", "a", "steps", 0, "uses"],
      ],
    ]);
  });

  test("a malformed reference is refused, and the workflow's other problems are reported with it", () => {
    const { diagnostics } = built(uses("checkout"), uses("owner/repo@v1", { with: { x: "${{ steps.nope.outputs.y }}" } }));
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      'invalid-uses: uses("checkout") is not an action reference',
      'step-reference: job "a" reads steps.nope, but no step of this job has the id "nope"',
    ]);
  });
});

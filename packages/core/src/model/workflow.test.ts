import { describe, expect, it } from "vitest";
import { formatPath, parseWorkflowModel, WorkflowSchema } from "./index.ts";

const jobs = { build: { "runs-on": "ubuntu-latest", steps: [{ run: "make" }] } };

function messages(workflow: unknown): string[] {
  const result = parseWorkflowModel(workflow);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("workflows", () => {
  it("accept every workflow-level key", () => {
    const workflow = {
      name: "CI",
      "run-name": "CI for ${{ github.ref_name }}",
      on: { push: { branches: ["main"] } },
      env: { NODE_ENV: "test" },
      defaults: { run: { shell: "bash" } },
      concurrency: "ci-${{ github.ref }}",
      permissions: {},
      jobs,
    };
    const result = parseWorkflowModel(workflow);
    expect(result).toEqual({ ok: true, workflow });
  });

  it("accept raw for keys wfgen does not model yet", () => {
    expect(messages({ on: "push", jobs, raw: { "x-future": { enabled: true } } })).toEqual([]);
  });

  it("refuse an unknown key, naming it", () => {
    expect(messages({ on: "push", jobs, permission: {} })).toEqual([
      "permission: unknown key 'permission'; did you mean 'permissions'?",
    ]);
  });

  it("refuse a value that is not a mapping, and an empty jobs mapping", () => {
    expect(messages("on: push")).toEqual(["workflow: expected a mapping, got 'on: push'"]);
    expect(messages({ on: "push", jobs: {} })).toEqual(["jobs: no jobs; a workflow needs at least one job"]);
  });

  it("accept an empty defaults block, as GitHub does", () => {
    expect(messages({ on: "push", jobs, defaults: { run: {} } })).toEqual([]);
    expect(messages({ on: "push", jobs, defaults: {} })).toEqual([]);
  });

  it("refuse a job id GitHub does not allow, naming it", () => {
    expect(messages({ on: "push", jobs: { "build app": jobs.build } })).toEqual([
      "jobs.build app: 'build app' is not a valid job id; it must start with a letter or _ and hold only letters, digits, - and _",
    ]);
  });

  it("report every problem with its path", () => {
    const result = parseWorkflowModel({
      on: { push: { branches: { main: true } } },
      jobs: { a: { "runs-on": "x", steps: [{ run: [1] }] } },
    });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ["on", "push", "branches"], message: "on.push.branches: expected a pattern or a list of patterns, got a mapping" },
      { path: ["jobs", "a", "steps", 0, "run"], message: "jobs.a.steps[0].run: expected a string, got a list" },
    ]);
  });

  it("keep the workflow as written", () => {
    const workflow = { on: ["push"], jobs, raw: { a: 1 } };
    expect(WorkflowSchema.parse(workflow)).toEqual(workflow);
  });
});

describe("formatPath", () => {
  it("writes keys with dots and indexes in brackets", () => {
    expect(formatPath(["jobs", "build", "steps", 2, "uses"])).toBe("jobs.build.steps[2].uses");
    expect(formatPath([])).toBe("workflow");
  });
});

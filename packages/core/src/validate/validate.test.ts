import { describe, expect, it } from "vitest";
import { lintModel, lintYaml } from "../rules/lint.ts";
import { checkWithGitHubParser, loadProblems } from "./index.ts";
import { referenceProblems } from "./references.ts";

type Json = Record<string, unknown>;

const run = (command = "make") => ({ run: command });
const job = (extra: Json = {}): Json => ({ "runs-on": "ubuntu-latest", steps: [run()], ...extra });

function problems(jobs: Json, on: unknown = "push") {
  return loadProblems("w.yml", { on, jobs }).map((d) => ({ code: d.code, path: d.where.path, message: d.message }));
}

function references(jobs: Json) {
  return referenceProblems({ on: "push", jobs }).map((p) => `${p.severity ?? "error"} ${p.message}`);
}

describe("what GitHub refuses when it loads a workflow", () => {
  it("finds job ids and step ids that differ only in case", () => {
    expect(problems({ build: job(), Build: job({ steps: [{ id: "a", ...run() }, { id: "A", ...run() }] }) })).toEqual([
      { code: "invalid-workflow", path: ["jobs", "Build"], message: 'jobs "build" and "Build" have the same id to GitHub, which ignores case in ids' },
      {
        code: "invalid-workflow",
        path: ["jobs", "Build", "steps", 1, "id"],
        message: 'job "Build" has steps with ids "a" and "A", the same id to GitHub, which ignores case in ids',
      },
    ]);
  });

  it("gives each parallel group a scope of its own, as GitHub's parser does", () => {
    const steps = [{ id: "a", ...run() }, { parallel: [{ id: "a", ...run() }, { id: "b", ...run() }] }, { parallel: [{ id: "b", ...run() }] }];
    expect(problems({ build: job({ steps }) })).toEqual([]);
    expect(problems({ build: job({ steps: [{ parallel: [{ id: "b", ...run() }, { id: "B", ...run() }] }] }) })).toEqual([
      expect.objectContaining({ code: "invalid-workflow", path: ["jobs", "build", "steps", 0, "parallel", 1, "id"] }),
    ]);
  });

  it("finds needs naming no job, and cycles, at the needs entry", () => {
    expect(problems({ a: job({ needs: ["b", "zz"] }), b: job({ needs: "a" }) }).map((p) => [p.path, p.message])).toEqual([
      [["jobs", "a", "needs", 1], 'job "a" needs "zz", which is not a job of this workflow (jobs: a, b)'],
      [["jobs", "a", "needs"], "jobs depend on each other in a cycle: a -> b -> a"],
    ]);
    expect(problems({ a: job({ needs: "constructor" }) }).map((p) => p.message)).toEqual([
      'job "a" needs "constructor", which is not a job of this workflow (jobs: a)',
    ]);
  });

  it("finds a call of a workflow of the same repository with a ref", () => {
    expect(problems({ a: { uses: "./.github/workflows/w.yml@main" }, b: { uses: "./.github/workflows/w.yml" } })).toEqual([
      {
        code: "invalid-workflow",
        path: ["jobs", "a", "uses"],
        message:
          'job "a" calls "./.github/workflows/w.yml@main", a workflow of this repository with a ref; GitHub refuses it, since a local workflow always runs from the caller\'s own commit',
      },
    ]);
  });

  it("finds a container or service without an image, unless an expression may yield it", () => {
    const found = problems({
      a: job({ container: { env: { A: "1" } }, services: { db: { ports: [5432] }, cache: { env: { IMAGE: "${{ matrix.image }}" } } } }),
    });
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ["invalid-workflow", ["jobs", "a", "container"]],
      ["invalid-workflow", ["jobs", "a", "services", "db"]],
    ]);
  });

  it("reads any YAML without crashing", () => {
    expect(loadProblems("w.yml", { jobs: { a: null, b: { needs: [1, null], steps: [null, 3] } } }).map((d) => d.code)).toEqual([]);
    expect(loadProblems("w.yml", { jobs: "nope" })).toEqual([]);
  });
});

describe("references to steps and jobs", () => {
  it("see a step id defined in a parallel group from the steps after the group", () => {
    const steps = [{ parallel: [{ id: "lint", ...run() }, run()] }, run("echo ${{ steps.lint.outputs.status }}")];
    expect(references({ build: job({ steps, outputs: { s: "${{ steps.lint.outputs.status }}" } }) })).toEqual([]);
  });

  it("refuse a read of a sibling in the same parallel group, which runs beside it", () => {
    const steps = [{ parallel: [{ id: "lint", ...run() }, run("echo ${{ steps.lint.outputs.status }}")] }];
    expect(references({ build: job({ steps }) })).toEqual(['error step #2 reads steps.lint, which runs beside it in the same parallel group']);
  });

  it("warn about needs.<job> of a job depended on only through another, and refuse one not depended on", () => {
    const read = [run("echo ${{ needs.build.outputs.v }}")];
    expect(references({ build: job(), test: job({ needs: "build" }), deploy: job({ needs: ["test"], steps: read }) })).toEqual([
      'warning job "deploy" reads needs.build, but depends on "build" only through "test", so needs.build is empty there',
    ]);
    expect(references({ build: job(), deploy: job({ steps: read }) })).toEqual(['error job "deploy" reads needs.build but does not list "build" in needs']);
  });
});

describe("a schedule", () => {
  it("without cron entries is reported by the build and by lint", () => {
    const model = lintModel({ on: ["push", "schedule"], permissions: {}, jobs: { a: job() } }, { file: "w.yml" });
    expect(model.findings.filter((f) => f.code === "invalid-cron").map((f) => [f.path, f.message])).toEqual([
      [["on", 1], "schedule has no cron entries, so the workflow never runs on a schedule"],
    ]);
    const lint = lintYaml("on: { schedule: [] }\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n", "w.yml");
    expect(lint.findings.map((f) => `${f.where.line}:${f.where.column} ${f.code}`)).toEqual(["1:7 invalid-cron"]);
  });
});

describe("GitHub's parser", () => {
  it("rejects what it refuses as invalid-workflow, at the line of the generated file", () => {
    expect(checkWithGitHubParser("w.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n")).toEqual([
      {
        severity: "error",
        code: "invalid-workflow",
        message: "GitHub's workflow parser rejects the generated w.yml at line 5, column 5: Unexpected value 'stepz'",
        fix: "correct the workflow definition; if the definition is valid, this is a wfgen bug: please report it",
        where: { workflow: "w.yml" },
      },
    ]);
  });

  it("accepts background steps, which GitHub has released", () => {
    const text = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: s\n        run: ./serve\n        background: true\n      - wait-all:\n      - cancel: s\n";
    expect(checkWithGitHubParser("w.yml", text)).toEqual([]);
  });
});

describe("lint", () => {
  it("reports an empty container image once, as invalid-workflow", () => {
    const text = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    container:\n      image: ""\n    steps: [{ run: make }]\n';
    expect(lintYaml(text, "w.yml").findings.map((f) => `${f.code}: ${f.message}`)).toEqual(["invalid-workflow: jobs.a.container.image: must not be empty"]);
  });

  it("reports uses with runs-on as one mistake, and every bad step of a job", () => {
    const both = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    uses: ./.github/workflows/w.yml\n";
    expect(lintYaml(both, "w.yml").findings.map((f) => f.message)).toEqual([
      "jobs.a.uses: uses and runs-on cannot both be set: a job either runs its steps on a runner (runs-on) or calls a reusable workflow (uses), so split it in two jobs",
    ]);
    const steps = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: a\n        timeout-minutes: x\n      - run: a\n        continue-on-error: x\n      - run: a\n        timeout-minutes: y\n";
    expect(lintYaml(steps, "w.yml").findings.map((f) => `${f.where.line} ${f.message.slice(0, f.message.indexOf(":"))}`)).toEqual([
      "8 jobs.a.steps[0].timeout-minutes",
      "10 jobs.a.steps[1].continue-on-error",
      "12 jobs.a.steps[2].timeout-minutes",
    ]);
  });
});

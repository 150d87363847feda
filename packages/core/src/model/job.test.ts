import { describe, expect, it } from "vitest";
import { parseWorkflowModel } from "./index.ts";

function messages(job: unknown): string[] {
  const result = parseWorkflowModel({ on: "push", jobs: { j: job } });
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

const steps = [{ run: "make" }];

describe("normal jobs", () => {
  it("accept every key GitHub allows", () => {
    const job = {
      name: "Build ${{ matrix.os }}",
      needs: ["lint", "test"],
      if: true,
      "runs-on": { group: "large", labels: ["linux", "x64"] },
      environment: { name: "production", url: "https://example.com", deployment: false },
      outputs: { digest: "${{ steps.push.outputs.digest }}" },
      env: { A: "1" },
      defaults: { run: { shell: "bash", "working-directory": "app" } },
      concurrency: { group: "deploy", "cancel-in-progress": "${{ github.ref != 'refs/heads/main' }}", queue: "max" },
      permissions: { contents: "read" },
      strategy: {
        matrix: {
          os: ["ubuntu-latest"],
          node: "${{ fromJSON(needs.lint.outputs.nodes) }}",
          include: [{ os: "windows-latest", node: 22 }],
        },
        "fail-fast": "${{ github.event_name == 'push' }}",
        "max-parallel": 2,
      },
      container: {
        image: "node:22",
        credentials: { username: "u", password: "${{ secrets.P }}" },
        ports: [80, "443:443"],
        volumes: ["/a:/b"],
        options: "--cpus 1",
      },
      services: {
        db: {
          image: "postgres:17",
          env: { POSTGRES_PASSWORD: "x" },
          command: "postgres -c fsync=off",
          entrypoint: "/bin/sh",
        },
      },
      snapshot: { "image-name": "my-image", version: "2.*" },
      "timeout-minutes": 30,
      "continue-on-error": false,
      steps,
    };
    expect(messages(job)).toEqual([]);
  });

  it("take a matrix that is one expression", () => {
    expect(messages({ "runs-on": "x", strategy: { matrix: "${{ fromJSON(needs.a.outputs.m) }}" }, steps })).toEqual([]);
  });

  it("refuse an unknown key, naming it", () => {
    expect(messages({ "runs-on": "x", steps, "timeout-minute": 5 })).toEqual([
      "jobs.j.timeout-minute: unknown key 'timeout-minute'; did you mean 'timeout-minutes'?",
    ]);
    expect(messages({ "runs-on": "x", steps, artifacts: ["a"] })).toEqual([
      expect.stringMatching(
        /^jobs\.j\.artifacts: unknown key 'artifacts'; a job takes name, needs, if, runs-on, .*; put keys wfgen does not model yet under raw$/,
      ),
    ]);
  });

  it("accept raw", () => {
    expect(messages({ "runs-on": "x", steps, raw: { "future-key": 5 } })).toEqual([]);
  });

  it("require runs-on", () => {
    expect(messages({ steps })).toEqual([
      "jobs.j.runs-on: missing; expected a runner label, a list of labels, or a mapping with group and labels",
    ]);
  });

  it("leave needs naming no job to the job-graph check, and refuse one that is not a string", () => {
    expect(messages({ "runs-on": "x", steps, needs: ["a b"] })).toEqual([]);
    expect(messages({ "runs-on": "x", steps, needs: [{ job: "a" }] })).toEqual(["jobs.j.needs[0]: expected a string, got a mapping"]);
  });

  it("say that uses and runs-on cannot be combined", () => {
    expect(messages({ "runs-on": "x", uses: "./.github/workflows/w.yml", steps })).toEqual([
      "jobs.j.uses: uses and runs-on cannot both be set: a job either runs its steps on a runner (runs-on) or calls a reusable workflow (uses), so split it in two jobs",
    ]);
  });

  it("report the errors of each bad step, not a reusable-workflow call with a missing uses", () => {
    const bad = [{ run: "a", "timeout-minutes": "x" }, { run: "a", "continue-on-error": "x" }, { run: "a", name: ["a"] }, { runn: "a" }];
    expect(messages({ "runs-on": "x", steps: bad }).map((m) => m.slice(0, m.indexOf(":")))).toEqual([
      "jobs.j.steps[0].timeout-minutes",
      "jobs.j.steps[1].continue-on-error",
      "jobs.j.steps[2].name",
      "jobs.j.steps[3].runn",
    ]);
  });
});

describe("call jobs", () => {
  it("accept the keys GitHub allows", () => {
    const job = {
      name: "Deploy",
      needs: "build",
      if: "github.ref == 'refs/heads/main'",
      uses: "octo/deploy/.github/workflows/deploy.yml@v2",
      with: { environment: "prod", replicas: 3, dry: false },
      secrets: { token: "${{ secrets.TOKEN }}" },
      permissions: { contents: "read", "id-token": "write" },
      strategy: { matrix: { region: ["eu", "us"] } },
      concurrency: "deploy-${{ github.ref }}",
    };
    expect(messages(job)).toEqual([]);
    expect(messages({ uses: "./.github/workflows/ci.yaml", secrets: "inherit" })).toEqual([]);
  });

  it("refuse keys only normal jobs take", () => {
    expect(messages({ uses: "./.github/workflows/ci.yml", with: { a: 1 }, outputs: { x: "y" } })).toEqual([
      "jobs.j.outputs: unknown key 'outputs'; a job that calls a reusable workflow takes name, needs, if, uses, with, secrets, permissions, strategy or concurrency; put keys wfgen does not model yet under raw",
    ]);
  });

  it("decide quickly on a long uses path that is not a workflow file", () => {
    expect(messages({ uses: `${"a/".repeat(5_000)}x` })).toHaveLength(1);
  });

  it("refuse secrets other than inherit or a mapping", () => {
    expect(messages({ uses: "./.github/workflows/ci.yml", secrets: "all" })).toEqual([
      "jobs.j.secrets: 'all' is not allowed; secrets takes inherit or a mapping of names to values",
    ]);
  });
});

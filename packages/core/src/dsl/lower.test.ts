import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { github, job, jobContext, pwsh, renderWorkflows, step, workflow, type Diagnostic } from "../index.ts";

function render(value: unknown) {
  return renderWorkflows([{ exportName: "w", value }], { source: "workflows.ts" });
}
function errors(value: unknown): Array<Pick<Diagnostic, "code" | "message" | "fix"> & { job?: string; step?: string }> {
  return render(value)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => ({ code: d.code, message: d.message, fix: d.fix, job: d.where.job, step: d.where.step }));
}
function jobsOf(value: unknown): Record<string, Record<string, unknown>> {
  const { files, diagnostics } = render(value);
  expect(diagnostics).toEqual([]);
  return parse(files[0]!.content).jobs;
}

describe("step handles", () => {
  test("a referenced step without an id gets one derived from its name; unreferenced steps get none", () => {
    const build = step<"digest">({ name: "Build and push", uses: "docker/build-push-action@v6" });
    const jobs = jobsOf(
      workflow("w", {
        on: "push",
        jobs: {
          a: job({
            "runs-on": "ubuntu-latest",
            steps: [{ name: "Checkout", uses: "actions/checkout@v4" }, build, step({ env: { DIGEST: build.outputs.digest }, run: "echo" })],
          }),
        },
      }),
    );
    expect(jobs.a!.steps).toEqual([
      { name: "Checkout", uses: "actions/checkout@v4" },
      { name: "Build and push", id: "build-and-push", uses: "docker/build-push-action@v6" },
      { env: { DIGEST: "${{ steps.build-and-push.outputs.digest }}" }, run: "echo" },
    ]);
  });

  test("derived ids avoid the ids the user gave, and fall back to the action name", () => {
    const a = step({ uses: "docker/metadata-action@v5" });
    const b = step({ uses: "docker/metadata-action@v5" });
    const jobs = jobsOf(
      workflow("w", {
        on: "push",
        jobs: {
          j: job({
            "runs-on": "ubuntu-latest",
            steps: [{ id: "metadata-action", run: "true" }, a, b, { run: `echo ${a.outputs.x} ${b.outputs.y}` }],
          }),
        },
      }),
    );
    expect((jobs.j!.steps as Array<{ id?: string }>).map((s) => s.id)).toEqual([
      "metadata-action",
      "metadata-action-2",
      "metadata-action-3",
      undefined,
    ]);
  });

  test("a user's id is kept verbatim", () => {
    const meta = step({ id: "Meta_1", uses: "docker/metadata-action@v5" });
    const jobs = jobsOf(workflow("w", { on: "push", jobs: { j: job({ "runs-on": "x", steps: [meta, { env: { T: meta.outputs.tags }, run: "x" }] }) } }));
    expect(jobs.j!.steps).toEqual([{ id: "Meta_1", uses: "docker/metadata-action@v5" }, { env: { T: "${{ steps.Meta_1.outputs.tags }}" }, run: "x" }]);
  });

  test("reading a step before it runs is an error naming both steps", () => {
    const later = step({ id: "later", run: "echo" });
    expect(
      errors(workflow("w", { on: "push", jobs: { j: job({ "runs-on": "x", steps: [{ name: "Early", run: `${later.outputs.v}` }, later] }) } })),
    ).toEqual([
      {
        code: "step-reference",
        message: 'step "Early" reads step "later", which runs after it',
        fix: "move the step that produces the value before the step that reads it",
        job: "j",
        step: '"Early"',
      },
    ]);
  });

  test("reading a step of another job is an error that says how to pass the value", () => {
    const digest = step({ id: "digest", run: "echo" });
    const build = job({ "runs-on": "x", steps: [digest] });
    const deploy = job({ "runs-on": "x", needs: build, steps: [{ run: `echo ${digest.outputs.value}` }] });
    expect(errors(workflow("w", { on: "push", jobs: { build, deploy } }))).toEqual([
      {
        code: "step-reference",
        message: 'job "deploy" reads step "digest" of job "build"; steps are local to their job',
        fix: 'declare a job output on "build" (outputs: { name: step.outputs.x }), add "build" to needs, and read it as buildJob.outputs.name',
        job: "deploy",
        step: "#1",
      },
    ]);
  });
});

describe("job handles", () => {
  test("needs takes handles and job outputs render through needs", () => {
    const push = step<"digest">({ id: "push", run: "echo" });
    const build = job({ "runs-on": "ubuntu-latest", outputs: { digest: push.outputs.digest }, steps: [push] });
    const deploy = job({
      "runs-on": "ubuntu-latest",
      needs: [build],
      if: build.result.eq("success"),
      steps: [{ env: { DIGEST: build.outputs.digest }, run: "deploy" }],
    });
    const jobs = jobsOf(workflow("w", { on: "push", jobs: { build, deploy } }));
    expect(jobs.build!.outputs).toEqual({ digest: "${{ steps.push.outputs.digest }}" });
    expect(jobs.deploy).toEqual({
      needs: ["build"],
      if: "needs.build.result == 'success'",
      "runs-on": "ubuntu-latest",
      steps: [{ env: { DIGEST: "${{ needs.build.outputs.digest }}" }, run: "deploy" }],
    });
  });

  test("reading a job's outputs without needing it is an error with the fix", () => {
    const build = job({ "runs-on": "x", outputs: { v: "1" }, steps: [{ run: "true" }] });
    const deploy = job({ "runs-on": "x", steps: [{ run: `echo ${build.outputs.v}` }] });
    expect(errors(workflow("w", { on: "push", jobs: { build, deploy } }))).toEqual([
      {
        code: "needs-missing",
        message: 'job "deploy" reads needs.build.outputs.v but does not list "build" in needs',
        fix: 'add build to the needs of job "deploy"',
        job: "deploy",
        step: "#1",
      },
    ]);
  });

  test("a needed job missing from the workflow is an error", () => {
    const other = job({ "runs-on": "x", steps: [{ run: "true" }] });
    expect(errors(workflow("w", { on: "push", jobs: { a: job({ "runs-on": "x", needs: [other], steps: [{ run: "true" }] }) } }))).toEqual([
      {
        code: "invalid-workflow",
        message: 'job "a" needs a job that is not listed in this workflow\'s jobs',
        fix: "add that job to the workflow's jobs, or remove it from needs",
        job: "a",
        step: undefined,
      },
    ]);
  });
});

describe("model-level validation", () => {
  test("needs cycles are reported once with the cycle", () => {
    expect(
      errors(
        workflow("w", {
          on: "push",
          jobs: {
            a: { "runs-on": "x", needs: "b", steps: [{ run: "true" }] },
            b: { "runs-on": "x", needs: ["a"], steps: [{ run: "true" }] },
          },
        }),
      ),
    ).toEqual([
      {
        code: "invalid-workflow",
        message: "jobs depend on each other in a cycle: a -> b -> a",
        fix: "remove one of these needs entries so that the jobs can run in order",
        job: "a",
        step: undefined,
      },
    ]);
  });

  test("unknown job in needs names the jobs that exist", () => {
    // @ts-expect-error needs of a job written in the workflow is typed against its job ids
    expect(errors(workflow("w", { on: "push", jobs: { a: { "runs-on": "x", needs: "bild", steps: [{ run: "true" }] } } }))).toEqual([
      {
        code: "invalid-workflow",
        message: 'job "a" needs "bild", which is not a job of this workflow (jobs: a)',
        fix: 'correct the job id in needs, or add a job "bild"',
        job: "a",
        step: undefined,
      },
    ]);
  });

  test("a job made for several workflows gets the env it reads (JobMeta.env) from its workflow", () => {
    const publish = () => job({ "runs-on": "x", steps: [{ run: "push $IMAGE" }] }, { env: ["IMAGE", "TAG"] });
    // @ts-expect-error the workflow's env lacks TAG
    expect(errors(workflow("w", { on: "push", env: { IMAGE: "app" }, jobs: { publish: publish() } }))).toEqual([
      {
        code: "missing-env",
        message: 'job "publish" reads env variables that its workflow does not define: TAG',
        fix: "define TAG in the workflow's env",
        job: "publish",
        step: undefined,
      },
    ]);
    expect(errors(workflow("w", { on: "push", env: { IMAGE: "app", TAG: "1" }, jobs: { publish: publish() } }))).toEqual([]);
  });

  test("raw needs.X and steps.X strings are checked too: warnings, since GitHub reads them as empty", () => {
    const found = render(
      workflow("w", {
        on: "push",
        jobs: {
          a: { "runs-on": "x", steps: [{ run: "echo ${{ steps.nope.outputs.x }}" }] },
          b: { "runs-on": "x", if: "needs.a.result == 'success'", steps: [{ run: "true" }] },
        },
      }),
    ).diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(found).toEqual(["warning step-reference", "warning needs-missing"]);
  });

  test("duplicate and malformed ids", () => {
    expect(
      errors(
        workflow("w", {
          on: "push",
          jobs: { "1job": { "runs-on": "x", steps: [{ id: "s", run: "a" }, { id: "s", run: "b" }] } },
        }),
      ).map((e) => `${e.code}: ${e.message}`),
    ).toEqual([
      "invalid-workflow: jobs.1job: '1job' is not a valid job id; it must start with a letter or _ and hold only letters, digits, - and _",
      'invalid-workflow: job "1job" has two steps with id "s"',
    ]);
  });

  test("invalid cron", () => {
    expect(errors(workflow("w", { on: { schedule: [{ cron: "61 * * * *" }] }, jobs: { a: { "runs-on": "x", steps: [{ run: "true" }] } } }))).toEqual([
      {
        code: "invalid-cron",
        message: 'the schedule "61 * * * *": "61" is not a valid minute (0-59)',
        fix: 'write five fields, e.g. "30 5 * * 1-5" (05:30 UTC on weekdays)',
        job: undefined,
        step: undefined,
      },
    ]);
  });

  test("illegal permission level and uses with run are rejected by the model", () => {
    const codes = errors(
      workflow("w", {
        on: "push",
        // @ts-expect-error id-token has no read level
        permissions: { "id-token": "read" },
        jobs: { a: { "runs-on": "x", steps: [{ uses: "actions/checkout@v4", run: "echo" } as never] } },
      }),
    );
    expect(codes.map((c) => c.code)).toContain("invalid-workflow");
    expect(codes.map((c) => c.message).join("\n")).toMatch(/id-token/);
  });
});

describe("expressions in fields", () => {
  test("if takes typed conditions and renders them bare", () => {
    const jobs = jobsOf(
      workflow("w", {
        on: "push",
        jobs: { a: job({ "runs-on": "x", if: github.event_name.ne("pull_request"), steps: [{ if: github.ref.eq("refs/heads/main"), run: "x" }] }) },
      }),
    );
    expect(jobs.a!.if).toBe("github.event_name != 'pull_request'");
    expect((jobs.a!.steps as Array<{ if: string }>)[0]!.if).toBe("github.ref == 'refs/heads/main'");
  });
});

describe("the job builder doubles as the job context", () => {
  test("jobContext.status renders the job context", () => {
    const jobs = jobsOf(
      workflow("w", { on: "push", jobs: { a: job({ "runs-on": "x", steps: [{ if: jobContext.status.eq("failure"), run: "notify" }] }) } }),
    );
    expect((jobs.a!.steps as Array<{ if: string }>)[0]!.if).toBe("job.status == 'failure'");
  });
});

describe("run strings", () => {
  test("expressions interpolated into a plain run string are hoisted into env, like sh", () => {
    const jobs = jobsOf(
      workflow("w", {
        on: "pull_request",
        jobs: { a: job({ "runs-on": "x", steps: [{ env: { A: "1" }, run: `echo ${github.event.pull_request.title}` }] }) },
      }),
    );
    expect((jobs.a!.steps as unknown[])[0]).toEqual({
      env: { A: "1", PULL_REQUEST_TITLE: "${{ github.event.pull_request.title }}" },
      run: 'echo "${PULL_REQUEST_TITLE}"',
    });
  });

  test("literal ${{ }} text in a run string is the author's and is kept", () => {
    const jobs = jobsOf(workflow("w", { on: "push", jobs: { a: job({ "runs-on": "x", steps: [{ run: "echo ${{ github.sha }}" }] }) } }));
    expect((jobs.a!.steps as unknown[])[0]).toEqual({ run: "echo ${{ github.sha }}" });
  });

  test("a pwsh script sets the PowerShell shell", () => {
    const jobs = jobsOf(workflow("w", { on: "push", jobs: { a: job({ "runs-on": "windows-latest", steps: [pwsh`Write-Output ${github.event_name}`] }) } }));
    expect((jobs.a!.steps as unknown[])[0]).toEqual({ shell: "pwsh", run: "Write-Output $env:GITHUB_EVENT_NAME" });
  });
});

describe("events that take no configuration", () => {
  test("configuration under create is held by the model but refused by the build", () => {
    expect(errors(workflow("w", { on: { create: { tags: ["v*"] } }, jobs: { a: { "runs-on": "x", steps: [{ run: "true" }] } } }))).toEqual([
      {
        code: "invalid-workflow",
        message: 'on.create takes no configuration, but has "tags"; GitHub refuses the workflow',
        fix: "write create: null (every create event starts the workflow); filter in a job's if: instead",
        job: undefined,
        step: undefined,
      },
    ]);
  });
});

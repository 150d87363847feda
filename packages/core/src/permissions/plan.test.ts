import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { fixturePath } from "../../../../test/fixtures.ts";
import { demoPush } from "../../test/seed/demo-push.ts";
import { deployImage } from "../../test/seed/deploy-image.ts";
import { job, renderWorkflows, secrets, sh, step, unchecked, workflow, type JobPermissions, type WorkflowDefinition } from "../index.ts";
import { planPermissions } from "./plan.ts";

function render(...values: WorkflowDefinition[]) {
  return renderWorkflows(values.map((value, i) => ({ exportName: `w${i}`, value })), { source: "workflows.ts" });
}

/** The seed workflow with every job's permissions replaced (`undefined` removes the key). */
function variant(definition: WorkflowDefinition, permissions: JobPermissions | undefined): WorkflowDefinition {
  const jobs: Record<string, ReturnType<typeof job>> = {};
  for (const [id, value] of Object.entries(definition.input.jobs)) {
    const { permissions: _, ...input } = (value as ReturnType<typeof job>).input as Record<string, unknown>;
    jobs[id] = job({ ...(input as Parameters<typeof job>[0]), ...(permissions !== undefined && { permissions }) });
  }
  return workflow(definition.file, { ...definition.input, jobs });
}

/** White space inside `${{ }}` is not significant (the seed writes `${{ env.IMAGE_NAME}}`). */
function normalise(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, "${{ $1 }}");
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

function emitted(result: ReturnType<typeof render>, file?: string): Record<string, any> {
  const found = file === undefined ? result.files[0] : result.files.find((f) => f.path === file);
  return parse(found!.content);
}

const brief = (d: { severity: string; code: string; message: string; fix?: string; where: { job?: string; step?: string } }) => ({
  severity: d.severity,
  code: d.code,
  message: d.message,
  fix: d.fix,
  job: d.where.job,
  step: d.where.step,
});

describe("inference on the seed workflows", () => {
  for (const mode of ["infer", undefined] as const) {
    const how = mode === undefined ? "with no permissions key" : 'with permissions: "infer"';
    test(`deploy-image ${how} gets exactly contents: read, packages: write, attestations: write, id-token: write`, () => {
      const result = render(variant(deployImage, mode));
      expect(result.diagnostics).toEqual([]);
      const yaml = emitted(result);
      expect(yaml.permissions).toEqual({});
      expect(yaml.jobs["build-and-push-image"].permissions).toEqual({ contents: "read", packages: "write", attestations: "write", "id-token": "write" });
      // Written in GitHub's documentation order.
      expect(Object.keys(yaml.jobs["build-and-push-image"].permissions)).toEqual(["attestations", "contents", "id-token", "packages"]);
    });

    test(`demo-push ${how} gets exactly contents: read, packages: write`, () => {
      const result = render(variant(demoPush, mode));
      expect(result.diagnostics).toEqual([]);
      expect(emitted(result).jobs.push.permissions).toEqual({ contents: "read", packages: "write" });
    });
  }

  test("the inferred seed is the seed's own YAML, plus the workflow-level permissions: {}", () => {
    for (const definition of [deployImage, demoPush]) {
      const { permissions, ...rest } = emitted(render(variant(definition, "infer")));
      expect(permissions).toEqual({});
      const seed = parse(readFileSync(fixturePath(`seed/${definition.file}`), "utf8"));
      expect(normalise(rest)).toEqual(normalise(seed));
    }
  });
});

describe("checking a block the user wrote", () => {
  test("a missing packages: write before a push is an error naming the step, the reason and the fix", () => {
    const result = render(variant(demoPush, { contents: "read", packages: "read" }));
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map(brief)).toEqual([
      {
        severity: "error",
        code: "missing-permission",
        message:
          'job "push" › step "Push image" needs packages: write (runs `docker push`, which pushes to ghcr.io with GITHUB_TOKEN); the job grants packages: read',
        fix: 'grant packages: write on job "push", or set permissions: "infer"',
        job: "push",
        step: '"Push image"',
      },
    ]);
  });

  test("removing packages entirely from deploy-image names the pushing step first", () => {
    const result = render(variant(deployImage, { contents: "read", attestations: "write", "id-token": "write" }));
    expect(result.diagnostics.map(brief)).toEqual([
      {
        severity: "error",
        code: "missing-permission",
        message:
          'job "build-and-push-image" › step "push" needs packages: write (pushes the image to ghcr.io with GITHUB_TOKEN) (so do step "Generate artifact attestation"); the job grants packages: none',
        fix: 'grant packages: write on job "build-and-push-image", or set permissions: "infer"',
        job: "build-and-push-image",
        step: '"push"',
      },
    ]);
  });

  test("an extra issues: write is a warning naming the scope; the file is still written", () => {
    const result = render(variant(demoPush, { packages: "write", contents: "read", issues: "write" }));
    expect(result.files.map((f) => f.path)).toEqual(["demo-push.yml"]);
    expect(result.diagnostics.map(brief)).toEqual([
      {
        severity: "warning",
        code: "excessive-permission",
        message: 'job "push" grants issues: write, which no step needs',
        fix: 'remove issues from the permissions of job "push", or set permissions: "infer"',
        job: "push",
        step: undefined,
      },
    ]);
    expect(emitted(result).jobs.push.permissions).toEqual({ packages: "write", contents: "read", issues: "write" });
  });

  test("a level higher than needed is a warning too", () => {
    const result = render(variant(demoPush, { packages: "write", contents: "write" }));
    expect(result.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["warning", 'job "push" grants contents: write, but its steps need only contents: read (step #1: checks out the repository with GITHUB_TOKEN)'],
    ]);
  });

  test("read-all is checked (it lacks the writes) and warned about as a blanket grant", () => {
    const result = render(variant(demoPush, "read-all"));
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["error", "missing-permission"],
      ["warning", "blanket-permissions"],
    ]);
    expect(result.diagnostics[1]!.message).toBe('job "push" grants read-all, every scope at once; the steps need only contents: read, packages: write');
  });

  test("unchecked(...) is written as given, with no diagnostics", () => {
    const result = render(variant(demoPush, unchecked("write-all")));
    expect(result.diagnostics).toEqual([]);
    expect(emitted(result).jobs.push.permissions).toBe("write-all");
    const narrow = render(variant(demoPush, unchecked({ issues: "write" })));
    expect(narrow.diagnostics).toEqual([]);
    expect(emitted(narrow).jobs.push.permissions).toEqual({ issues: "write" });
  });

  test("a job without a key infers even under a workflow-level block, which then reaches no job", () => {
    const base = variant(demoPush, undefined);
    const result = render(workflow("demo-push", { ...base.input, permissions: { contents: "read" } }));
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        "warning",
        "workflow-level-write",
        "the workflow's permissions grant contents: read, but every job has a block of its own, so no job runs with them",
      ],
    ]);
    const yaml = emitted(result);
    expect(yaml.permissions).toEqual({ contents: "read" });
    expect(yaml.jobs.push.permissions).toEqual({ contents: "read", packages: "write" });
  });

  test("under a workflow-level {}, jobs without a key infer, with no diagnostics", () => {
    const base = variant(demoPush, undefined);
    const result = render(workflow("demo-push", { ...base.input, permissions: {} }));
    expect(result.diagnostics).toEqual([]);
    expect(emitted(result).jobs.push.permissions).toEqual({ contents: "read", packages: "write" });
  });
});

describe("steps whose needs cannot be known", () => {
  const comment = { name: "Comment", uses: "actions/github-script@v7", with: { script: "await github.rest.issues.createComment({ ...context.issue, body: 'hi' })" } };

  test("github-script without a declaration is an error that shows how to declare", () => {
    const result = render(workflow("triage", { on: "issues", jobs: { triage: job({ "runs-on": "ubuntu-latest", steps: [comment] }) } }));
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map(brief)).toEqual([
      {
        severity: "error",
        code: "permissions-undeclared",
        message:
          'job "triage" › step "Comment" gets GITHUB_TOKEN, but wfgen cannot know which scopes it needs: it runs a script with GITHUB_TOKEN; what the script calls decides the scopes',
        fix:
          'declare them on the step: step({ ... }, { permissions: { issues: "write" } }) with the scopes it uses, or { permissions: {} } if it needs none; or set the job\'s permissions to unchecked({ ... })',
        job: "triage",
        step: '"Comment"',
      },
    ]);
  });

  test("declared needs are used, and replace what wfgen would infer for that step", () => {
    const result = render(
      workflow("triage", {
        on: "issues",
        jobs: { triage: job({ "runs-on": "ubuntu-latest", steps: [step(comment, { permissions: { issues: "write" } })] }) },
      }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(emitted(result).jobs.triage.permissions).toEqual({ issues: "write" });
  });

  test("a script handed the token that runs a program wfgen cannot see into must declare", () => {
    const release = { name: "Release", env: { GH_TOKEN: secrets.GITHUB_TOKEN }, run: "./scripts/release.sh" };
    const result = render(workflow("r", { on: "push", jobs: { r: job({ "runs-on": "x", steps: [release] }) } }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["permissions-undeclared"]);
    const declared = render(workflow("r", { on: "push", jobs: { r: job({ "runs-on": "x", steps: [step(release, { permissions: { contents: "write" } })] }) } }));
    expect(declared.diagnostics).toEqual([]);
    expect(emitted(declared).jobs.r.permissions).toEqual({ contents: "write" });
  });

  test("unchecked jobs are not asked to declare", () => {
    const result = render(workflow("triage", { on: "issues", jobs: { triage: job({ "runs-on": "x", permissions: unchecked({ issues: "write" }), steps: [comment] }) } }));
    expect(result.diagnostics).toEqual([]);
  });
});

describe("inference from scripts written with the DSL", () => {
  test("sh moves the token into env, and the command is still recognised", () => {
    const result = render(
      workflow("release", {
        on: "push",
        jobs: {
          release: job({
            "runs-on": "ubuntu-latest",
            steps: [{ uses: "actions/checkout@v4" }, sh`gh release create v1 --notes x --repo ${"o/r"} && echo ${secrets.GITHUB_TOKEN} > /dev/null`],
          }),
        },
      }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(emitted(result).jobs.release.permissions).toEqual({ contents: "write" });
  });

  test("a job that needs nothing gets no block of its own: the workflow's {} applies", () => {
    const yaml = emitted(render(workflow("ci", { on: "push", jobs: { test: job({ "runs-on": "x", steps: [{ run: "make test" }] }) } })));
    expect(yaml.permissions).toEqual({});
    expect(yaml.jobs.test.permissions).toBeUndefined();
  });
});

describe("plain YAML (the workflow corpus) gets the blocks their authors wrote", () => {
  const starter = (path: string) => parse(readFileSync(fixturePath(`corpus/${path}`), "utf8")) as Record<string, any>;
  const cases: Array<[string, string, Record<string, string>]> = [
    ["release/docker-publish.yml", "build", { contents: "read", packages: "write", "id-token": "write" }],
    ["release/npm-publish-gpr.yml", "publish-gpr", { contents: "read", packages: "write" }],
    ["pages/static.yml", "deploy", { contents: "read", pages: "write", "id-token": "write" }],
    ["automation/stale.yml", "stale", { issues: "write", "pull-requests": "write" }],
  ];
  for (const [path, id, expected] of cases) {
    test(`${path} › ${id}`, () => {
      const yaml = starter(path);
      const { permissions: _, ...job } = yaml.jobs[id];
      const plan = planPermissions({ file: path, model: { ...yaml, permissions: undefined, jobs: { [id]: job } } });
      expect(plan.diagnostics).toEqual([]);
      expect(plan.jobs[0]!.required).toEqual(expected);
      // And the block the starter wrote (on the job, or on the workflow for a job without one) verifies cleanly.
      const written = yaml.jobs[id].permissions ?? yaml.permissions;
      const checked = planPermissions({ file: path, model: { ...yaml, permissions: {}, jobs: { [id]: { ...job, permissions: written } } } });
      expect(checked.diagnostics).toEqual([]);
    });
  }
});

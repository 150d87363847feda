import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { checkWithGitHubParser, github, job, renderWorkflows, sh, workflow, type WorkflowDefinition } from "@wfgen/core";
import { readFixture } from "../../../test/fixtures.ts";
import {
  containerPush,
  containerPushJob,
  dockerPublish,
  dockerPublishJob,
  driftCheck,
  ghcrInstall,
  packageCleanup,
} from "../src/index.ts";

const seed = (file: string) => parse(readFixture(`seed/${file}`));

function render(definition: WorkflowDefinition) {
  const result = renderWorkflows([{ exportName: "w", value: definition }], { source: "workflows.ts" });
  expect(result.diagnostics).toEqual([]);
  return { text: result.files[0]!.content, value: parse(result.files[0]!.content) };
}

// Semantic comparison with GitHub's examples, after the documented differences only: refs (pinned later),
// the workflow-level `permissions: {}`, white space inside `${{ }}`, and `persist-credentials: false` on
// checkout (the hardening the presets exist for). The jobs' inferred permissions must equal the examples'.
function normalise(value: unknown, key = "", top = true): unknown {
  if (typeof value === "string") {
    if (key === "uses") return value.replace(/@.*$/, "@<ref>");
    return value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, "${{ $1 }}");
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, "", false));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "permissions" && top) continue;
      if (k === "with" && v && typeof v === "object" && "persist-credentials" in v) {
        const { "persist-credentials": _, ...rest } = v as Record<string, unknown>;
        if (Object.keys(rest).length > 0) out[k] = normalise(rest, k, false);
        continue;
      }
      out[k] = normalise(v, k, false);
    }
    return out;
  }
  return value;
}

describe("presets reproduce GitHub's examples", () => {
  test("dockerPublish() with defaults is the seed's deploy-image workflow", () => {
    const { value, text } = render(dockerPublish());
    expect(normalise(value)).toEqual(normalise(seed("deploy-image.yml")));
    expect(checkWithGitHubParser("deploy-image.yml", text)).toEqual([]);
  });

  test("containerPush() with defaults is the seed's demo-push workflow", () => {
    const { value, text } = render(containerPush());
    expect(normalise(value)).toEqual(normalise(seed("demo-push.yml")));
    expect(checkWithGitHubParser("demo-push.yml", text)).toEqual([]);
  });

  test("ghcrInstall({ kind: \"npm\" }) is the documented install from GitHub Packages", () => {
    const { value, text } = render(ghcrInstall({ kind: "npm", scope: "@octo-org" }));
    expect(normalise(value)).toEqual(normalise(seed("install-npm.yml")));
    expect(checkWithGitHubParser("install-npm.yml", text)).toEqual([]);
  });
});

describe("dockerPublish options", () => {
  test("pull request triggers push only when the event is not a pull request", () => {
    const { value } = render(dockerPublish({ on: { push: { branches: ["main"] }, pull_request: null } }));
    const steps = value.jobs["build-and-push-image"].steps as Array<Record<string, any>>;
    expect(steps.find((s) => s.id === "push")!.with.push).toBe("${{ github.event_name != 'pull_request' }}");
    expect(steps.find((s) => s.name === "Log in to the Container registry")!.if).toBe("github.event_name != 'pull_request'");
  });

  test("platforms add QEMU and Buildx; tags, build args and cache pass through", () => {
    const { value } = render(
      dockerPublish({
        platforms: ["linux/amd64", "linux/arm64"],
        tags: ["type=semver,pattern={{version}}"],
        buildArgs: { NODE_ENV: "production" },
        cache: true,
        attest: false,
      }),
    );
    const steps = value.jobs["build-and-push-image"].steps as Array<Record<string, any>>;
    expect(steps.map((s) => s.name)).toEqual([
      "Checkout repository",
      "Set up QEMU",
      "Set up Docker Buildx",
      "Log in to the Container registry",
      "Extract metadata (tags, labels) for Docker",
      "Build and push Docker image",
    ]);
    expect(steps[5]!.with).toMatchObject({
      platforms: "linux/amd64\nlinux/arm64",
      "build-args": "NODE_ENV=production",
      "cache-from": "type=gha",
      "cache-to": "type=gha,mode=max",
    });
    expect(steps[4]!.with.tags).toBe("type=semver,pattern={{version}}");
  });

  test("steps can be rearranged and extended by name, and references still resolve", () => {
    const { value } = render(
      dockerPublish({ steps: ({ checkout, login, meta, build }) => [checkout, sh`make test`, login, meta, build] }),
    );
    const steps = value.jobs["build-and-push-image"].steps as Array<Record<string, any>>;
    expect(steps[1]).toEqual({ run: "make test" });
    expect(steps.at(-1)!.with.tags).toBe("${{ steps.meta.outputs.tags }}");
  });
});

describe("preset jobs in a workflow of your own", () => {
  const problems = (definition: WorkflowDefinition) =>
    renderWorkflows([{ exportName: "w", value: definition }], { source: "workflows.ts" }).diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      fix: d.fix,
      line: d.where.line,
    }));
  const env = { REGISTRY: "ghcr.io", IMAGE_NAME: github.repository };

  test("dockerPublishJob() reads REGISTRY and IMAGE_NAME from the workflow: without them, missing-env at the call", () => {
    const line = Number(new Error().stack!.split("\n")[1]!.split(":").at(-2)) + 4; // the line of dockerPublishJob()
    const release = workflow("release", {
      on: "push",
      // @ts-expect-error the workflow's env does not define REGISTRY and IMAGE_NAME
      jobs: { publish: dockerPublishJob() },
    });
    expect(problems(release)).toEqual([
      {
        code: "missing-env",
        message: 'job "publish" reads env variables that its workflow does not define: REGISTRY, IMAGE_NAME',
        fix: "define REGISTRY, IMAGE_NAME in the workflow's env",
        line,
      },
    ]);
    // @ts-expect-error IMAGE_NAME is still missing
    const partial = workflow("release", { on: "push", env: { REGISTRY: "ghcr.io" }, jobs: { publish: dockerPublishJob() } });
    expect(problems(partial).map((p) => p.message)).toEqual(['job "publish" reads env variables that its workflow does not define: IMAGE_NAME']);
    expect(problems(workflow("release", { on: "push", env, jobs: { publish: dockerPublishJob() } }))).toEqual([]);
  });

  test("containerPushJob() reads IMAGE_NAME from the workflow", () => {
    // @ts-expect-error the workflow's env does not define IMAGE_NAME
    const push = workflow("push", { on: "push", jobs: { push: containerPushJob() } });
    expect(problems(push).map((p) => p.code)).toEqual(["missing-env"]);
    expect(problems(workflow("push", { on: "push", env: { IMAGE_NAME: "app" }, jobs: { push: containerPushJob() } }))).toEqual([]);
  });

  test("dockerPublishJob() has the outputs digest and tags only with outputs: true; reading them otherwise is unknown-context-property", () => {
    const publish = dockerPublishJob();
    const deploy = job({
      "runs-on": "ubuntu-latest",
      needs: publish,
      // @ts-expect-error digest is declared only with outputs: true
      steps: [sh`./deploy ${publish.outputs.digest}`],
    });
    expect(problems(workflow("release", { on: "push", env, jobs: { publish, deploy } }))).toEqual([
      {
        code: "unknown-context-property",
        message: 'job "deploy" reads output "digest" of job "publish", which declares no outputs',
        fix: 'declare it in the outputs of job "publish"',
        line: expect.any(Number),
      },
    ]);

    const withOutputs = dockerPublishJob({ outputs: true });
    const reader = job({ "runs-on": "ubuntu-latest", needs: withOutputs, steps: [sh`./deploy ${withOutputs.outputs.digest}`] });
    const { value } = render(workflow("release", { on: "push", env, jobs: { publish: withOutputs, deploy: reader } }));
    expect(value.jobs.publish.outputs).toEqual({ digest: "${{ steps.push.outputs.digest }}", tags: "${{ steps.meta.outputs.tags }}" });
    expect(value.jobs.deploy.steps[0].env).toEqual({ PUBLISH_DIGEST: "${{ needs.publish.outputs.digest }}" });
  });
});

describe("the other presets", () => {
  test("ghcrInstall pulls a private image as a job container with GITHUB_TOKEN", () => {
    const { value } = render(ghcrInstall({ kind: "container", image: "ghcr.io/acme/tools:1", steps: [{ run: "tool --version" }] }));
    expect(value.jobs.install.container).toEqual({
      image: "ghcr.io/acme/tools:1",
      credentials: { username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}" },
    });
  });

  test("ghcrInstall npm sets the registry and scope and feeds NODE_AUTH_TOKEN", () => {
    const { value } = render(ghcrInstall({ kind: "npm", scope: "@acme" }));
    const steps = value.jobs.install.steps as Array<Record<string, any>>;
    expect(steps[1]!.with).toEqual({ "node-version": 20, "registry-url": "https://npm.pkg.github.com", scope: "@acme" });
    expect(steps[2]).toEqual({ name: "Install dependencies", env: { NODE_AUTH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }, run: "npm ci" });
  });

  test("packageCleanup keeps the newest versions and tagged ones", () => {
    const { value } = render(packageCleanup({ package: "app", keep: 5 }));
    const run = value.jobs.cleanup.steps[0].run as string;
    expect(run).toContain(".[5:] | map(select((.metadata.container.tags // []) | length == 0))");
    expect(run).toContain('base="/orgs/${GITHUB_REPOSITORY_OWNER}/packages/container/app"');
    expect(value.on).toEqual({ schedule: [{ cron: "17 3 * * 1" }], workflow_dispatch: null });
  });

  test("driftCheck installs from the lockfile and runs wfgen check", () => {
    const { value } = render(driftCheck({ packageManager: "pnpm" }));
    const runs = (value.jobs.check.steps as Array<Record<string, any>>).map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(["npm install -g pnpm@10", "pnpm install --frozen-lockfile", "pnpm exec wfgen check"]);
  });
});

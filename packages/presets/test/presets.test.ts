import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { checkWithGitHubParser, renderWorkflows, sh, type WorkflowDefinition } from "@wfgen/core";
import { readFixture } from "../../../test/fixtures.ts";
import { containerPush, dockerPublish, driftCheck, ghcrInstall, packageCleanup } from "../src/index.ts";

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

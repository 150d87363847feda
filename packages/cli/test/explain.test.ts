import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { snapshot, wfgen } from "./helpers.ts";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOf(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `wfgen-explain-${example}-`));
  made.push(dir);
  cpSync(join(examples, example), dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  return dir;
}

describe("wfgen explain", () => {
  test("names the step behind each scope of the docker-publish example", async () => {
    const result = await wfgen(copyOf("docker-publish"), ["explain", "deploy-image"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "deploy-image.yml",
        "  job build-and-push-image (inferred)",
        "    attestations: write",
        '      step "Generate artifact attestation": stores the build provenance attestation in the repository',
        "    contents: read",
        '      step "Checkout repository": checks out the repository with GITHUB_TOKEN',
        "    id-token: write",
        '      step "Generate artifact attestation": requests an OIDC token to sign the build provenance attestation',
        "    packages: write",
        '      step "Log in to the Container registry": logs in to ghcr.io with GITHUB_TOKEN for the push of step "push"',
        '      step "push": pushes the image to ghcr.io with GITHUB_TOKEN',
        '      step "Generate artifact attestation": pushes the attestation to the image\'s registry (push-to-registry)',
        "",
        "",
      ].join("\n"),
    );
  });

  test("--json by export name, narrowed to a job", async () => {
    const result = await wfgen(copyOf("demo-push"), ["explain", "demoPush", "push", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.version).toBe(1);
    expect(json.jobs.map((j: { permissions: Array<{ scope: string; level: string }> }) => j.permissions.map((p) => `${p.scope}: ${p.level}`))).toEqual([
      ["contents: read", "packages: write"],
    ]);
  });

  test("an unknown workflow is a usage error listing the workflows", async () => {
    const result = await wfgen(copyOf("demo-push"), ["explain", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no workflow is called "nope"');
    expect(result.stderr).toContain("demo-push (export demoPush)");
  });
});

// The docker-publish example with the job's block written out, as GitHub's example writes it.
const EXPLICIT = [
  'import { dockerPublish } from "wfgen/presets";',
  "",
  "export const deployImage = dockerPublish({",
  '  permissions: { contents: "read", packages: "write", attestations: "write", "id-token": "write" },',
  "});",
  "",
].join("\n");

describe("verified permission blocks in the examples", () => {
  test("the written block is verified and the YAML keeps it", async () => {
    const dir = copyOf("docker-publish");
    writeFileSync(join(dir, "workflows.ts"), EXPLICIT);
    const result = await wfgen(dir, ["build"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, ".github/workflows/deploy-image.yml"), "utf8")).toContain(
      "    permissions:\n      contents: read\n      packages: write\n      attestations: write\n      id-token: write\n",
    );
  });

  test("removing packages: write makes the build fail naming the step, and writes nothing", async () => {
    const dir = copyOf("docker-publish");
    const source = join(dir, "workflows.ts");
    writeFileSync(source, EXPLICIT.replace('packages: "write", ', ""));
    const before = snapshot(join(dir, ".github"));
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'workflows.ts:3:28 error [missing-permission] deploy-image.yml › build-and-push-image › step "push" (jobs.build-and-push-image.steps[3])',
        '  job "build-and-push-image" › step "push" needs packages: write (pushes the image to ghcr.io with GITHUB_TOKEN) (so do step "Generate artifact attestation"); the job grants packages: none',
        '  Fix: grant packages: write on job "build-and-push-image", or set permissions: "infer"',
        "wfgen build: 1 error; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(snapshot(join(dir, ".github"))).toEqual(before);
  });

  test("adding issues: write is a warning naming the scope", async () => {
    const dir = copyOf("docker-publish");
    const source = join(dir, "workflows.ts");
    writeFileSync(source, EXPLICIT.replace('permissions: { contents: "read",', 'permissions: { issues: "write", contents: "read",'));
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        "workflows.ts:3:28 warning [excessive-permission] deploy-image.yml › build-and-push-image (jobs.build-and-push-image.permissions)",
        '  job "build-and-push-image" grants issues: write, which no step needs',
        '  Fix: remove issues from the permissions of job "build-and-push-image", or set permissions: "infer"',
        "",
      ].join("\n"),
    );
  });
});

describe("permissionComments in wfgen.config.ts", () => {
  test("the build writes each scope's reason next to it", async () => {
    const dir = copyOf("demo-push");
    writeFileSync(join(dir, "wfgen.config.ts"), 'import { defineConfig } from "wfgen";\nexport default defineConfig({ permissionComments: true });\n');
    const result = await wfgen(dir, ["build", "--quiet"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, ".github/workflows/demo-push.yml"), "utf8")).toContain(
      [
        "    permissions:",
        "      contents: read # step #1: checks out the repository with GITHUB_TOKEN",
        '      packages: write # step "Push image": runs `docker push`, which pushes to ghcr.io with GITHUB_TOKEN (and 1 more)',
      ].join("\n"),
    );
  });
});

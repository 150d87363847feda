import { describe, expect, test } from "vitest";
import { demoPush } from "../../test/seed/demo-push.ts";
import { deployImage } from "../../test/seed/deploy-image.ts";
import { explainPermissions, explanationJson, formatExplanation } from "../index.ts";

const entries = [
  { exportName: "deployImage", value: deployImage },
  { exportName: "demoPush", value: demoPush },
  { exportName: "notAWorkflow", value: 42 },
];

describe("explain", () => {
  test("names the step behind every granted scope of deploy-image (JSON v1)", () => {
    const result = explainPermissions(entries, "deploy-image");
    expect(result.diagnostics).toEqual([]);
    expect(explanationJson(result.explanation!)).toEqual({
      version: 1,
      workflow: "deploy-image.yml",
      jobs: [
        {
          job: "build-and-push-image",
          permissions: [
            { scope: "attestations", level: "write", because: [{ step: "Generate artifact attestation", reason: "stores the build provenance attestation in the repository" }] },
            { scope: "contents", level: "read", because: [{ step: "Checkout repository", reason: "checks out the repository with GITHUB_TOKEN" }] },
            {
              scope: "id-token",
              level: "write",
              because: [{ step: "Generate artifact attestation", reason: "requests an OIDC token to sign the build provenance attestation" }],
            },
            {
              scope: "packages",
              level: "write",
              because: [
                { step: "Log in to the Container registry", reason: 'logs in to ghcr.io with GITHUB_TOKEN for the push of step "push"' },
                { step: "push", reason: "pushes the image to ghcr.io with GITHUB_TOKEN" },
                { step: "Generate artifact attestation", reason: "pushes the attestation to the image's registry (push-to-registry)" },
              ],
            },
          ],
        },
      ],
    });
  });

  test("finds a workflow by export name or file name, and narrows to one job", () => {
    expect(explainPermissions(entries, "demoPush").explanation?.workflow).toBe("demo-push.yml");
    expect(explainPermissions(entries, "demo-push.yml").explanation?.workflow).toBe("demo-push.yml");
    expect(explainPermissions(entries, "demo-push", "push").explanation?.jobs.map((j) => j.job)).toEqual(["push"]);
  });

  test("text output", () => {
    expect(formatExplanation(explainPermissions(entries, "demo-push").explanation!)).toBe(
      [
        "demo-push.yml",
        "  job push (written in the source, checked)",
        "    contents: read",
        "      step #1: checks out the repository with GITHUB_TOKEN",
        "    packages: write",
        '      step "Log in to registry": logs in to ghcr.io with GITHUB_TOKEN for the push of step "Push image"',
        '      step "Push image": runs `docker push`, which pushes to ghcr.io with GITHUB_TOKEN',
        "",
      ].join("\n"),
    );
  });

  test("unknown workflows and jobs are diagnostics that list the choices", () => {
    expect(explainPermissions(entries, "nope").diagnostics.map((d) => [d.code, d.message, d.fix])).toEqual([
      ["explain-unknown-workflow", 'no workflow is called "nope"', "name one of: deploy-image (export deployImage), demo-push (export demoPush)"],
    ]);
    expect(explainPermissions(entries, "demo-push", "build").diagnostics.map((d) => [d.code, d.fix])).toEqual([["explain-unknown-job", "name one of: push"]]);
  });
});

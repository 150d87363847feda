import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../diagnostics.ts";
import { emitYaml } from "../emit/emit.ts";
import { collectIntents } from "./collect.ts";
import { pinModel } from "./pin-model.ts";
import type { Lock } from "./schema.ts";

const CHECKOUT = "34e114876b0b11c390a56381ad16ebd13914f8d5";
const BUILD = "10e90e3645eae34f1e60eeb005ba3a3d33f178e8";
const WORKFLOWS = "2222222222222222222222222222222222222222";
const DIGEST = `sha256:${"cd".repeat(32)}`;
const at = "2026-01-01T00:00:00.000Z";

const lock: Lock = {
  version: 1,
  actions: {
    "actions/checkout@v4": { sha: CHECKOUT, tag: "v4.3.1", resolvedAt: at },
    "docker/build-push-action@v6": { sha: BUILD, tag: "v6.18.0", resolvedAt: at },
    "acme/ci/.github/workflows/build.yml@v1": { sha: WORKFLOWS, tag: "v1.0.0", resolvedAt: at },
    "acme/fork@main": { unpinned: true, reason: "our fork has no releases yet" },
    [`actions/cache@${CHECKOUT}`]: { sha: CHECKOUT, tag: "v9.9.9", resolvedAt: at },
  },
  images: { "node:20": { digest: DIGEST, resolvedAt: at }, "alpine:3.20": { digest: DIGEST, resolvedAt: at } },
};

const model = {
  on: { push: null },
  jobs: {
    build: {
      "runs-on": "ubuntu-latest",
      container: "node:20",
      services: { redis: { image: "redis:7" } },
      steps: [
        { uses: "actions/checkout@v4" },
        { id: "push", uses: "docker/build-push-action@v6", with: { push: true } },
        { uses: "./.github/actions/local" },
        { uses: "docker://alpine:3.20" },
        { uses: "acme/fork@main" },
        { uses: `actions/cache@${CHECKOUT}` },
      ],
    },
    call: { uses: "acme/ci/.github/workflows/build.yml@v1" },
  },
};

describe("pinModel", () => {
  test("rewrites every remote uses to its commit and images to their digest, with the tag as a comment", () => {
    const before = structuredClone(model);
    const result = pinModel(model, lock, "ci.yml");
    expect(result.diagnostics).toEqual([]);
    expect(model).toEqual(before);
    expect(emitYaml(result.model, { comments: result.comments })).toBe(`on:
  push:

jobs:
  build:
    runs-on: ubuntu-latest
    container: node@${DIGEST} # 20
    services:
      redis:
        image: redis:7
    steps:
      - uses: actions/checkout@${CHECKOUT} # v4.3.1

      - id: push
        uses: docker/build-push-action@${BUILD} # v6.18.0
        with:
          push: true

      - uses: ./.github/actions/local

      - uses: docker://alpine@${DIGEST} # 3.20

      - uses: acme/fork@main

      - uses: actions/cache@${CHECKOUT} # v9.9.9

  call:
    uses: acme/ci/.github/workflows/build.yml@${WORKFLOWS} # v1.0.0
`);
  });

  test("an intent missing from the lock is an error naming the workflow, job and step, and saying to run wfgen pin", () => {
    const result = pinModel(
      {
        jobs: {
          test: { steps: [{ name: "Check out", uses: "actions/checkout@v5" }, { uses: "actions/setup-node@v4" }] },
          call: { uses: "acme/ci/.github/workflows/x.yml@v2" },
        },
      },
      lock,
      "ci.yml",
    );
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'error [missing-pin] ci.yml › test › step "Check out"\n' +
        '  the action "actions/checkout@v5" has no entry in wfgen.lock.json, so wfgen cannot pin it to a commit SHA\n' +
        "  Fix: run `npx wfgen pin` to resolve it and record it in wfgen.lock.json",
      "error [missing-pin] ci.yml › test › step #2\n" +
        '  the action "actions/setup-node@v4" has no entry in wfgen.lock.json, so wfgen cannot pin it to a commit SHA\n' +
        "  Fix: run `npx wfgen pin` to resolve it and record it in wfgen.lock.json",
      "error [missing-pin] ci.yml › call\n" +
        '  the reusable workflow "acme/ci/.github/workflows/x.yml@v2" has no entry in wfgen.lock.json, so wfgen cannot pin it to a commit SHA\n' +
        "  Fix: run `npx wfgen pin` to resolve it and record it in wfgen.lock.json",
    ]);
  });

  test("an empty lock pins nothing and leaves local, SHA-pinned and image-only workflows alone", () => {
    const result = pinModel(
      {
        jobs: {
          a: {
            container: { image: "node:20" },
            steps: [{ uses: "./x" }, { uses: `a/b@${CHECKOUT}` }, { run: "make" }],
          },
        },
      },
      { version: 1, actions: {} },
    );
    expect(result).toEqual({
      model: {
        jobs: {
          a: {
            container: { image: "node:20" },
            steps: [{ uses: "./x" }, { uses: `a/b@${CHECKOUT}` }, { run: "make" }],
          },
        },
      },
      comments: [],
      diagnostics: [],
    });
  });
});

describe("collectIntents", () => {
  test("lists the remote intents (SHA refs too) and undigested images, not local actions", () => {
    const uses = collectIntents(model, "ci.yml");
    expect(uses.map((u) => (u.kind === "remote" ? u.intent.key : `image ${u.image.key}`))).toEqual([
      "image node:20",
      "image redis:7",
      "actions/checkout@v4",
      "docker/build-push-action@v6",
      "image alpine:3.20",
      "acme/fork@main",
      `actions/cache@${CHECKOUT}`,
      "acme/ci/.github/workflows/build.yml@v1",
    ]);
    expect(uses[3]).toMatchObject({
      path: ["jobs", "build", "steps", 1, "uses"],
      where: { workflow: "ci.yml", job: "build", step: '"push"' },
    });
  });
});

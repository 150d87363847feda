import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { emitYaml } from "./emit.ts";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const DIGEST = `sha256:${"ab".repeat(32)}`;

const doc = {
  on: { push: null },
  jobs: {
    build: {
      "runs-on": "ubuntu-latest",
      container: { image: `node@${DIGEST}` },
      services: { redis: { image: `redis@${DIGEST}` } },
      steps: [
        { uses: `docker/setup-buildx-action@${SHA}` },
        { name: "Build", uses: `docker/build-push-action@${SHA}`, with: { push: true } },
        { uses: `docker://alpine@${DIGEST}` },
      ],
    },
    call: { uses: `acme/workflows/.github/workflows/build.yml@${SHA}` },
  },
};

const comments = [
  { path: ["jobs", "build", "steps", 0, "uses"], text: "v4.3.0" },
  { path: ["jobs", "build", "steps", 1, "uses"], text: "v7.3.0" },
  { path: ["jobs", "build", "steps", 2, "uses"], text: "3.20" },
  { path: ["jobs", "build", "container", "image"], text: "20" },
  { path: ["jobs", "build", "services", "redis", "image"], text: "7" },
  { path: ["jobs", "call", "uses"], text: "v1.2.3" },
];

describe("comments after values", () => {
  const text = emitYaml(doc, { comments });

  test("are written as ` # <text>` at the end of the value's line, nothing after", () => {
    expect(text).toBe(`on:
  push:

jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: node@${DIGEST} # 20
    services:
      redis:
        image: redis@${DIGEST} # 7
    steps:
      - uses: docker/setup-buildx-action@${SHA} # v4.3.0

      - name: Build
        uses: docker/build-push-action@${SHA} # v7.3.0
        with:
          push: true

      - uses: docker://alpine@${DIGEST} # 3.20

  call:
    uses: acme/workflows/.github/workflows/build.yml@${SHA} # v1.2.3
`);
  });

  test("leave the values as they were, for YAML readers and GitHub's parser", () => {
    const parsed = parseDocument(text);
    expect(parsed.toJSON()).toEqual(doc);
    const result = parseWorkflow({ name: "ci.yml", content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors()).toEqual([]);
  });

  test("keep the output a fixed point of prettier, also on lines wider than 80 columns", async () => {
    expect(text.split("\n").some((line) => line.length > 80)).toBe(true);
    expect(await prettier.format(text, { parser: "yaml" })).toBe(text);
  });

  test("follow a quoted value outside its quotes", () => {
    const quoted = emitYaml(
      { jobs: { a: { steps: [{ uses: "a/b@yes" }] } } },
      {
        comments: [{ path: ["jobs", "a", "steps", 0, "uses"], text: "v1" }],
      },
    );
    expect(quoted).toContain("      - uses: a/b@yes # v1\n");
    const odd = emitYaml({ x: "on" }, { comments: [{ path: ["x"], text: "v1" }] });
    expect(odd).toBe('x: "on" # v1\n');
  });

  test("refuse text that would hide after the tag or break the line, and multi-line values", () => {
    for (const bad of ["", " v1", "v1 ", "v1\nx: 1"]) {
      expect(() => emitYaml({ x: "a" }, { comments: [{ path: ["x"], text: bad }] })).toThrow(TypeError);
    }
    expect(() => emitYaml({ x: "a\nb\n" }, { comments: [{ path: ["x"], text: "v1" }] })).toThrow(
      "cannot write a comment after a multi-line string in YAML, at x",
    );
  });
});

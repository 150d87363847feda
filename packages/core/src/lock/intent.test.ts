import { describe, expect, test } from "vitest";
import { parseImage, parseUses } from "./intent.ts";

describe("parseUses", () => {
  test("reads actions, actions in a subfolder, reusable workflows, docker and local actions", () => {
    expect(parseUses("actions/checkout@v4")).toEqual({
      kind: "action",
      owner: "actions",
      repo: "checkout",
      ref: "v4",
      name: "actions/checkout",
      key: "actions/checkout@v4",
    });
    expect(parseUses("github/codeql-action/init@v3")).toMatchObject({
      kind: "action",
      repo: "codeql-action",
      path: "init",
      name: "github/codeql-action/init",
      key: "github/codeql-action/init@v3",
    });
    expect(parseUses("acme/ci/.github/workflows/build.yml@v1.2")).toMatchObject({
      kind: "reusable",
      owner: "acme",
      repo: "ci",
      path: ".github/workflows/build.yml",
      ref: "v1.2",
    });
    expect(parseUses("docker://alpine:3.20")).toEqual({
      kind: "docker",
      image: { name: "alpine", tag: "3.20", key: "alpine:3.20" },
    });
    expect(parseUses("./.github/actions/setup")).toEqual({ kind: "local", path: "./.github/actions/setup" });
    expect(parseUses("$/.github/actions/setup")).toEqual({ kind: "local", path: "$/.github/actions/setup" });
  });

  test("leaves what it cannot read", () => {
    for (const text of ["actions/checkout", "checkout@v4", "${{ matrix.action }}@v1", "a/b@v1@v2"])
      expect(parseUses(text)).toBeUndefined();
  });
});

describe("parseImage", () => {
  test("takes the tag after the last colon of the last path segment, as Docker does", () => {
    expect(parseImage("node:20")).toEqual({ name: "node", tag: "20", key: "node:20" });
    expect(parseImage("localhost:5000/app")).toEqual({ name: "localhost:5000/app", key: "localhost:5000/app:latest" });
    expect(parseImage("ghcr.io/acme/app:1.2@sha256:" + "a".repeat(64))).toEqual({
      name: "ghcr.io/acme/app",
      tag: "1.2",
      digest: "sha256:" + "a".repeat(64),
      key: "ghcr.io/acme/app:1.2",
    });
    expect(parseImage("${{ matrix.image }}")).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { serializeLock, type Lock } from "@wfgen/core";
import { describe, expect, test } from "vitest";

const preset = JSON.parse(readFileSync(new URL("../../../renovate/wfgen.json", import.meta.url), "utf8")) as {
  customManagers: Array<{ managerFilePatterns: string[]; matchStrings: string[]; datasourceTemplate: string }>;
  postUpgradeTasks: { commands: string[] };
};

const at = "2026-01-01T00:00:00.000Z";
const A = "34e114876b0b11c390a56381ad16ebd13914f8d5";
const B = "10e90e3645eae34f1e60eeb005ba3a3d33f178e8";
const lock: Lock = {
  version: 1,
  actions: {
    "actions/checkout@v4": { sha: A, tag: "v4.3.1", resolvedAt: at, tagObject: "c".repeat(40) },
    "github/codeql-action/init@v3": { sha: B, tag: "v3.28.0", resolvedAt: at },
    "acme/ci/.github/workflows/build.yml@v1.2": { sha: A, tag: "v1.2.0", resolvedAt: at },
    "actions/cache@v2": { sha: B, tag: "v2", resolvedAt: at },
    "acme/fork@main": { unpinned: true, reason: "no releases yet" },
  },
  images: { "node:20": { digest: `sha256:${"0".repeat(64)}`, resolvedAt: at } },
};

describe("the Renovate preset (renovate/wfgen.json)", () => {
  const [manager] = preset.customManagers;

  test("finds wfgen.lock.json anywhere in the repository", () => {
    const pattern = manager!.managerFilePatterns[0]!;
    const regex = new RegExp(pattern.slice(1, -1));
    expect(["wfgen.lock.json", "ci/wfgen.lock.json"].every((f) => regex.test(f))).toBe(true);
    expect(regex.test("package-lock.json")).toBe(false);
  });

  test("reads each pinned entry of the lock wfgen writes: the repository, its commit and its release tag", () => {
    const regex = new RegExp(manager!.matchStrings[0]!, "g");
    const found = [...serializeLock(lock).matchAll(regex)].map((m) => m.groups);
    expect(found).toEqual([
      { depName: "acme/ci", currentDigest: A, currentValue: "v1.2.0" },
      { depName: "actions/checkout", currentDigest: A, currentValue: "v4.3.1" },
      { depName: "github/codeql-action", currentDigest: B, currentValue: "v3.28.0" },
    ]);
    expect(manager!.datasourceTemplate).toBe("github-tags");
  });

  test("uses only what Renovate's RE2 engine accepts (no lookaround, no backreference)", () => {
    for (const source of manager!.matchStrings) expect(source).not.toMatch(/\(\?[=!]|\(\?<[=!]|\\[1-9]/);
  });

  test("regenerates the workflows after an update", () => {
    expect(preset.postUpgradeTasks.commands).toEqual(["npx --no-install wfgen build"]);
  });
});

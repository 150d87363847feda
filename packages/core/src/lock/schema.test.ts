import { describe, expect, test } from "vitest";
import { emptyLock, parseLock, type Lock } from "./schema.ts";
import { serializeLock } from "./serialize.ts";

const SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

describe("wfgen.lock.json", () => {
  test("is written with sorted keys, two spaces and a final newline, whatever order it was built in", () => {
    const lock: Lock = {
      version: 1,
      images: { "node:20": { resolvedAt: "2026-01-01T00:00:00.000Z", digest: `sha256:${"0".repeat(64)}` } },
      actions: {
        "docker/login-action@v4": { tag: "v4.1.0", sha: SHA, resolvedAt: "2026-01-01T00:00:00.000Z" },
        "actions/checkout@v4": { unpinned: true, reason: "testing a fork" },
        "actions/cache@v4": {
          tagObject: "a".repeat(40),
          tag: "v4.3.0",
          sha: SHA,
          resolvedAt: "2026-01-01T00:00:00.000Z",
        },
      },
    };
    expect(serializeLock(lock)).toBe(`{
  "actions": {
    "actions/cache@v4": {
      "resolvedAt": "2026-01-01T00:00:00.000Z",
      "sha": "${SHA}",
      "tag": "v4.3.0",
      "tagObject": "${"a".repeat(40)}"
    },
    "actions/checkout@v4": {
      "reason": "testing a fork",
      "unpinned": true
    },
    "docker/login-action@v4": {
      "resolvedAt": "2026-01-01T00:00:00.000Z",
      "sha": "${SHA}",
      "tag": "v4.1.0"
    }
  },
  "images": {
    "node:20": {
      "digest": "sha256:${"0".repeat(64)}",
      "resolvedAt": "2026-01-01T00:00:00.000Z"
    }
  },
  "version": 1
}
`);
    expect(parseLock(serializeLock(lock))).toEqual({ ok: true, lock: expect.objectContaining({ version: 1 }) });
    const again = parseLock(serializeLock(lock));
    expect(again.ok && serializeLock(again.lock)).toBe(serializeLock(lock));
  });

  test("an empty lock round-trips", () => {
    expect(serializeLock(emptyLock())).toBe('{\n  "actions": {},\n  "version": 1\n}\n');
  });

  test("problems name the entry and say what is expected", () => {
    const bad = (actions: unknown): string[] => {
      const result = parseLock(JSON.stringify({ version: 1, actions }));
      return result.ok ? [] : result.problems;
    };
    expect(
      bad({ "actions/checkout@v4": { sha: SHA.toUpperCase(), tag: "v4.2.2", resolvedAt: "2026-01-01T00:00:00Z" } }),
    ).toEqual(["actions › actions/checkout@v4 › sha: must be a full commit SHA: 40 lowercase hex digits"]);
    expect(
      bad({ "actions/checkout@v4": { sha: SHA, tag: "v4.2.2 # old", resolvedAt: "2026-01-01T00:00:00Z" } }),
    ).toEqual(["actions › actions/checkout@v4 › tag: must be a tag name without spaces, # or control characters"]);
    expect(bad({ "actions/checkout@v4": { unpinned: true, reason: "" } })).toEqual([
      "actions › actions/checkout@v4 › reason: say why this action is not pinned",
    ]);
    expect(bad({ checkout: { sha: SHA, tag: "v4", resolvedAt: "2026-01-01T00:00:00Z" } })).toEqual([
      "actions › checkout: must be owner/repo[/path]@ref",
    ]);
    const notJson = parseLock("{");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.problems[0]).toMatch(/^it is not valid JSON: /);
  });
});

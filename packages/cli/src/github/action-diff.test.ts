import { describe, expect, test } from "vitest";
import { diffActionMetadata } from "./action-diff.ts";

describe("diffActionMetadata", () => {
  test("lists what can break a workflow first, then the rest", () => {
    const before = `
name: x
inputs:
  token: { required: true, default: "\${{ github.token }}" }
  path: { required: false }
  legacy: {}
  strict: { required: true }
outputs:
  digest: {}
  metadata: {}
`;
    const after = `
name: x
inputs:
  token: { required: true }
  path: { required: false }
  strict: { required: false }
  platforms: {}
outputs:
  digest: {}
  imageid: {}
`;
    expect(diffActionMetadata(before, after)).toEqual([
      '~ input "token" is now required',
      '- input "legacy"',
      '- output "metadata"',
      '~ input "strict" is no longer required',
      '+ input "platforms"',
      '+ output "imageid"',
    ]);
  });

  test("nothing for the same interface, or for unreadable metadata on both sides", () => {
    expect(diffActionMetadata("inputs: { a: {} }", "inputs:\n  a: {}\n")).toEqual([]);
    expect(diffActionMetadata(": not yaml [", "also: [ not")).toEqual([]);
  });
});

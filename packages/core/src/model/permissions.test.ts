import { describe, expect, it } from "vitest";
import { PERMISSION_SCOPES, PERMISSION_SCOPE_NAMES } from "../facts/index.ts";
import { parseWorkflowModel, PermissionsSchema } from "./index.ts";

function messages(permissions: unknown): string[] {
  const result = parseWorkflowModel({
    on: "push",
    permissions,
    jobs: { a: { "runs-on": "x", steps: [{ run: "x" }] } },
  });
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("permissions", () => {
  it.each([["read-all"], ["write-all"], [{}], [{ contents: "read", "id-token": "write", models: "read" }]])(
    "accepts %j",
    (permissions) => {
      expect(messages(permissions)).toEqual([]);
    },
  );

  it("refuses id-token: read, which GitHub does not grant", () => {
    expect(messages({ "id-token": "read" })).toEqual([
      "permissions.id-token: 'read' is not allowed; id-token takes write or none",
    ]);
  });

  it("refuses models: write, which GitHub does not grant", () => {
    expect(messages({ models: "write" })).toEqual([
      "permissions.models: 'write' is not allowed; models takes read or none",
    ]);
  });

  it("suggests the scope a typo meant", () => {
    expect(messages({ "pull-request": "write" })).toEqual([
      "permissions.pull-request: unknown key 'pull-request'; did you mean 'pull-requests'?",
    ]);
  });

  it("points at the job whose permissions are wrong", () => {
    const result = parseWorkflowModel({
      on: "push",
      jobs: { a: { "runs-on": "x", permissions: { contents: "admin" }, steps: [{ run: "x" }] } },
    });
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: ["jobs", "a", "permissions", "contents"],
        message: "jobs.a.permissions.contents: 'admin' is not allowed; contents takes read, write or none",
      },
    ]);
  });

  it("admits exactly the levels of the facts for every scope", () => {
    for (const scope of PERMISSION_SCOPE_NAMES) {
      for (const level of ["read", "write", "none"]) {
        const legal = (PERMISSION_SCOPES[scope] as readonly string[]).includes(level);
        expect(PermissionsSchema.safeParse({ [scope]: level }).success, `${scope}: ${level}`).toBe(legal);
      }
    }
  });
});

/**
 * The action metadata `wfgen lint` checks `with:` against, read by ref from the generated table of
 * @wfgen/actions (its drift check is packages/actions/test/table.test.ts).
 */
import { describe, expect, test } from "vitest";
import { actionMetadata } from "@wfgen/actions/metadata";

describe("@wfgen/actions/metadata", () => {
  test("a release reads its major; inputs required without a default are marked; the runtime is kept", () => {
    const cache = actionMetadata("actions/cache", "v4.2.4");
    expect(cache?.inputs.key).toEqual({ required: true });
    expect(cache?.inputs["restore-keys"]).toEqual({});
    expect(actionMetadata("Actions/Checkout", "v4")?.inputs).toHaveProperty("persist-credentials");
    expect(actionMetadata("docker/login-action", "v1")?.using).toBe("node12");
    // A kept commit is read as itself.
    expect(actionMetadata("docker/login-action", "65b78e6e13532edd9afa3aa52ac7964289d1a9c1")).toBeDefined();
  });

  test("unknown actions, subfolders, majors and branches give nothing, so the rules stay silent", () => {
    expect(actionMetadata("acme/tool", "v1")).toBeUndefined();
    expect(actionMetadata("actions/checkout", "v99")).toBeUndefined();
    expect(actionMetadata("actions/checkout", "main")).toBeUndefined();
    expect(actionMetadata("github/codeql-action/init", "v3")).toBeUndefined();
  });
});

/** The action metadata `wfgen lint` checks `with:` against: generated from shared/data/actions, and read by ref. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { actionMetadata } from "@wfgen/actions/metadata";
import { METADATA_DIR_URL, METADATA_FILE, REGENERATE_METADATA, generateMetadata } from "../../actions/scripts/metadata.mjs";

const dataMissing = !existsSync(fileURLToPath(METADATA_DIR_URL)) && "shared/data/actions is not beside this clone";

describe("@wfgen/actions/metadata", () => {
  test.skipIf(dataMissing)("metadata.gen.ts is what the generator makes from shared/data/actions today", () => {
    const committed = readFileSync(new URL(`../../actions/${METADATA_FILE}`, import.meta.url), "utf8");
    expect(committed, `stale: run \`${REGENERATE_METADATA}\``).toBe(generateMetadata());
  });

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

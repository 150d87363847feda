/** The generated action table (src/table.gen.ts) read by `wfgen lint` and `wfgen import`: its one drift check. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { ACTIONS_DIR_URL } from "../scripts/codegen.mjs";
import { REGENERATE_TABLE, TABLE_FILE, generateTable } from "../scripts/table.mjs";

const dataMissing = !existsSync(fileURLToPath(ACTIONS_DIR_URL)) && "shared/data/actions is not beside this clone";

describe.skipIf(dataMissing)("the committed action table", () => {
  test("is what scripts/table.mjs makes from shared/data/actions today", () => {
    const committed = readFileSync(new URL(`../${TABLE_FILE}`, import.meta.url), "utf8");
    expect(committed, `packages/actions/${TABLE_FILE} is stale: run \`${REGENERATE_TABLE}\``).toBe(generateTable());
  });
});

/** The generated action table (src/table.gen.ts) read by `wfgen lint` and `wfgen import`: its one drift check. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { REGENERATE_TABLE, TABLE_FILE, generateTable } from "../scripts/table.mjs";

describe("the committed action table", () => {
  test("is what scripts/table.mjs makes from data/actions today", () => {
    const committed = readFileSync(new URL(`../${TABLE_FILE}`, import.meta.url), "utf8");
    expect(committed, `packages/actions/${TABLE_FILE} is stale: run \`${REGENERATE_TABLE}\``).toBe(generateTable());
  });
});

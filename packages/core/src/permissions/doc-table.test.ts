import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { permissionsDocTables, TABLE_END, TABLE_START } from "./doc-table.ts";
import { ACTION_KNOWLEDGE } from "./knowledge.ts";
import { GH_COMMANDS } from "./run-commands.ts";

const DOC = fileURLToPath(new URL("../../../../docs/permissions.md", import.meta.url));

describe("docs/permissions.md", () => {
  test("its tables are the ones generated from the knowledge table (WFGEN_UPDATE_DOCS=1 rewrites them)", () => {
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start, "the start mark is missing").toBeGreaterThanOrEqual(0);
    expect(end, "the end mark is missing").toBeGreaterThan(start);
    const current = doc.slice(start, end + TABLE_END.length);
    if (process.env.WFGEN_UPDATE_DOCS === "1" && current !== permissionsDocTables()) {
      writeFileSync(DOC, doc.slice(0, start) + permissionsDocTables() + doc.slice(end + TABLE_END.length));
      return;
    }
    expect(current).toBe(permissionsDocTables());
  });

  test("every action and every gh command group appears in the doc", () => {
    const doc = readFileSync(DOC, "utf8");
    for (const entry of ACTION_KNOWLEDGE) expect(doc).toContain(`| \`${entry.action}\` |`);
    for (const rule of GH_COMMANDS) expect(doc).toContain(`\`gh ${rule.group} `);
  });

  test("every generated table row has as many cells as its header", () => {
    let columns = 0;
    for (const line of permissionsDocTables().split("\n")) {
      if (!line.startsWith("|")) {
        columns = 0;
        continue;
      }
      const cells = line.split("|").length - 2;
      if (columns === 0) columns = cells;
      expect(cells, line).toBe(columns);
    }
  });
});

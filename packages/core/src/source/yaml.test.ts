import { describe, expect, test } from "vitest";
import { parseYamlSource, type YamlSource } from "./yaml.ts";

function source(text: string): YamlSource {
  const result = parseYamlSource(text, "w.yml");
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.source;
}

const WORKFLOW = `# header comment
name: ci # trailing
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      # wfgen-ignore unpinned-uses: reason
      - uses: actions/checkout@v4 # v4.2.2
      - run: |
          echo one
          echo "\${{ github.head_ref }}"
`;

describe("parseYamlSource", () => {
  test("gives the plain value", () => {
    expect(source(WORKFLOW).value).toEqual({
      name: "ci",
      on: "push",
      jobs: { build: { "runs-on": "ubuntu-latest", steps: [{ uses: "actions/checkout@v4" }, { run: 'echo one\necho "${{ github.head_ref }}"\n' }] } },
    });
  });

  test("locates mapping entries at their key, sequence items at the item, missing paths at the deepest ancestor", () => {
    const s = source(WORKFLOW);
    expect(s.locate(["on"])).toEqual({ line: 3, column: 1 });
    expect(s.locate(["jobs", "build", "runs-on"])).toEqual({ line: 6, column: 5 });
    expect(s.locate(["jobs", "build", "steps", 0])).toEqual({ line: 9, column: 9 });
    expect(s.locate(["jobs", "build", "steps", 0, "uses"])).toEqual({ line: 9, column: 9 });
    expect(s.locate(["jobs", "build", "permissions"])).toEqual({ line: 5, column: 3 });
    expect(s.locate([])).toEqual({ line: 2, column: 1 });
  });

  test("locates values, their ends, and text inside block scalars", () => {
    const s = source(WORKFLOW);
    expect(s.locateValue(["jobs", "build", "steps", 0, "uses"])).toEqual({ line: 9, column: 15 });
    expect(s.valueEnd(["jobs", "build", "steps", 0, "uses"])).toEqual({ line: 9, column: 34 });
    expect(s.locateValue(["jobs", "nope"])).toBeUndefined();
    expect(s.locateText(["jobs", "build", "steps", 1, "run"], "${{ github.head_ref }}")).toEqual({ line: 12, column: 17 });
    // Not found: the key's position.
    expect(s.locateText(["jobs", "build", "steps", 1, "run"], "absent")).toEqual({ line: 10, column: 9 });
  });

  test("collects every comment with its position and whether it stands on its own line", () => {
    expect(source(WORKFLOW).comments).toEqual([
      { line: 1, column: 1, text: " header comment", ownLine: true },
      { line: 2, column: 10, text: " trailing", ownLine: false },
      { line: 8, column: 7, text: " wfgen-ignore unpinned-uses: reason", ownLine: true },
      { line: 9, column: 35, text: " v4.2.2", ownLine: false },
    ]);
  });

  test("keeps the raw lines", () => {
    expect(source(WORKFLOW).lines[8]).toBe("      - uses: actions/checkout@v4 # v4.2.2");
  });

  test("follows aliases to their anchor", () => {
    const s = source("env: &e\n  A: 1\njobs:\n  x:\n    env: *e\n");
    expect(s.value).toEqual({ env: { A: 1 }, jobs: { x: { env: { A: 1 } } } });
    expect(s.locate(["jobs", "x", "env", "A"])).toEqual({ line: 2, column: 3 });
  });

  test.each([
    ["jobs: [\n", 'not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 2, 1],
    ["a: 1\na: 2\n", "not valid YAML: Map keys must be unique", 2, 1],
    ["", "the file holds no workflow (it is empty or only comments); a workflow is a mapping with on and jobs at the top level", 1, 1],
    ["# only a comment\n", "the file holds no workflow (it is empty or only comments); a workflow is a mapping with on and jobs at the top level", 1, 1],
    ["just text\n", "the file holds a single value; a workflow is a mapping with on and jobs at the top level", 1, 1],
    ["- push\n", "the file holds a list; a workflow is a mapping with on and jobs at the top level", 1, 1],
    ["on: push\n---\njobs: {}\n", "the file holds 2 YAML documents; a workflow file holds exactly one", 2, 1],
  ])("refuses %j with a positioned yaml-syntax error", (text, message, line, column) => {
    const result = parseYamlSource(text, "w.yml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: "error", code: "yaml-syntax", message, where: { file: "w.yml", line, column } });
  });
});

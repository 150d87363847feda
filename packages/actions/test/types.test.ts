// The typing promises of the bindings, checked by the TypeScript compiler the repository uses, with the
// repository's strict options, on fixture files outside the main typecheck (some of them must not compile).
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { typeProblems, type TypeProblem } from "../../../test/type-problems.ts";

const PACKAGE = fileURLToPath(new URL("../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../type-fixtures/", import.meta.url));
const NAMES = ["valid.ts", "output-typo.ts", "missing-required.ts", "unknown-input.ts"];

let problems: Map<string, TypeProblem[]>;

beforeAll(() => {
  problems = typeProblems(NAMES.map((name) => FIXTURES + name));
}, 60_000);

function problemsIn(name: string): TypeProblem[] {
  return problems.get(FIXTURES + name) ?? [];
}

describe("tsc on the binding fixtures", () => {
  // Errors elsewhere in the repository are the main typecheck's to report; these are the bindings' own.
  test("reports nothing in the bindings themselves", () => {
    expect([...problems.keys()].filter((file) => file.startsWith(PACKAGE) && !file.startsWith(FIXTURES))).toEqual([]);
  });

  test("compiles a correct workflow with zero errors", () => {
    expect(problemsIn("valid.ts")).toEqual([]);
  });

  test("rejects a misspelt step output, naming it", () => {
    const found = problemsIn("output-typo.ts");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 5, message: expect.stringContaining("Property 'tagz' does not exist") });
  });

  test("rejects a missing required input, and a missing with when an input is required", () => {
    const found = problemsIn("missing-required.ts");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ line: 5, message: expect.stringContaining("Property 'key' is missing") });
    expect(found[0]!.message).toContain("CacheV5With");
    expect(found[1]).toMatchObject({ line: 6, message: expect.stringContaining("Property 'with' is missing") });
    expect(found[1]!.message).toContain("GithubScriptV8Step");
  });

  test("rejects an unknown input, a value of the wrong type and uses", () => {
    const found = problemsIn("unknown-input.ts");
    expect(found).toHaveLength(3);
    expect(found[0]).toMatchObject({ line: 5, message: expect.stringContaining(`'"fetch-dept"' does not exist in type 'CheckoutV7With'`) });
    expect(found[1]).toMatchObject({ line: 6, message: expect.stringContaining("not assignable to type 'NumberInput") });
    expect(found[2]).toMatchObject({ line: 7, message: expect.stringContaining("'uses' does not exist") });
  });
});

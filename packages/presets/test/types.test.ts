// The typing promises of the preset jobs, checked by the TypeScript compiler on fixture files outside the main
// typecheck (some of them must not compile): outputs only when asked, and the env they read from the workflow.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { typeProblems, type TypeProblem } from "../../../test/type-problems.ts";

const FIXTURES = fileURLToPath(new URL("../type-fixtures/", import.meta.url));
const NAMES = ["valid.ts", "outputs-not-asked.ts", "env-missing.ts"];

let problems: Map<string, TypeProblem[]>;

beforeAll(() => {
  problems = typeProblems(NAMES.map((name) => FIXTURES + name));
}, 60_000);

const problemsIn = (name: string): TypeProblem[] => problems.get(FIXTURES + name) ?? [];

describe("tsc on the preset fixtures", () => {
  test("compiles preset jobs in workflows that define their env, and reads outputs asked for", () => {
    expect([...problems.keys()].sort()).toEqual([FIXTURES + "env-missing.ts", FIXTURES + "outputs-not-asked.ts"]);
  });

  test("dockerPublishJob() has the outputs digest and tags only with outputs: true", () => {
    expect(problemsIn("outputs-not-asked.ts")).toEqual([{ line: 4, message: "Property 'digest' does not exist on type '{}'." }]);
  });

  test("a preset job in a workflow whose env lacks what it reads does not compile, naming the variable", () => {
    const found = problemsIn("env-missing.ts");
    expect(found.map((p) => p.line)).toEqual([5, 6, 7]);
    expect(found[0]!.message).toContain(`Type '"REGISTRY"' is not assignable to type 'never'.`);
    expect(found[1]!.message).toContain(`Type '"IMAGE_NAME"' is not assignable to type '"REGISTRY"'.`);
    expect(found[2]!.message).toContain(`Type '"IMAGE_NAME"' is not assignable to type '"OTHER"'.`);
  });
});

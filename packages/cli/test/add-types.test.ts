// A binding `wfgen add` wrote is checked by the TypeScript compiler in the user's project: a typo in an input
// name, a missing required input or a misspelt output does not compile. The temporary project resolves `wfgen`
// and `wfgen/actions` to this repository's sources, as an installed wfgen resolves to its own.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { typeProblems, type TypeProblem } from "../../../test/type-problems.ts";
import { GREET_TS, greetGitHub } from "./add-helpers.ts";
import { read, repo, wfgen } from "./helpers.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI_SRC = fileURLToPath(new URL("../src/", import.meta.url));

const header = 'import { job, workflow } from "wfgen";\nimport { acmeGreet } from "./wfgen/actions/acme/greet.js";\n';
const wrap = (step: string): string =>
  `${header}\nexport const ci = workflow("ci", {\n  on: { push: {} },\n  jobs: { hello: job({ "runs-on": "ubuntu-latest", steps: [${step}] }) },\n});\n`;

const FILES: Record<string, string> = {
  "valid.ts": `${header}
const greet = acmeGreet({ id: "greet", with: { "who-to-greet": "Mona", times: 2, loud: true, style: "fancy" } });
export const ci = workflow("ci", {
  on: { push: {} },
  jobs: { hello: job({ "runs-on": "ubuntu-latest", steps: [greet, { run: "echo hi", env: { AT: greet.outputs.time } }] }) },
});
`,
  "input-typo.ts": wrap('acmeGreet({ with: { "who-to-gret": "Mona" } })'),
  "wrong-type.ts": wrap('acmeGreet({ with: { "who-to-greet": "Mona", times: "twice" } })'),
  "missing-required.ts": wrap("acmeGreet({ with: {} }), acmeGreet()"),
  "output-typo.ts": `${header}\nconst greet = acmeGreet({ with: { "who-to-greet": "Mona" } });\nexport const at = greet.outputs.tiem;\n`,
};

let problems: Map<string, TypeProblem[]>;
let dir: string;

beforeAll(async () => {
  const github = await greetGitHub();
  dir = repo({ "workflows.ts": "export {};\n", "package.json": '{ "type": "module" }\n' });
  expect((await wfgen(dir, ["add", "acme/greet@v1", "-q"], { WFGEN_GITHUB_API_URL: github.url })).code).toBe(0);
  expect(read(dir, "wfgen/actions/acme/greet.ts")).toBe(GREET_TS);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);

  problems = typeProblems(
    Object.keys(FILES).map((name) => join(dir, name)),
    {
      // A user's project: the repository's own hygiene flag would report the fixtures' unused reads.
      noUnusedLocals: false,
      typeRoots: [join(ROOT, "node_modules/@types")],
      paths: { wfgen: [`${CLI_SRC}index.ts`], "wfgen/actions": [`${CLI_SRC}actions.ts`] },
    },
  );
}, 120_000);

const problemsIn = (name: string): TypeProblem[] => problems.get(join(dir, name)) ?? [];

describe("tsc on a project that uses a binding from `wfgen add`", () => {
  test("compiles the binding and a correct use of it with zero errors", () => {
    // Only the four files written to fail have problems: none in the binding, wfgen's sources or valid.ts.
    const failing = ["input-typo.ts", "missing-required.ts", "output-typo.ts", "wrong-type.ts"].map((name) =>
      join(dir, name),
    );
    expect([...problems.keys()].sort()).toEqual(failing);
    expect(problemsIn("valid.ts")).toEqual([]);
  });

  test("rejects a typo in an input name, naming the input and the type", () => {
    const found = problemsIn("input-typo.ts");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`'"who-to-gret"' does not exist in type 'AcmeGreetWith'`);
  });

  test("rejects a value of the wrong type, a missing required input and a missing with", () => {
    expect(problemsIn("wrong-type.ts")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("not assignable to type 'NumberInput") }),
    ]);
    const missing = problemsIn("missing-required.ts");
    expect(missing).toHaveLength(2);
    expect(missing[0]!.message).toContain("Property '\"who-to-greet\"' is missing");
    expect(missing[1]!.message).toContain("Expected 1 arguments, but got 0");
  });

  test("rejects a misspelt output", () => {
    const found = problemsIn("output-typo.ts");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 5, message: expect.stringContaining("Property 'tiem' does not exist") });
  });
});

/**
 * Checks rendered expressions against GitHub's own expression parser and evaluator (`@actions/expressions`,
 * a dependency of `@actions/workflow-parser`, loaded from beside it because it is not a direct dependency).
 */
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  always,
  and,
  cancelled,
  contains,
  contextNames,
  endsWith,
  env,
  eq,
  Expr,
  expr,
  failure,
  format,
  fromJSON,
  ge,
  github,
  gt,
  hashFiles,
  inputs,
  jobContext,
  join as joinFn,
  le,
  lowerScript,
  lt,
  matrix,
  ne,
  needs,
  noHandles,
  not,
  or,
  renderExpression,
  renderString,
  runner,
  secrets,
  sh,
  startsWith,
  steps,
  strategy,
  success,
  toJSON,
  vars,
} from "./index.ts";

interface Token {
  type: number;
  lexeme: string;
  value?: string | number | boolean;
}
interface ExpressionData {
  coerceString(): string;
}
interface GitHubExpressions {
  Lexer: new (input: string) => { lex(): { tokens: Token[] } };
  Parser: new (
    tokens: Token[],
    contexts: string[],
    functions: { name: string; minArgs: number; maxArgs: number }[],
  ) => { parse(): unknown };
  Evaluator: new (tree: unknown, context: unknown) => { evaluate(): ExpressionData };
  data: { reviver: (key: string, value: unknown) => unknown };
}

const coreDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const parserDir = realpathSync(join(coreDir, "node_modules/@actions/workflow-parser"));
const gh = (await import(pathToFileURL(join(parserDir, "../expressions/dist/index.js")).href)) as GitHubExpressions;

// The workflow-only functions GitHub's workflow parser registers on top of the built-in ones.
const workflowFunctions = [
  { name: "hashFiles", minArgs: 1, maxArgs: 255 },
  ...["success", "always", "failure", "cancelled"].map((name) => ({ name, minArgs: 0, maxArgs: 0 })),
];

function parse(text: string): unknown {
  return new gh.Parser(new gh.Lexer(text).lex().tokens, [...contextNames], workflowFunctions).parse();
}

function evaluate(text: string, context: Record<string, unknown>): string {
  const data = JSON.parse(JSON.stringify(context), gh.data.reviver);
  return new gh.Evaluator(parse(text), data).evaluate().coerceString();
}

const samples: Expr<unknown>[] = [
  eq(github.ref, "refs/heads/main"),
  and(or(github.ref.eq("a"), github.ref.eq("b")), not(cancelled())),
  or(and(github.ref.eq("refs/heads/main"), "prod"), "dev"),
  not(not(success())),
  eq(true, eq(1, 2)),
  lt(eq(1, 2), true),
  ne(github.event_name, "it's"),
  le(strategy["job-index"], -1.5),
  gt(runner.os, null),
  ge(jobContext.services.pg!.ports["5432"]!, 0),
  contains(expr.prop(github.event, "pull_request", "labels", "*", "name"), "bug"),
  contains(["push", "pull_request"], github.event_name),
  startsWith(github.ref, "refs/tags/"),
  endsWith(inputs["image-name"]!, "-x"),
  format("{0}/{1}", env.REGISTRY!, env.IMAGE_NAME!),
  eq(github.ref, `refs/heads/${vars.BRANCH}`),
  joinFn(matrix.targets!, ", "),
  toJSON(github),
  fromJSON<{ a: { b: string }[] }>(secrets.JSON!).a[0]!.b,
  expr.prop(fromJSON(vars.CFG!), "a b", "it's", 3),
  hashFiles("**/go.sum", "**/go.mod"),
  always().and(failure()),
  steps.build!.outputs["image-tag"]!,
  needs.build!.result.eq("success"),
  expr.prop(expr.lit("abc"), 0),
  expr.raw("github.a == 'b'").and(expr.raw("github.x")),
];

describe("GitHub's expression parser", () => {
  it.each(samples.map((e) => [renderExpression(e, noHandles)]))("parses %s", (text) => {
    expect(() => parse(text)).not.toThrow();
  });

  it("reads any string literal back as the same value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const rendered = renderString(value);
        const [token, eof, ...rest] = new gh.Lexer(rendered).lex().tokens;
        expect(token?.lexeme).toBe(rendered);
        expect(eof?.lexeme).toBe("");
        expect(rest).toEqual([]);
        // This JS port of GitHub's lexer un-doubles only the first `''` (a String.replace without /g);
        // the runner's own lexer un-doubles all, so the value is checked where the port is faithful.
        if (value.split("'").length <= 2) expect(token?.value).toBe(value);
      }),
    );
  });

  it("evaluates a string literal to the same value, one quote included", () => {
    fc.assert(
      fc.property(
        fc.string().filter((v) => v.split("'").length <= 2),
        (value) => {
          expect(evaluate(renderString(value), {})).toBe(value);
        },
      ),
    );
  });

  it("evaluates a template literal operand (a format() call) to the text it was written as", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, value) => {
        fc.pre((a + b).split("'").length <= 2); // see the lexer note above
        const text = renderExpression(expr.lit(`${a}${env.X}${b}`), noHandles);
        expect(evaluate(text, { env: { X: value } })).toBe(`${a}${value}${b}`);
      }),
    );
  });

  it("parses the env values the sh lowering writes", () => {
    const { env: stepEnv } = lowerScript(
      sh`echo ${secrets.GITHUB_TOKEN} '${expr.prop(github.event, "issue", "title")}' ${hashFiles("*.lock")}`,
      noHandles,
    );
    for (const value of Object.values(stepEnv)) {
      expect(value).toMatch(/^\$\{\{ .* \}\}$/);
      expect(() => parse(value.slice(4, -3))).not.toThrow();
    }
  });

  it("refuses text that is not an expression, so the checks above can fail", () => {
    expect(() => parse("github.ref ==")).toThrow();
    expect(() => parse("'unterminated")).toThrow();
  });
});

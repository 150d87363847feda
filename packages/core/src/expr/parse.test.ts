import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contextNames } from "./contexts.ts";
import type { Node } from "./node.ts";
import { functionArity, parseExpression } from "./parse.ts";
import { noHandles, renderNode } from "./render.ts";

function parsed(text: string): Node {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.node;
}

describe("parseExpression", () => {
  it("reads paths, filters, indexes, calls and operators into wfgen's tree", () => {
    expect(parsed("github.event.pull_request['head'].labels.*.name[0]")).toEqual({
      kind: "index",
      object: {
        kind: "property",
        name: "name",
        object: {
          kind: "filter",
          object: {
            kind: "property",
            name: "labels",
            object: {
              kind: "property",
              name: "head",
              object: { kind: "property", name: "pull_request", object: { kind: "property", name: "event", object: { kind: "context", name: "github" } } },
            },
          },
        },
      },
      index: { kind: "literal", value: 0 },
    });
    expect(parsed("!(vars.b == 'x') || contains(vars.list, 1) && null != true")).toEqual({
      kind: "logical",
      op: "||",
      args: [
        { kind: "not", operand: { kind: "comparison", op: "==", left: { kind: "property", name: "b", object: { kind: "context", name: "vars" } }, right: { kind: "literal", value: "x" } } },
        {
          kind: "logical",
          op: "&&",
          args: [
            { kind: "call", name: "contains", args: [{ kind: "property", name: "list", object: { kind: "context", name: "vars" } }, { kind: "literal", value: 1 }] },
            { kind: "comparison", op: "!=", left: { kind: "literal", value: null }, right: { kind: "literal", value: true } },
          ],
        },
      ],
    });
    expect(parsed("'it''s'")).toEqual({ kind: "literal", value: "it's" });
    expect(parsed("'a''b''c'")).toEqual({ kind: "literal", value: "a'b'c" });
  });

  it("classifies failures as GitHub's parser does, with the offset of the token", () => {
    const failure = (text: string) => {
      const result = parseExpression(text);
      return result.ok ? undefined : { kind: result.error.kind, offset: result.error.offset, token: result.error.token };
    };
    expect(failure("github.ref = 'main'")).toEqual({ kind: "syntax", offset: 11, token: "=" });
    expect(failure("github.ref ==")).toEqual({ kind: "syntax", offset: 11, token: "==" });
    expect(failure("'open")).toEqual({ kind: "syntax", offset: 0, token: "'open" });
    expect(failure("")).toMatchObject({ kind: "syntax" });
    expect(failure("github.sha && nope.x")).toEqual({ kind: "unknown-context", offset: 14, token: "nope" });
    expect(failure("length(github.event)")).toEqual({ kind: "unknown-function", offset: 0, token: "length" });
    expect(failure("x == 1\n  && contains('a')")).toMatchObject({ kind: "unknown-context" });
    expect(failure("github.sha == 1\n  && contains('a')")).toEqual({ kind: "arity", offset: 21, token: "contains" });
    expect(failure("case(true, 1, false, 2)")).toMatchObject({ kind: "arity", token: "case" });
    expect(failure("hashFiles()")).toMatchObject({ kind: "arity" });
    expect(parseExpression(`'${"x".repeat(21_000)}'`)).toMatchObject({ ok: false, error: { kind: "syntax", message: "the expression is longer than GitHub's limit of 21000 characters" } });
    expect(failure(`${"(".repeat(60)}true${")".repeat(60)}`)).toMatchObject({ kind: "syntax" });
  });

  it("knows the arguments of every function, case-insensitively", () => {
    expect(functionArity("contains")).toMatchObject({ minArgs: 2, maxArgs: 2 });
    expect(functionArity("TOJSON")).toMatchObject({ minArgs: 1, maxArgs: 1 });
    expect(functionArity("hashfiles")).toMatchObject({ minArgs: 1, maxArgs: 255 });
    expect(functionArity("length")).toBeUndefined();
  });
});

// Names GitHub's lexer reads as keywords cannot follow a dot.
const KEYWORDS = new Set(["true", "false", "null", "nan", "infinity"]);
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/).filter((name) => !KEYWORDS.has(name.toLowerCase()));
const literal: fc.Arbitrary<Node> = fc.oneof(
  fc.string().map((value) => ({ kind: "literal", value }) as const),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((value) => ({ kind: "literal", value }) as const),
  fc.constantFrom(true, false, null).map((value) => ({ kind: "literal", value }) as const),
);
const path: fc.Arbitrary<Node> = fc
  .tuple(
    fc.constantFrom(...contextNames),
    fc.array(
      fc.oneof(
        identifier.map((name) => ({ kind: "property", name }) as const),
        fc.string({ minLength: 1 }).map((name) => ({ kind: "property", name }) as const),
        fc.constant({ kind: "filter" } as const),
        fc.nat(20).map((index) => ({ kind: "index", index }) as const),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([name, steps]) =>
    steps.reduce<Node>(
      (object, step) =>
        step.kind === "property"
          ? { kind: "property", object, name: step.name }
          : step.kind === "filter"
            ? { kind: "filter", object }
            : { kind: "index", object, index: { kind: "literal", value: step.index } },
      { kind: "context", name },
    ),
  );

const { tree } = fc.letrec<{ tree: Node }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    path,
    tie("tree").map((operand) => ({ kind: "not", operand }) as Node),
    fc
      .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">=" as const), tie("tree"), tie("tree"))
      .map(([op, left, right]) => ({ kind: "comparison", op, left, right }) as Node),
    fc
      .tuple(fc.constantFrom("&&", "||" as const), fc.array(tie("tree"), { minLength: 2, maxLength: 3 }))
      .map(([op, args]) => ({ kind: "logical", op, args }) as Node),
    fc
      .constantFrom(["contains", 2], ["startsWith", 2], ["format", 3], ["join", 1], ["toJSON", 1], ["fromJSON", 1], ["hashFiles", 2], ["always", 0], ["case", 3])
      .chain(([name, count]) => fc.array(tie("tree"), { minLength: count as number, maxLength: count as number }).map((args) => ({ kind: "call", name, args }) as Node)),
  ),
}));

// `a && (b && c)` and `a && b && c` mean the same; the renderer may write either. It also writes a property
// named with digits as an index (`['0']` as `[0]`), which reads the same key.
function flatten(node: Node): Node {
  switch (node.kind) {
    case "logical":
      return { ...node, args: node.args.map(flatten).flatMap((arg) => (arg.kind === "logical" && arg.op === node.op ? arg.args : [arg])) };
    case "not":
      return { ...node, operand: flatten(node.operand) };
    case "comparison":
      return { ...node, left: flatten(node.left), right: flatten(node.right) };
    case "call":
      return { ...node, args: node.args.map(flatten) };
    case "property":
      return /^\d+$/.test(node.name)
        ? { kind: "index", object: flatten(node.object), index: { kind: "literal", value: Number(node.name) } }
        : { ...node, object: flatten(node.object) };
    case "filter":
      return { ...node, object: flatten(node.object) };
    case "index":
      return { ...node, object: flatten(node.object), index: flatten(node.index) };
    default:
      return node;
  }
}

describe("the round trip through GitHub's parser", () => {
  it("parses every rendered expression back to the tree it was rendered from", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const text = renderNode(node, noHandles);
        expect(flatten(parsed(text))).toEqual(flatten(node));
      }),
      { numRuns: 500 },
    );
  });
});

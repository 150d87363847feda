import { describe, expect, it } from "vitest";
import {
  collectReferences,
  contains,
  env,
  expr,
  fromJSON,
  github,
  handleExpr,
  matrix,
  needs,
  parseContextPath,
  secrets,
  success,
} from "./index.ts";

describe("collectReferences", () => {
  it("lists context paths, handles and functions", () => {
    const step = {};
    const refs = collectReferences(
      contains(needs.build!.outputs.tags!, env.TAG!).and(
        success(),
        handleExpr(step, ["outputs", "digest"]).ne(""),
        fromJSON(secrets.CFG!).x!,
      ),
    );
    expect(refs.contexts).toEqual([
      { context: "needs", path: ["build", "outputs", "tags"] },
      { context: "env", path: ["TAG"] },
      { context: "secrets", path: ["CFG"] },
    ]);
    expect(refs.handles).toEqual([{ kind: "handle", handle: step, path: ["outputs", "digest"] }]);
    expect(refs.functions).toEqual(["contains", "success", "fromJSON"]);
  });

  it("stops a path at a computed index and records the index's own references", () => {
    const refs = collectReferences(expr.prop(matrix, github.ref, "x"));
    expect(refs.contexts).toEqual([
      { context: "github", path: ["ref"] },
      { context: "matrix", path: [] },
    ]);
    expect(collectReferences(expr.prop(github.event, "commits", "*", 0)).contexts).toEqual([
      { context: "github", path: ["event", "commits", "*", "0"] },
    ]);
  });

  it("parses hand-written expressions", () => {
    const refs = collectReferences(
      expr.raw(
        "needs.build.outputs['image-tag'] != '' && contains(github.event.pull_request.labels.*.name, 'x.y') && always() && fromJSON(vars.x).github",
      ),
    );
    expect(refs.contexts).toEqual([
      { context: "needs", path: ["build", "outputs", "image-tag"] },
      { context: "github", path: ["event", "pull_request", "labels", "*", "name"] },
      { context: "vars", path: ["x"] },
    ]);
    expect(refs.functions).toEqual(["contains", "always", "fromJSON"]);
    expect(collectReferences(expr.raw("'steps.a.b' == Steps.X[0]")).contexts).toEqual([
      { context: "steps", path: ["X", "0"] },
    ]);
    // Text GitHub's parser refuses reads nothing here; the lint reports it as a syntax error.
    expect(collectReferences(expr.raw("steps.a.outputs.b ==")).contexts).toEqual([]);
  });
});

describe("parseContextPath", () => {
  it("accepts exactly one context path", () => {
    expect(parseContextPath("steps.meta.outputs.tags")).toEqual({
      context: "steps",
      path: ["meta", "outputs", "tags"],
    });
    expect(parseContextPath("inputs['a b']")).toEqual({ context: "inputs", path: ["a b"] });
    expect(parseContextPath("steps.a || b")).toBeUndefined();
    expect(parseContextPath("nope.a")).toBeUndefined();
  });
});

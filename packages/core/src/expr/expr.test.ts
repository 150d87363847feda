import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  always,
  and,
  cancelled,
  contains,
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
  handleExpr,
  hashFiles,
  inputs,
  isExpr,
  jobContext,
  jobs,
  join,
  le,
  lt,
  matrix,
  ne,
  needs,
  noHandles,
  not,
  or,
  type PathExpr,
  type RenderContext,
  renderExpression,
  renderInterpolation,
  runner,
  secrets,
  startsWith,
  steps,
  strategy,
  type StringLike,
  success,
  toJSON,
  vars,
} from "./index.ts";

const r = (e: Expr<unknown>) => renderExpression(e, noHandles);

describe("literals", () => {
  it("quotes strings and doubles single quotes", () => {
    expect(r(expr.lit("it's"))).toBe("'it''s'");
    expect(r(expr.lit(""))).toBe("''");
    expect(r(expr.lit("''"))).toBe("''''''");
    expect(r(expr.lit("a\nb }} ${{ x }}"))).toBe("'a\nb }} ${{ x }}'");
  });

  it("writes numbers, booleans and null", () => {
    expect(r(expr.lit(42))).toBe("42");
    expect(r(expr.lit(-1))).toBe("-1");
    expect(r(expr.lit(3.25))).toBe("3.25");
    expect(r(expr.lit(-0.5))).toBe("-0.5");
    expect(r(expr.lit(-0))).toBe("0");
    expect(r(expr.lit(true))).toBe("true");
    expect(r(expr.lit(false))).toBe("false");
    expect(r(expr.lit(null))).toBe("null");
    expect(r(expr.lit(Number.NaN))).toBe("NaN");
    expect(r(expr.lit(-Infinity))).toBe("-Infinity");
  });

  it("refuses numbers that need an exponent, where they are given", () => {
    expect(() => eq(github.run_number, 1e21)).toThrow(/exponent/);
    expect(() => expr.lit(1e-7)).toThrow(/exponent/);
  });

  it("embeds constant arrays and objects with fromJSON", () => {
    expect(r(contains(["push", "pull_request"], github.event_name))).toBe(
      `contains(fromJSON('["push","pull_request"]'), github.event_name)`,
    );
    expect(r(expr.lit({ a: "it's" }))).toBe(`fromJSON('{"a":"it''s"}')`);
  });

  it("refuses arrays holding expressions and values that are not JSON", () => {
    expect(() => expr.lit([github.ref] as unknown as string[])).toThrow(/constant JSON/);
    expect(() => eq(github.ref, undefined as unknown as string)).toThrow(/cannot be used/);
  });
});

describe("operators", () => {
  it("renders each comparison, standalone and fluent", () => {
    expect(r(eq(github.ref, "refs/heads/main"))).toBe("github.ref == 'refs/heads/main'");
    expect(r(github.ref.eq("refs/heads/main"))).toBe("github.ref == 'refs/heads/main'");
    expect(r(ne(github.event_name, "pull_request"))).toBe("github.event_name != 'pull_request'");
    expect(r(lt(github.run_attempt, 3))).toBe("github.run_attempt < 3");
    expect(r(le(strategy["job-index"], 1))).toBe("strategy.job-index <= 1");
    expect(r(gt(strategy["job-total"], 1))).toBe("strategy.job-total > 1");
    expect(r(ge(github.run_number, 10))).toBe("github.run_number >= 10");
    expect(r(github.run_attempt.ne(1).and(github.run_number.lt(2), github.run_id.gt(0)))).toBe(
      "github.run_attempt != 1 && github.run_number < 2 && github.run_id > 0",
    );
    expect(r(github.ref_type.le("tag").or(github.ref_type.ge("branch")))).toBe(
      "github.ref_type <= 'tag' || github.ref_type >= 'branch'",
    );
  });

  it("renders and/or/not with parentheses only where needed", () => {
    const a = github.ref.eq("a");
    const b = github.ref.eq("b");
    const c = github.ref.eq("c");
    expect(r(and(or(a, b), not(c)))).toBe("(github.ref == 'a' || github.ref == 'b') && !(github.ref == 'c')");
    expect(r(or(and(a, b), c))).toBe("github.ref == 'a' && github.ref == 'b' || github.ref == 'c'");
    expect(r(and(a, and(b, c)))).toBe("github.ref == 'a' && github.ref == 'b' && github.ref == 'c'");
    expect(r(not(not(success())))).toBe("!!success()");
    expect(r(not(and(success(), a)))).toBe("!(success() && github.ref == 'a')");
    expect(r(a.not())).toBe("!(github.ref == 'a')");
    expect(r(not(expr.prop(github.event, "pull_request", "draft")))).toBe("!github.event.pull_request.draft");
  });

  it("parenthesises comparisons by strength and left associativity", () => {
    const x = expr.lit(1);
    expect(r(eq(eq(x, 2), true))).toBe("1 == 2 == true");
    expect(r(eq(true, eq(x, 2)))).toBe("true == (1 == 2)");
    expect(r(eq(lt(x, 2), true))).toBe("1 < 2 == true");
    expect(r(lt(eq(x, 2), true))).toBe("(1 == 2) < true");
    expect(r(eq(x, lt(x, 2)))).toBe("1 == 1 < 2");
    expect(r(eq(or(x, 2), 1))).toBe("(1 || 2) == 1");
  });

  it("keeps the ternary idiom readable", () => {
    expect(r(or(and(github.ref.eq("refs/heads/main"), "prod"), "dev"))).toBe(
      "github.ref == 'refs/heads/main' && 'prod' || 'dev'",
    );
  });

  it("passes a single operand through and refuses none", () => {
    expect(r(and(success()))).toBe("success()");
    expect(() => and()).toThrow(/at least one/);
    expect(() => or()).toThrow(/at least one/);
  });
});

describe("functions", () => {
  it("renders every function", () => {
    expect(r(contains(expr.prop(github.event, "pull_request", "labels", "*", "name"), "bug"))).toBe(
      "contains(github.event.pull_request.labels.*.name, 'bug')",
    );
    expect(r(startsWith(github.ref, "refs/tags/"))).toBe("startsWith(github.ref, 'refs/tags/')");
    expect(r(endsWith(github.repository, "-docs"))).toBe("endsWith(github.repository, '-docs')");
    expect(r(format("{0}/{1}:{{x}}", env.REGISTRY!, env.IMAGE_NAME!))).toBe(
      "format('{0}/{1}:{{x}}', env.REGISTRY, env.IMAGE_NAME)",
    );
    expect(r(join(matrix.targets!))).toBe("join(matrix.targets)");
    expect(r(join(matrix.targets!, ", "))).toBe("join(matrix.targets, ', ')");
    expect(r(toJSON(github))).toBe("toJSON(github)");
    expect(r(fromJSON(inputs.config!))).toBe("fromJSON(inputs.config)");
    expect(r(hashFiles("**/package-lock.json", "**/yarn.lock"))).toBe(
      "hashFiles('**/package-lock.json', '**/yarn.lock')",
    );
    expect(r(success())).toBe("success()");
    expect(r(always())).toBe("always()");
    expect(r(failure())).toBe("failure()");
    expect(r(cancelled())).toBe("cancelled()");
  });

  it("checks constant format strings", () => {
    expect(() => format("{0} {1}", github.ref)).toThrow(/\{1\} needs 2 argument/);
    expect(() => format("a { b", github.ref)).toThrow(/lone '\{'/);
    expect(() => format("a } b")).toThrow(/lone '\}'/);
    expect(() => format(`${github.ref}-{0}`, github.sha)).toThrow(/format string contains an expression/);
    expect(r(format("{{}}"))).toBe("format('{{}}')");
  });

  it("gives fromJSON results typed, indexable members", () => {
    const cfg = fromJSON<{ targets: { os: string }[]; name: string }>(vars.CONFIG!);
    expect(r(cfg.name)).toBe("fromJSON(vars.CONFIG).name");
    expect(r(cfg.targets[0]!.os)).toBe("fromJSON(vars.CONFIG).targets[0].os");
    expect(r(expr.prop(cfg.targets, 0, "os"))).toBe("fromJSON(vars.CONFIG).targets[0].os");
    expectTypeOf(cfg.name).toEqualTypeOf<PathExpr<string>>();
    expectTypeOf(fromJSON(vars.X!)).toEqualTypeOf<PathExpr<unknown>>();
  });

  it("types results", () => {
    expectTypeOf(contains(github.ref, "x")).toEqualTypeOf<Expr<boolean>>();
    expectTypeOf(format("{0}", github.ref)).toEqualTypeOf<Expr<string>>();
    expectTypeOf(and(github.ref.eq("x"), success())).toEqualTypeOf<Expr<boolean>>();
    expectTypeOf(or(github.ref.eq("x").and("a"), "b")).toEqualTypeOf<Expr<boolean | string>>();
    expectTypeOf(github.ref).toEqualTypeOf<Expr<string>>();
    expectTypeOf(runner.os).toEqualTypeOf<Expr<"Linux" | "Windows" | "macOS">>();
    // Open contexts take any name under every compiler option, so they are `any` (see OpenPath).
    expectTypeOf(needs.build.result).toBeAny();
    expectTypeOf(secrets.NPM_TOKEN).toBeAny();
    expectTypeOf(github.event.pull_request.head.ref).toBeAny();
    expectTypeOf(expr.prop(github.event, "pull_request")).toMatchTypeOf<StringLike>();
  });
});

describe("contexts", () => {
  it("renders typed context fields with GitHub's names", () => {
    expect(r(github.repositoryUrl)).toBe("github.repositoryUrl");
    expect(r(github.retention_days)).toBe("github.retention_days");
    expect(r(runner.tool_cache)).toBe("runner.tool_cache");
    expect(r(jobContext.status)).toBe("job.status");
    expect(r(jobContext.services.postgres!.ports["5432"]!)).toBe("job.services.postgres.ports[5432]");
    expect(r(jobContext.container.network)).toBe("job.container.network");
    expect(r(strategy["fail-fast"])).toBe("strategy.fail-fast");
    expect(r(strategy["max-parallel"])).toBe("strategy.max-parallel");
  });

  it("renders open contexts with any name, verbatim", () => {
    expect(r(secrets.GITHUB_TOKEN)).toBe("secrets.GITHUB_TOKEN");
    expect(r(env.IMAGE_NAME!)).toBe("env.IMAGE_NAME");
    expect(r(inputs["image-name"]!)).toBe("inputs.image-name");
    expect(r(inputs["two words"]!)).toBe("inputs['two words']");
    expect(r(vars["it's"]!)).toBe("vars['it''s']");
    expect(r(matrix.node!)).toBe("matrix.node");
    expect(r(matrix["1st"]!)).toBe("matrix['1st']");
    expect(r(matrix["01"]!)).toBe("matrix['01']");
    expect(r(steps.build!.outputs.digest!)).toBe("steps.build.outputs.digest");
    expect(r(needs.build!.outputs.x!)).toBe("needs.build.outputs.x");
    expect(r(needs.build!.result)).toBe("needs.build.result");
    expect(r(jobs.build!.outputs.version!)).toBe("jobs.build.outputs.version");
    expect(r(github.event.pull_request!.head!.ref!)).toBe("github.event.pull_request.head.ref");
    expect(r(github.event.pull_request!.head!.ref!.deeper!)).toBe("github.event.pull_request.head.ref.deeper");
    expect(r(github.event.commits!["*"]!.message!)).toBe("github.event.commits.*.message");
  });

  it("reaches names a proxy cannot through expr.prop", () => {
    expect(r(expr.prop(matrix, "eq"))).toBe("matrix.eq");
    expect(r(expr.prop(github.event, "then"))).toBe("github.event.then");
    expect(r(expr.prop(github.event, expr.lit("*")))).toBe("github.event['*']");
    expect(r(expr.prop(matrix, inputs.key!))).toBe("matrix[inputs.key]");
    expect(r(expr.prop(expr.lit("abc"), 0))).toBe("('abc')[0]");
  });

  it("does not look like a promise, and stringifies to a placeholder", async () => {
    expect((env as unknown as { then: unknown }).then).toBeUndefined();
    const event = github.event;
    expect(await Promise.resolve(event)).toBe(event);
    const text = `${env.REGISTRY}`;
    expect(text).toMatch(/^\uE000\d+\uE001$/);
    expect(String(github.ref)).toMatch(/^\uE000\d+\uE001$/);
    expect(JSON.stringify({ a: github.event.number })).toMatch(/^\{"a":"\uE000\d+\uE001"\}$/);
    expect(() => +github.run_number).toThrow(/\.lt\(\)/);
    expect(isExpr(github.event.x)).toBe(true);
    expect(github.event.x).toBeInstanceOf(Expr);
    expect(inspect(expr.prop(github.event, "pull_request", "title"))).toBe("Expr(github.event.pull_request.title)");
  });

  it("is immutable", () => {
    const ref = github.ref;
    expect(() => {
      (ref as unknown as Record<string, unknown>).x = 1;
    }).toThrow(TypeError);
  });
});

describe("raw expressions", () => {
  it("renders verbatim, grouped when used as an operand unless it is a plain path", () => {
    expect(r(expr.raw("github.event_name == 'push'"))).toBe("github.event_name == 'push'");
    expect(r(and(expr.raw("a || b"), success()))).toBe("(a || b) && success()");
    expect(r(expr.raw("github.event_name").eq("push"))).toBe("github.event_name == 'push'");
    expect(r(expr.prop(expr.raw("steps.x.outputs"), "y"))).toBe("steps.x.outputs.y");
  });

  it("refuses empty text and ${{ }} wrappers", () => {
    expect(() => expr.raw("  ")).toThrow(/needs expression text/);
    expect(() => expr.raw("${{ github.ref }}")).toThrow(/without \$\{\{ \}\}/);
  });
});

describe("template strings as operands", () => {
  it("become format() calls so the expressions are evaluated", () => {
    expect(r(eq(github.ref, `refs/heads/${env.BRANCH}`))).toBe("github.ref == format('refs/heads/{0}', env.BRANCH)");
    expect(r(expr.lit(`{${env.A}}-${env.B}`))).toBe("format('{{{0}}}-{1}', env.A, env.B)");
  });
});

describe("handles", () => {
  const meta = { id: "meta" };
  const ctx: RenderContext = {
    resolveHandle: (handle, path) => {
      if (handle !== meta) throw new Error("unknown handle");
      return ["steps", "meta", ...path].join(".");
    },
  };

  it("render through the context's resolver", () => {
    const tags = handleExpr<string>(meta, ["outputs", "tags"]);
    expect(renderExpression(tags, ctx)).toBe("steps.meta.outputs.tags");
    expect(renderInterpolation(tags, ctx)).toBe("${{ steps.meta.outputs.tags }}");
    expect(renderExpression(contains(tags, "latest").and(success()), ctx)).toBe(
      "contains(steps.meta.outputs.tags, 'latest') && success()",
    );
    expect(renderExpression(expr.prop(handleExpr(meta, ["outputs"]), "labels"), ctx)).toBe("steps.meta.outputs.labels");
  });

  it("fail clearly without a resolver, and propagate the resolver's error", () => {
    expect(() => r(handleExpr({}, ["outputs", "x"]))).toThrow(/handle \(….outputs.x\)/);
    expect(() => renderExpression(handleExpr({}, ["x"]), ctx)).toThrow("unknown handle");
  });

  it("group resolver text that is not a plain path", () => {
    const weird: RenderContext = { resolveHandle: () => "a || b" };
    expect(renderExpression(not(handleExpr({}, [])), weird)).toBe("!(a || b)");
  });
});

describe("renderInterpolation", () => {
  it("wraps in ${{ }}", () => {
    expect(renderInterpolation(github.actor, noHandles)).toBe("${{ github.actor }}");
  });
});

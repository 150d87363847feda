import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findExpressions } from "./expression.ts";
import { ExpressionString, isExpressionString } from "./index.ts";

describe("ExpressionString", () => {
  it.each([
    "${{ matrix.t }}",
    "${{fromJSON(needs.a.outputs.m)}}",
    "${{\n  github.event_name == 'push'\n}}",
    "${{ format('{0}}}', 'x') }}",
    "${{ 'it''s' }}",
  ])("accepts %j", (value) => {
    expect(ExpressionString.safeParse(value).success).toBe(true);
    expect(isExpressionString(value)).toBe(true);
  });

  it.each(["matrix.t", "x ${{ a }}", "${{ a }} x", "${{ a }}-${{ b }}", "${{ a }}}", "${{ 'open }}"])(
    "refuses %j",
    (value) => {
      expect(ExpressionString.safeParse(value).success).toBe(false);
      expect(isExpressionString(value)).toBe(false);
    },
  );

  it("decides quickly on a long run of quotes, which a regular expression would backtrack on", () => {
    expect(isExpressionString(`\${{ ${"'".repeat(10_000)} }}x`)).toBe(false);
    expect(isExpressionString(`\${{ ${"''".repeat(10_000)} }}`)).toBe(true);
  });
});

describe("findExpressions", () => {
  it("finds each ${{ }} as GitHub's template reader does, quotes honoured", () => {
    const text = "a ${{ github.sha }} b ${{ format('}}', x) }}${{ 'it''s' }} ${{ }}";
    expect(findExpressions(text)).toEqual({
      expressions: [
        { start: 2, end: 19, inner: " github.sha " },
        { start: 22, end: 44, inner: " format('}}', x) " },
        { start: 44, end: 58, inner: " 'it''s' " },
        { start: 59, end: 65, inner: " " },
      ],
    });
    expect(findExpressions("run ${{ a }} then ${{ 'open }}")).toEqual({ expressions: [{ start: 4, end: 12, inner: " a " }], unclosed: 18 });
    expect(findExpressions("no expression { } }}")).toEqual({ expressions: [] });
  });

  it("gives spans that start with ${{, end with }} and cover the text they were found in", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("${{", "}}", "'", "a", " ", "}", "$", "{")).map((parts) => parts.join("")), (text) => {
        const { expressions, unclosed } = findExpressions(text);
        let last = 0;
        for (const span of expressions) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(span.start, span.end)).toBe(`\${{${span.inner}}}`);
          expect(text.slice(last, span.start)).not.toContain("${{");
          last = span.end;
        }
        if (unclosed === undefined) expect(text.slice(last)).not.toContain("${{");
        else expect(text.indexOf("${{", last)).toBe(unclosed);
      }),
    );
  });
});

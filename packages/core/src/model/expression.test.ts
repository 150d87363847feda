import { describe, expect, it } from "vitest";
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

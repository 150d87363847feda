import { describe, expect, it } from "vitest";
import {
  env,
  github,
  handleExpr,
  hasTokens,
  noHandles,
  type RenderContext,
  resolveTokens,
  splitTokens,
  tokensIn,
} from "./index.ts";
import { renderExpression } from "./render.ts";

describe("placeholder tokens", () => {
  it("resolve a template literal with two expressions", () => {
    const text = `${env.REGISTRY}/${env.IMAGE_NAME}`;
    expect(hasTokens(text)).toBe(true);
    expect(resolveTokens(text, noHandles)).toBe("${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}");
    expect(tokensIn(text).map((e) => renderExpression(e))).toEqual(["env.REGISTRY", "env.IMAGE_NAME"]);
  });

  it("leave text without tokens alone", () => {
    expect(hasTokens("plain \uE000 text")).toBe(false);
    expect(resolveTokens("plain \uE000 text", noHandles)).toBe("plain \uE000 text");
    expect(splitTokens("")).toEqual([]);
  });

  it("give the same token for the same expression object", () => {
    const ref = github.ref;
    expect(String(ref)).toBe(`${ref}`);
  });

  it("resolve handle references at resolve time, with the build's resolver", () => {
    const meta = {};
    const tags = handleExpr<string>(meta, ["outputs", "tags"]);
    const text = `tags: ${tags} (${github.sha})`;
    const ctx: RenderContext = { resolveHandle: (h, path) => (h === meta ? `steps.meta.${path.join(".")}` : "x") };
    expect(resolveTokens(text, ctx)).toBe("tags: ${{ steps.meta.outputs.tags }} (${{ github.sha }})");
    expect(() => resolveTokens(text, noHandles)).toThrow(/handle/);
  });

  it("report an unknown id clearly", () => {
    expect(() => resolveTokens("a \uE000999999\uE001 b", noHandles)).toThrow(/Unknown expression placeholder #999999/);
  });

  it("split text into literal pieces and expressions", () => {
    const parts = splitTokens(`a${github.actor}b${github.sha}`);
    expect(parts.map((p) => (typeof p === "string" ? p : renderExpression(p)))).toEqual([
      "a",
      "github.actor",
      "b",
      "github.sha",
    ]);
  });
});

/**
 * Literal encoding for GitHub's expression language. Strings are the only literal that can carry user data,
 * so their escaping is the one piece of the renderer that must be exactly right: GitHub doubles `'`.
 */
import type { LiteralValue } from "./node.ts";

/** `it's` -> `'it''s'`. Every other character, newlines included, is literal inside the quotes. */
export function renderString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A number as GitHub's lexer reads it. JavaScript switches to exponent notation outside [1e-6, 1e21); GitHub's
 * parsers do not agree on exponents, so those numbers are refused rather than rendered ambiguously.
 */
export function renderNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  const text = String(value);
  if (/e/i.test(text)) {
    throw new RangeError(
      `The number ${text} needs exponent notation, which GitHub expressions do not reliably accept; ` +
        "pass it as a string or scale it into the range 1e-6 to 1e21.",
    );
  }
  return text;
}

/** Any literal value as expression text. */
export function renderLiteral(value: LiteralValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return renderString(value);
    case "number":
      return renderNumber(value);
    case "boolean":
      return value ? "true" : "false";
  }
}

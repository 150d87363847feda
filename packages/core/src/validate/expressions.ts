/**
 * Finds the context references (`steps.<id>`, `needs.<id>`) in model strings. Works on the plain model, so
 * it checks hand-written and imported YAML the same way as workflows built from TypeScript.
 */

/** The expressions inside a value: every `${{ ... }}`, or the whole text for a bare `if:` condition. */
export function expressionsIn(text: string, condition: boolean): string[] {
  if (condition && !text.includes("${{")) return [text];
  const found: string[] = [];
  for (const match of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) found.push(match[1]!);
  return found;
}

/** The ids read through `<context>.<id>` in an expression, string literals excluded. */
export function contextIds(expression: string, context: "steps" | "needs" | "jobs"): string[] {
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  const ids: string[] = [];
  const pattern = new RegExp(`(?<![\\w.-])${context}\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*'([^']*)'\\s*\\])`, "g");
  for (const match of code.matchAll(pattern)) ids.push(match[1] ?? match[2]!);
  return ids;
}

/** Every string inside a model value (keys excluded). */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") {
    yield value;
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) yield* stringsIn(item);
}

/** The expressions of one field of a job or step; `if` is a condition, bare or wrapped. */
export function fieldExpressions(key: string, value: unknown): string[] {
  if (key === "if" && typeof value === "string") return expressionsIn(value, true);
  const found: string[] = [];
  for (const text of stringsIn(value)) found.push(...expressionsIn(text, false));
  return found;
}

/**
 * Finds the context references (`steps.<id>`, `needs.<id>`) in model strings. Works on the plain model, so
 * it checks hand-written and imported YAML the same way as workflows built from TypeScript.
 */

/** The expressions inside a value: every `${{ ... }}`, or the whole text for a bare `if:` condition. */
export function expressionsIn(text: string, condition: boolean): string[] {
  if (!text.includes("${{")) return condition ? [text] : [];
  const found: string[] = [];
  for (const match of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) found.push(match[1]!);
  return found;
}

/** The ids read through `<context>.<id>` in an expression, string literals excluded. */
export function contextIds(expression: string, context: "steps" | "needs" | "jobs"): string[] {
  // Most expressions read neither context: the common case costs one search.
  if (!expression.includes(context)) return [];
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  const ids: string[] = [];
  for (const match of code.matchAll(CONTEXT_PATTERNS[context])) ids.push(match[1] ?? match[2]!);
  return ids;
}

const contextPattern = (context: string): RegExp =>
  new RegExp(`(?<![\\w.-])${context}\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*'([^']*)'\\s*\\])`, "g");
const CONTEXT_PATTERNS = { steps: contextPattern("steps"), needs: contextPattern("needs"), jobs: contextPattern("jobs") };

/** Every string inside a model value (keys excluded). */
export function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") found.push(value);
  else if (value !== null && typeof value === "object")
    for (const item of Array.isArray(value) ? value : Object.values(value)) stringsIn(item, found);
  return found;
}

/** The expressions of one field of a job or step; `if` is a condition, bare or wrapped. */
export function fieldExpressions(key: string, value: unknown): string[] {
  if (key === "if" && typeof value === "string") return expressionsIn(value, true);
  const found: string[] = [];
  for (const text of stringsIn(value)) found.push(...expressionsIn(text, false));
  return found;
}

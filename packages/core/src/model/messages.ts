// The wording of model errors, in one place. Messages name what was found and what is allowed; the path
// ("jobs.build.steps[2].uses") is prefixed by parseWorkflowModel, so these never repeat it.

import { closest } from "./suggest.ts";

/** A short rendering of a value: strings quoted (and shortened), mappings and lists named, others as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The message of a value that fits none of the accepted forms. */
export function expectedMessage(input: unknown, expected: string): string {
  return input === undefined ? `missing; expected ${expected}` : `expected ${expected}, got ${show(input)}`;
}

/** The message of a value outside a fixed set: "'read' is not allowed; id-token takes write or none". */
export function notAllowedMessage(input: unknown, owner: string, allowed: readonly string[]): string {
  if (input === undefined) return `missing; ${owner} takes ${orList(allowed)}`;
  const hint = typeof input === "string" ? closest(input, allowed) : undefined;
  const suggestion = hint === undefined ? "" : ` (did you mean '${hint}'?)`;
  return `${show(input)} is not allowed${suggestion}; ${owner} takes ${orList(allowed)}`;
}

/**
 * The message of keys a strict mapping does not know. `owner` names the mapping ("a job"); `allowed` are its
 * keys other than `raw`; `rawAllowed` says whether the mapping has the `raw` escape hatch to point to.
 */
export function unknownKeysMessage(
  keys: readonly string[],
  owner: string,
  allowed: readonly string[],
  rawAllowed: boolean,
): string {
  const hints = keys.map((key) => closest(key, allowed)).filter((hint) => hint !== undefined);
  const found = keys.map((key) => `'${key}'`).join(", ");
  const head = `unknown key${keys.length > 1 ? "s" : ""} ${found}`;
  if (keys.length === 1 && hints.length === 1) return `${head}; did you mean '${hints[0]}'?`;
  const escape = rawAllowed ? "; put keys wfgen does not model yet under raw" : "";
  const takes = allowed.length === 0 ? "no configuration" : orList(allowed);
  return `${head}; ${owner} takes ${takes}${escape}`;
}


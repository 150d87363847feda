// A workflow as plain data, with each number, boolean or null that GitHub reads as a string (`run: true`,
// `name:` with no value) replaced by that string, as the model reads it, and everything else left as it
// was, in its order. `wfgen import` writes TypeScript from this, whose types take the strings.

import { parseWorkflowModel } from "./parse.ts";

/** `value` with the scalars GitHub reads as strings replaced by those strings; unchanged if the model refuses it. */
export function withStringsAsRead(value: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseWorkflowModel(value);
  return parsed.ok ? (merge(value, parsed.workflow) as Record<string, unknown>) : value;
}

// `given` with the string leaves of `read` where `given` has another scalar.
function merge(given: unknown, read: unknown): unknown {
  if (typeof read === "string" && typeof given !== "string" && (given === null || typeof given !== "object")) return read;
  if (Array.isArray(given) && Array.isArray(read)) return given.map((item, i) => merge(item, read[i]));
  if (isMapping(given) && isMapping(read)) {
    return Object.fromEntries(Object.entries(given).map(([key, item]) => [key, Object.hasOwn(read, key) ? merge(item, read[key]) : item]));
  }
  return given;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

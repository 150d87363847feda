/**
 * The lockfile's bytes: keys sorted at every level, two-space JSON, one final newline. Two machines that
 * resolve the same pins write the same file, so a diff of the lock shows only what changed.
 */
import type { Lock } from "./schema.ts";

/** `wfgen.lock.json` as it is written. */
export function serializeLock(lock: Lock): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  // Code-unit order, not the locale's: the same on every machine.
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = sortKeys(item);
  }
  return out;
}

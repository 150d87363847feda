// The wording of model errors, in one place. Messages name what was found and what is allowed; the path
// ("jobs.build.steps[2].uses") is prefixed by parseWorkflowModel, so these never repeat it.

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

// The allowed word nearest to `word` when it is a plausible slip: `_` for `-`, another case, the same
// parts in another order (ignore-paths), or at most two edits away (one for short words, where two edits
// reach too many unrelated words).
function closest(word: string, allowed: readonly string[]): string | undefined {
  const normal = (s: string) => s.toLowerCase().replaceAll("_", "-");
  const parts = (s: string) => normal(s).split("-").sort().join("-");
  const same = allowed.find((candidate) => parts(candidate) === parts(word));
  if (same !== undefined) return same;
  const budget = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of allowed) {
    const distance = editDistance(normal(word), normal(candidate), bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

// Edit distance counting a swap of neighbours as one edit (cron/corn), giving up (returning `limit`) once
// every alignment costs at least `limit`.
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, limit);
}

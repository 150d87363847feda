/**
 * "Did you mean": the known name nearest to a misspelt one, shared by the model's messages, the linter and
 * the CLI's config checks, so every suggestion follows the same rules.
 */

// The allowed word nearest to `word` when it is a plausible slip: `_` for `-`, another case, the same
// parts in another order (ignore-paths), or at most two edits away (one for short words, where two edits
// reach too many unrelated words).
/** The allowed word nearest to `word` when it is a plausible slip, else undefined. */
export function closest(word: string, allowed: readonly string[]): string | undefined {
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
  // Never a suggestion that replaces the whole word (`x` is not a typo of `y`).
  return bestDistance < word.length ? best : undefined;
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

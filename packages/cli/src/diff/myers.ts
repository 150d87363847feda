/**
 * Myers' O(ND) difference algorithm over lines ("An O(ND) Difference Algorithm and Its Variations",
 * 1986). Common prefix and suffix are trimmed first: drift is usually a few lines in a long file, so D
 * and the remaining middle are small.
 */

/** One line of the edit script: kept, removed from the old text, or added by the new one. */
export interface Edit {
  kind: "equal" | "delete" | "insert";
  line: string;
}

/** The shortest edit script turning `a` into `b`; deletions come before insertions in each change. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const equal = (line: string): Edit => ({ kind: "equal", line });
  return [
    ...a.slice(0, start).map(equal),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map(equal),
  ];
}

function middle(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: "insert", line }));
  if (m === 0) return a.map((line) => ({ kind: "delete", line }));
  const max = n + m;
  // v[k + offset] is the furthest x reached on diagonal k; trace[d] is v before round d, kept only
  // over the diagonals round d reads (-d-1 .. d+1), so memory grows with D², not D·(N+M).
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b);
    }
  }
  throw new Error("unreachable: Myers' search always ends by d = n + m");
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number): number => snapshot[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ kind: "equal", line: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) edits.push(x === prevX ? { kind: "insert", line: b[prevY]! } : { kind: "delete", line: a[prevX]! });
    x = prevX;
    y = prevY;
  }
  return edits.reverse();
}

/**
 * Release tags (`v7`, `v7.3`, `v7.3.0`) and the choices resolution makes with them: which tag an intent
 * names, which tag at a commit goes in the `# v7.3.0` comment, which major is the latest. Pure, and shared
 * by the GitHub API resolver and the offline catalog, so both answer alike.
 */

/** `vX`, `vX.Y` or `vX.Y.Z` (the `v` optional, as a few repositories tag without it). */
const RELEASE = /^(v?)(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/** A release tag, read. */
export interface Version {
  prefix: "" | "v";
  /** 1 to 3 numbers: major, minor, patch. */
  parts: number[];
}

/** The version a release tag names, or undefined for branches, pre-releases and other tags. */
export function parseVersion(tag: string): Version | undefined {
  const match = RELEASE.exec(tag);
  if (!match) return undefined;
  const parts = [match[2], match[3], match[4]].filter((p): p is string => p !== undefined).map(Number);
  return { prefix: match[1] as "" | "v", parts };
}

/** Whether `tag` is `ref` or a more specific release under it (`v7.3.0` is under `v7` and `v7.3`, not `v70`). */
export function isUnder(tag: string, ref: string): boolean {
  const t = parseVersion(tag);
  const r = parseVersion(ref);
  if (!t || !r || t.prefix !== r.prefix || t.parts.length < r.parts.length) return false;
  return r.parts.every((n, i) => t.parts[i] === n);
}

/** Newer first by number; at equal numbers the more specific tag first (`v7.0.0` before `v7`). */
export function compareTags(a: string, b: string): number {
  const x = parseVersion(a)?.parts ?? [];
  const y = parseVersion(b)?.parts ?? [];
  for (let i = 0; i < 3; i++) {
    const d = (y[i] ?? -1) - (x[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The tag an intent's ref names among a repository's tags: the tag itself when it exists (a moving
 * major tag like `v7` is followed, as GitHub would run it), else the highest full release under it
 * (`v7.3` with no such tag picks the latest `v7.3.x`). Undefined when nothing matches.
 */
export function targetTag(ref: string, tags: Iterable<string>): string | undefined {
  const list = [...tags];
  if (list.includes(ref)) return ref;
  const full = list.filter((t) => isUnder(t, ref) && parseVersion(t)!.parts.length === 3).sort(compareTags);
  return full[0];
}

/**
 * The comment tag: among the tags at the resolved commit that are the ref or under it, the most specific
 * (`v7.3.0` rather than `v7`), the newest if several. Dependabot, Renovate and pinact write the same.
 */
export function mostSpecificTag(ref: string, target: string, tagsAtCommit: Iterable<string>): string {
  const candidates = [...tagsAtCommit].filter((t) => t === target || isUnder(t, ref));
  candidates.sort(
    (a, b) => (parseVersion(b)?.parts.length ?? 0) - (parseVersion(a)?.parts.length ?? 0) || compareTags(a, b),
  );
  return candidates[0] ?? target;
}

/**
 * The ref of the same precision as `ref` in the newest major among `tags`: `v4` becomes `v7` when `v7`
 * exists, `v4.2.2` the newest `v7.x.y`. Undefined when `ref` is not a release or nothing is newer.
 */
export function newerMajorRef(ref: string, tags: Iterable<string>): string | undefined {
  const current = parseVersion(ref);
  if (!current) return undefined;
  const releases = [...tags].filter((t) => parseVersion(t)?.prefix === current.prefix);
  const majors = releases.map((t) => parseVersion(t)!.parts[0]!);
  const newest = Math.max(...majors);
  if (!(newest > current.parts[0]!)) return undefined;
  const major = `${current.prefix}${newest}`;
  // Some release carries the newest major, so a major-only intent for it always resolves.
  if (current.parts.length === 1) return major;
  const wanted = releases
    .filter((t) => isUnder(t, major) && parseVersion(t)!.parts.length === current.parts.length)
    .sort(compareTags);
  return wanted[0];
}

/** The major number of a release tag, for "the major changed" messages. */
export function majorOf(tag: string): number | undefined {
  return parseVersion(tag)?.parts[0];
}

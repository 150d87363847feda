/**
 * Refs, kept as intents in the source and resolved in `wfgen.lock.json`, so that the build emits what the
 * YAML ran, never something newer:
 *
 * - `owner/repo@<sha> # v4.2.2` becomes the intent `owner/repo@v4` with that SHA and tag in the lock (or
 *   `@v4.2.2` when `@v4` is already locked to another commit, or the SHA itself when neither is free);
 * - `owner/repo@v4` is resolved from wfgen's offline catalog, the same answer `wfgen pin --offline` gives;
 * - a ref the catalog does not know keeps its ref behind the lock's visible opt-out, `unpinned: true`.
 *
 * Entries already in the lock are never changed: an intent whose entry exists is used as it is.
 */
import { isCommitSha, isUnpinned, parseUses, type Lock, type LockedAction } from "@wfgen/core";
import { CATALOG } from "../github/catalog.gen.ts";
import { CatalogResolver } from "../github/catalog.ts";
import { mostSpecificTag, parseVersion } from "../github/versions.ts";

/** What import writes for one `uses:` value. */
export interface PinDecision {
  /** The `uses:` the TypeScript states. */
  intent: string;
  /** The tag the `# v4.2.2` comment gave; that comment is then carried by the lock, not the source. */
  consumedComment: boolean;
  /** The entry was added as the `unpinned` opt-out (the command lists these). */
  unpinned?: boolean;
}

// A tag as the lock's schema takes it (it is written after `# ` on the uses line).
const TAG = /^[^\s#]+$/;
// A release tag in a version comment: `v4.2.2`, `4.2`, `v3`.
const RELEASE = /^v?\d+(?:\.\d+){0,2}$/;

/** Decides intents and lock entries for the `uses:` of every imported workflow, in file order. */
export class PinPlanner {
  private readonly catalog = new CatalogResolver();
  /** Entries this import adds, by intent. */
  readonly added = new Map<string, LockedAction>();

  /** `lock` is the repository's current lock; `now` the time recorded as `resolvedAt`. */
  constructor(
    private readonly lock: Lock,
    private readonly now: string,
    private readonly reason: string,
  ) {}

  /** The intent for `uses` (with its line's trailing comment, if any) and the lock entry it needs. */
  async decide(uses: string, comment: string | undefined): Promise<PinDecision> {
    const intent = parseUses(uses);
    if (intent === undefined || (intent.kind !== "action" && intent.kind !== "reusable")) {
      return { intent: uses, consumedComment: false };
    }
    if (isCommitSha(intent.ref)) {
      const fromComment = tagFromComment(comment);
      const tag = fromComment ?? this.tagAt(intent.owner, intent.repo, intent.ref);
      if (tag === undefined) return { intent: uses, consumedComment: false };
      const version = parseVersion(tag);
      const candidates = [...(version ? [`${version.prefix}${version.parts[0]}`] : []), tag];
      for (const ref of candidates) {
        const key = `${intent.name}@${ref}`;
        const existing = this.entry(key);
        if (existing === undefined) this.added.set(key, { sha: intent.ref, tag, resolvedAt: this.now });
        else if (isUnpinned(existing) || existing.sha !== intent.ref) continue;
        return { intent: key, consumedComment: fromComment !== undefined };
      }
      // Both intents are taken by other commits: keep the SHA, and let the lock remember its tag.
      if (this.entry(uses) === undefined) this.added.set(uses, { sha: intent.ref, tag, resolvedAt: this.now });
      return { intent: uses, consumedComment: fromComment !== undefined };
    }
    if (this.entry(intent.key) !== undefined) return { intent: intent.key, consumedComment: false };
    try {
      const resolution = await this.catalog.resolve(intent);
      this.added.set(intent.key, { sha: resolution.sha, tag: resolution.tag, resolvedAt: this.now });
      return { intent: intent.key, consumedComment: false };
    } catch {
      this.added.set(intent.key, { unpinned: true, reason: this.reason });
      return { intent: intent.key, consumedComment: false, unpinned: true };
    }
  }

  /** The lock with this import's entries added. */
  merged(): Lock {
    return { ...this.lock, actions: { ...this.lock.actions, ...Object.fromEntries(this.added) } };
  }

  private entry(key: string): LockedAction | undefined {
    return Object.hasOwn(this.lock.actions, key) ? this.lock.actions[key] : this.added.get(key);
  }

  /** The most specific release tag the catalog knows at `sha`. */
  private tagAt(owner: string, repo: string, sha: string): string | undefined {
    const wanted = `${owner}/${repo}`.toLowerCase();
    const name = Object.keys(CATALOG).find((n) => n.toLowerCase() === wanted);
    if (name === undefined) return undefined;
    const tags = Object.entries(CATALOG[name]!)
      .filter(([tag, at]) => at === sha && parseVersion(tag) !== undefined)
      .map(([tag]) => tag);
    if (tags.length === 0) return undefined;
    const major = tags.find((t) => parseVersion(t)!.parts.length === 1) ?? tags[0]!;
    return mostSpecificTag(`${parseVersion(major)!.prefix}${parseVersion(major)!.parts[0]}`, major, tags);
  }
}

/** The release tag a pin's comment names (`# v4.2.2`, `#v3.5.0`, `# v4.1.1 (node 20)`), if it names one. */
export function tagFromComment(comment: string | undefined): string | undefined {
  const word = comment?.trim().split(/\s+/)[0];
  if (word === undefined || !TAG.test(word)) return undefined;
  const tag = word.replace(/^tag[:=]/i, "");
  return RELEASE.test(tag) ? tag : undefined;
}

/**
 * `wfgen.lock.json`, committed next to `workflows.ts`: what each action intent (`owner/repo@v7`) resolved
 * to. The build reads only this file, never the network, so the same source always gives the same YAML.
 *
 * Written with zod's tree-shakable `zod/mini` API, not the model's `zod`: every `build` and `check` reads
 * the lock, and most of them need nothing else of zod (docs/performance.md).
 */
import * as z from "zod/mini";

/** A full commit SHA as GitHub's pin policy and Renovate's digest regex read it: 40 lowercase hex digits. */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;

/** An OCI image digest, the only form a pinned image may take. */
export const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/;

// `owner/repo[/path]@ref`, the form an intent has in workflows.ts and in the lock's keys.
const ACTION_KEY = /^[^/@\s]+\/[^/@\s]+(?:\/[^@\s]+)?@[^@\s]+$/;

/**
 * A tag name as the lock records it. The tag ends up after `# ` on the `uses:` line; Dependabot and zizmor
 * read the comment up to the end of the line, so the tag may hold nothing a line or a second word could
 * hide in, nor a control character (git allows none in a ref name).
 */
export const TAG_NAME = /^[^\s#\u0000-\u001f\u007f]+$/;

const isoTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time, e.g. 2026-01-31T12:00:00.000Z" });

/** An intent resolved to a commit: the SHA, the most specific tag at it (the `# v7.3.0` comment), when. */
export const PinnedActionSchema = z.strictObject({
  sha: z.string().check(z.regex(COMMIT_SHA, "must be a full commit SHA: 40 lowercase hex digits")),
  tag: z.string().check(z.regex(TAG_NAME, "must be a tag name without spaces, # or control characters")),
  resolvedAt: isoTime,
  /** The SHA of the annotated tag object the tag named, before it was peeled to `sha`. */
  tagObject: z.optional(z.string().check(z.regex(COMMIT_SHA, "must be a 40-hex object SHA"))),
});

/** The explicit, visible opt-out: the `uses:` stays as written (and the `unpinned-uses` rule flags it). */
export const UnpinnedActionSchema = z.strictObject({
  unpinned: z.literal(true),
  reason: z.string().check(z.minLength(1, "say why this action is not pinned")),
});

/** One entry of `actions`. */
export const LockedActionSchema = z.union([PinnedActionSchema, UnpinnedActionSchema], {
  error: 'must be { "sha", "tag", "resolvedAt" } or { "unpinned": true, "reason" }',
});

/** One entry of `images`: the digest an `image:tag` resolved to. */
export const LockedImageSchema = z.strictObject({
  digest: z.string().check(z.regex(IMAGE_DIGEST, "must be sha256: and 64 lowercase hex digits")),
  resolvedAt: isoTime,
});

/** The whole lockfile. */
export const LockSchema = z.strictObject({
  version: z.literal(1),
  actions: z.record(z.string().check(z.regex(ACTION_KEY, "must be owner/repo[/path]@ref")), LockedActionSchema),
  images: z.optional(z.record(z.string().check(z.minLength(1)), LockedImageSchema)),
});

export type Lock = z.infer<typeof LockSchema>;
export type LockedAction = z.infer<typeof LockedActionSchema>;
export type PinnedAction = z.infer<typeof PinnedActionSchema>;
export type UnpinnedAction = z.infer<typeof UnpinnedActionSchema>;
export type LockedImage = z.infer<typeof LockedImageSchema>;

/** The name of the lockfile, next to the entry file. */
export const LOCK_FILE = "wfgen.lock.json";

/** A lock with no entries: what a repository without `wfgen.lock.json` has. */
export function emptyLock(): Lock {
  return { version: 1, actions: {} };
}

/** Whether an entry is the `unpinned` opt-out. */
export function isUnpinned(entry: LockedAction): entry is UnpinnedAction {
  return "unpinned" in entry;
}

/** The lock parsed from its text, or the problems in plain words (each naming the entry). */
export function parseLock(text: string): { ok: true; lock: Lock } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`it is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = LockSchema.safeParse(json);
  if (parsed.success) return { ok: true, lock: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const at = issue.path.map(String).join(" › ");
      // A bad record key comes wrapped; its own issue holds the message that says what a key must be.
      const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return at ? `${at}: ${message}` : message;
    }),
  };
}

/**
 * Resolution behind one interface: `wfgen pin`, `update` and `init` ask a Resolver, and do not know
 * whether GitHub's REST API or the offline catalog answers. Tests give them a fake GitHub instead.
 */
import type { RemoteIntent } from "@wfgen/core";

/** What an intent resolved to. */
export interface Resolution {
  /** The commit, annotated tags peeled: 40 lowercase hex digits. */
  sha: string;
  /** The most specific tag at that commit, for the `# v7.3.0` comment. */
  tag: string;
  /** The annotated tag object the intent's tag named, when it was annotated. */
  tagObject?: string;
}

/** Answers questions about action repositories. */
export interface Resolver {
  /** Where the answers come from, for messages: "GitHub's API", "wfgen's offline catalog". */
  readonly source: string;
  /** The commit and comment tag of `owner/repo[/path]@ref`. */
  resolve(intent: RemoteIntent): Promise<Resolution>;
  /** The release tags (`vX`, `vX.Y`, `vX.Y.Z`) of a repository, for `update --major`. */
  tags(owner: string, repo: string): Promise<string[]>;
  /** The action's metadata (`action.yml`, else `action.yaml`) at a commit; undefined when there is none or it is unknown. */
  actionYml(owner: string, repo: string, path: string | undefined, sha: string): Promise<string | undefined>;
}

/** Why a resolution failed; `network` means the source could not be reached at all (worth a fallback). */
export type ResolveErrorKind = "network" | "rate-limit" | "not-found" | "auth" | "no-tag" | "not-in-catalog" | "api";

/** A failed resolution, with a message in plain words and, when there is one, what to do. */
export class ResolveError extends Error {
  readonly kind: ResolveErrorKind;
  readonly fix: string | undefined;
  constructor(kind: ResolveErrorKind, message: string, fix?: string) {
    super(message);
    this.name = "ResolveError";
    this.kind = kind;
    this.fix = fix;
  }
}

/** The error to report when an intent's ref matches no tag. */
export function noTagError(intent: RemoteIntent): ResolveError {
  return new ResolveError(
    "no-tag",
    `${intent.owner}/${intent.repo} has no tag "${intent.ref}" (nor a release under it); wfgen pins tags, not branches`,
    `name a release tag in workflows.ts (for example ${intent.name}@v1), or record an explicit opt-out in wfgen.lock.json: ` +
      `"${intent.key}": { "unpinned": true, "reason": "..." }`,
  );
}

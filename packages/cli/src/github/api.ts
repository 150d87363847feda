/**
 * The GitHub REST API as a Resolver. Tags are listed with `git/matching-refs/tags/{prefix}` (one call for
 * every tag under `v7`, paginated), annotated tags are peeled with `git/tags/{sha}` until the object is a
 * commit, and action.yml is read raw through `contents`. Uses Node's global fetch; no token is needed for
 * public repositories, but `GITHUB_TOKEN` or `GH_TOKEN` lifts the limit from 60 to 5,000 requests an hour.
 */
import type { RemoteIntent } from "@wfgen/core";
import { ResolveError, noTagError, type Resolution, type Resolver } from "./resolver.ts";
import { isUnder, mostSpecificTag, parseVersion, targetTag } from "./versions.ts";

/** The public API; `WFGEN_GITHUB_API_URL` points wfgen elsewhere (GitHub Enterprise Server, tests). */
export const DEFAULT_API_URL = "https://api.github.com";

// The `object` of a ref or of a tag object: a commit, or (for annotated tags) another tag object.
interface GitObject {
  sha: string;
  type: string;
}
interface Ref {
  ref: string;
  object: GitObject;
}

// Annotated tags may point at annotated tags; a chain longer than this is a loop or a hostile server.
const MAX_PEEL = 10;

/** Resolves intents through GitHub's REST API. */
export class GitHubApiResolver implements Resolver {
  readonly source: string;
  private readonly base: string;
  private readonly token: string | undefined;
  private readonly fetch: typeof globalThis.fetch;
  private readonly refs = new Map<string, Promise<Ref[]>>();
  private readonly peeled = new Map<string, Promise<string>>();

  constructor(env: Record<string, string | undefined>, fetchImpl: typeof globalThis.fetch = globalThis.fetch) {
    this.base = (env.WFGEN_GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
    this.token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
    this.fetch = fetchImpl;
    this.source = this.base === DEFAULT_API_URL ? "GitHub's API" : `the GitHub API at ${this.base}`;
  }

  async resolve(intent: RemoteIntent): Promise<Resolution> {
    const { owner, repo, ref } = intent;
    const refs = await this.matchingTags(owner, repo, ref);
    const byName = new Map(refs.map((r) => [r.ref.slice("refs/tags/".length), r.object]));
    const target = targetTag(ref, byName.keys());
    if (target === undefined) throw noTagError(intent);
    const object = byName.get(target)!;
    const sha = await this.peel(owner, repo, object);
    // Only tags under the ref can be the comment; the annotated ones among them must be peeled to compare.
    const atCommit: string[] = [];
    for (const [name, candidate] of byName) {
      if (name !== target && !isUnder(name, ref)) continue;
      if ((await this.peel(owner, repo, candidate)) === sha) atCommit.push(name);
    }
    return {
      sha,
      tag: mostSpecificTag(ref, target, atCommit),
      ...(object.type === "tag" && { tagObject: object.sha }),
    };
  }

  async tags(owner: string, repo: string): Promise<string[]> {
    const refs = await this.matchingTags(owner, repo, "");
    return refs.map((r) => r.ref.slice("refs/tags/".length)).filter((name) => parseVersion(name) !== undefined);
  }

  async actionYml(owner: string, repo: string, path: string | undefined, sha: string): Promise<string | undefined> {
    for (const file of ["action.yml", "action.yaml"]) {
      const at = `/repos/${owner}/${repo}/contents/${path ? `${path}/` : ""}${file}?ref=${sha}`;
      const response = await this.request(at, { accept: "application/vnd.github.raw+json", missingOk: true });
      if (response) return response.text();
    }
    return undefined;
  }

  /** Every tag whose name starts with `prefix`, across all pages. */
  private matchingTags(owner: string, repo: string, prefix: string): Promise<Ref[]> {
    const key = `${owner}/${repo}\0${prefix}`;
    let pending = this.refs.get(key);
    if (!pending) {
      pending = (async () => {
        const all: Ref[] = [];
        let next: string | undefined =
          `/repos/${owner}/${repo}/git/matching-refs/tags/${encodeURIComponent(prefix)}?per_page=100`;
        while (next) {
          const response = (await this.request(next, {}))!;
          all.push(...((await response.json()) as Ref[]));
          next = nextPage(response.headers.get("link"));
        }
        return all;
      })();
      this.refs.set(key, pending);
    }
    return pending;
  }

  /** The commit an object names, following annotated tag objects. */
  private peel(owner: string, repo: string, object: GitObject): Promise<string> {
    if (object.type === "commit") return Promise.resolve(object.sha);
    const key = `${owner}/${repo}\0${object.sha}`;
    let pending = this.peeled.get(key);
    if (!pending) {
      pending = (async () => {
        let current = object;
        for (let depth = 0; current.type === "tag"; depth++) {
          if (depth === MAX_PEEL)
            throw new ResolveError("api", `the tag object ${object.sha} of ${owner}/${repo} does not lead to a commit`);
          const response = (await this.request(`/repos/${owner}/${repo}/git/tags/${current.sha}`, {}))!;
          current = ((await response.json()) as { object: GitObject }).object;
        }
        if (current.type !== "commit") {
          throw new ResolveError(
            "api",
            `the tag ${object.sha} of ${owner}/${repo} names a ${current.type}, not a commit`,
          );
        }
        return current.sha;
      })();
      this.peeled.set(key, pending);
    }
    return pending;
  }

  /** GET `path` (or a full next-page URL); errors are explained. `missingOk` turns a 404 into undefined. */
  private async request(
    path: string,
    options: { accept?: string; missingOk?: boolean },
  ): Promise<Response | undefined> {
    const url = path.startsWith("http") ? path : `${this.base}${path}`;
    const headers: Record<string, string> = {
      accept: options.accept ?? "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "wfgen",
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetch(url, { headers });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ResolveError("network", `cannot reach ${this.source} (${why})`);
    }
    if (response.ok) return response;
    if (response.status === 404 && options.missingOk) return undefined;
    throw this.explain(response, path);
  }

  private explain(response: Response, path: string): ResolveError {
    const { status } = response;
    const repo = /^\/repos\/([^/]+\/[^/]+)/.exec(path)?.[1] ?? "the repository";
    const remaining = response.headers.get("x-ratelimit-remaining");
    const retryAfter = response.headers.get("retry-after");
    if ((status === 403 || status === 429) && (remaining === "0" || retryAfter !== null)) {
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      const when =
        retryAfter !== null
          ? `in ${retryAfter} seconds`
          : Number.isFinite(reset) && reset > 0
            ? `at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC`
            : "within the hour";
      const limit = response.headers.get("x-ratelimit-limit");
      const quota = limit ? `${limit} requests an hour` : "its quota";
      return new ResolveError(
        "rate-limit",
        `GitHub's API rate limit is used up (${quota}${this.token ? " for this token" : " without a token"}); it resets ${when}`,
        this.token
          ? "wait until then, or run `npx wfgen pin --offline` to use the catalog that ships with wfgen"
          : "set GITHUB_TOKEN or GH_TOKEN to any GitHub token (no scopes are needed for public repositories) to get 5,000 requests an hour, or run `npx wfgen pin --offline` to use the catalog that ships with wfgen",
      );
    }
    if (status === 401) {
      return new ResolveError(
        "auth",
        "GitHub refused the token in GITHUB_TOKEN or GH_TOKEN (401): it is expired, revoked or mistyped",
        "fix or unset the token",
      );
    }
    if (status === 404) {
      return new ResolveError(
        "not-found",
        `GitHub has no repository ${repo}, or it is private and ${this.token ? "the token cannot read it" : "no token was given"}`,
        this.token
          ? "check the owner and name in workflows.ts"
          : "check the owner and name in workflows.ts; for a private repository set GITHUB_TOKEN or GH_TOKEN",
      );
    }
    return new ResolveError("api", `${this.source} answered ${status} ${response.statusText} to GET ${path}`);
  }
}

/** The `rel="next"` URL of a `Link` header (GitHub's pagination), if any. */
function nextPage(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

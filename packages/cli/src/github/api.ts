/**
 * The GitHub REST API as a Resolver. Tags are listed with `git/matching-refs/tags/{prefix}` (one call for
 * every tag under `v7`, paginated), annotated tags are peeled with `git/tags/{sha}` until the object is a
 * commit, and action.yml is read raw through `contents`. Uses Node's global fetch; no token is needed for
 * public repositories, but `GITHUB_TOKEN` or `GH_TOKEN` lifts the limit from 60 to 5,000 requests an hour.
 *
 * Everything the API answers is untrusted: the token goes only to the configured API's origin (a `Link` or a
 * redirect elsewhere never carries it), every request has a timeout and all of them a deadline, a listing
 * has a page limit and may not revisit a page, bodies are bounded, and every SHA and tag is checked before
 * anyone uses it; what the API said is quoted, escaped, in the error.
 */
import { isCommitSha, TAG_NAME, type RemoteIntent } from "@wfgen/core";
import { formatBytes, limitsOf, type Limits } from "../limits.ts";
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
// Redirects followed for one request (GitHub redirects a renamed repository once).
const MAX_REDIRECTS = 5;

/** Resolves intents through GitHub's REST API. */
export class GitHubApiResolver implements Resolver {
  readonly source: string;
  private readonly base: string;
  private readonly origin: string;
  private readonly token: string | undefined;
  private readonly tokenVariable: string;
  private readonly fetch: typeof globalThis.fetch;
  private readonly limits: Limits;
  private deadline: AbortSignal | undefined;
  private readonly refs = new Map<string, Promise<Ref[]>>();
  private readonly peeled = new Map<string, Promise<string>>();

  constructor(env: Record<string, string | undefined>, fetchImpl: typeof globalThis.fetch = globalThis.fetch) {
    this.base = (env.WFGEN_GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
    this.origin = originOf(this.base);
    this.token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
    this.tokenVariable = env.GITHUB_TOKEN ? "GITHUB_TOKEN" : "GH_TOKEN";
    this.fetch = fetchImpl;
    this.limits = limitsOf(env);
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
      if (response) return this.body(response, at);
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
        const seen = new Set<string>();
        let next: string | undefined =
          `/repos/${owner}/${repo}/git/matching-refs/tags/${encodeURIComponent(prefix)}?per_page=100`;
        while (next) {
          if (seen.has(next)) {
            throw this.error("api", `${this.source} sent the tags of ${owner}/${repo} in a loop: its next page is ${quote(next)}, a page it sent already`);
          }
          if (seen.size === this.limits.apiMaxPages) {
            throw this.error(
              "api",
              `${this.source} sent more than ${this.limits.apiMaxPages} pages of tags of ${owner}/${repo}; wfgen stopped there`,
              "raise WFGEN_API_MAX_PAGES if the repository really has that many tags",
            );
          }
          seen.add(next);
          const response = (await this.request(next, {}))!;
          all.push(...this.refsOf(await this.json(response, next), owner, repo));
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
            throw this.error("api", `the tag object ${object.sha} of ${owner}/${repo} does not lead to a commit`);
          const path = `/repos/${owner}/${repo}/git/tags/${current.sha}`;
          const json = await this.json((await this.request(path, {}))!, path);
          current = this.objectOf((json as { object?: unknown } | null)?.object, `the tag object ${current.sha} of ${owner}/${repo}`);
        }
        if (current.type !== "commit") {
          throw this.error("api", `the tag ${object.sha} of ${owner}/${repo} names a ${quote(current.type)}, not a commit`);
        }
        return current.sha;
      })();
      this.peeled.set(key, pending);
    }
    return pending;
  }

  /** A matching-refs page, checked: tag refs whose objects have full SHAs and names fit for a comment. */
  private refsOf(json: unknown, owner: string, repo: string): Ref[] {
    if (!Array.isArray(json)) {
      throw this.error("api", `${this.source} answered the list of tags of ${owner}/${repo} with ${describe(json)}, not a list`);
    }
    return json.map((item: unknown) => {
      const ref = (item as { ref?: unknown } | null)?.ref;
      if (typeof ref !== "string" || !ref.startsWith("refs/tags/") || !TAG_NAME.test(ref.slice("refs/tags/".length))) {
        throw this.error("api", `${this.source} listed ${quote(ref)} among the tags of ${owner}/${repo}, which is not a tag name wfgen can record`);
      }
      return { ref, object: this.objectOf((item as { object?: unknown }).object, `the tag ${ref.slice(10)} of ${owner}/${repo}`) };
    });
  }

  /** A git object from the API, checked: its SHA must be 40 lowercase hex digits before anyone uses it. */
  private objectOf(value: unknown, what: string): GitObject {
    const { sha, type } = (value ?? {}) as { sha?: unknown; type?: unknown };
    if (typeof sha !== "string" || !isCommitSha(sha)) {
      throw this.error(
        "api",
        `${this.source} gave ${quote(sha)} as the object of ${what}, which is not a commit SHA (40 lowercase hex digits); wfgen pinned nothing from it`,
      );
    }
    if (typeof type !== "string") throw this.error("api", `${this.source} gave ${quote(type)} as the type of ${what}`);
    return { sha, type };
  }

  /**
   * GET `path` (or a full next-page URL), with the token only when the URL is the configured API's;
   * redirects are followed by hand for the same reason. Errors are explained; `missingOk` turns a 404 into
   * undefined.
   */
  private async request(
    path: string,
    options: { accept?: string; missingOk?: boolean },
  ): Promise<Response | undefined> {
    let url = path.startsWith("/") ? `${this.base}${path}` : path;
    if (!this.isApi(url)) {
      throw this.error(
        "api",
        `${this.source} pointed wfgen at ${quote(url)}, which is not under ${this.base}; wfgen does not send requests (or the token) elsewhere`,
      );
    }
    if (this.token !== undefined && !/^[\x21-\x7e]+$/.test(this.token)) {
      throw this.error(
        "auth",
        `the token in ${this.tokenVariable} holds a space, a line break or another character no token has (it is ${this.token.length} characters long)`,
        "set the variable to the token alone, without quotes or a trailing newline",
      );
    }
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = {
        accept: options.accept ?? "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "wfgen",
      };
      if (this.token && this.isApi(url)) headers.authorization = `Bearer ${this.token}`;
      try {
        response = await this.fetch(url, { headers, redirect: "manual", signal: this.signal() });
      } catch (error) {
        throw this.failedRequest(error, path);
      }
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || location === null) break;
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) throw this.error("api", `${this.source} redirected GET ${path} more than ${MAX_REDIRECTS} times`);
      try {
        url = new URL(location, url).href;
      } catch {
        throw this.error("api", `${this.source} redirected GET ${path} to ${quote(location)}, which is not a URL`);
      }
    }
    if (response.ok) return response;
    await response.body?.cancel();
    if (response.status === 404 && options.missingOk) return undefined;
    throw this.explain(response, path);
  }

  /** Whether `url` is under the configured API, the only place the token may go. */
  private isApi(url: string): boolean {
    return url.startsWith(`${this.base}/`) && originOf(url) === this.origin;
  }

  /** The per-request timeout, bounded by the command's deadline (which starts at the first request). */
  private signal(): AbortSignal {
    this.deadline ??= AbortSignal.timeout(this.limits.apiDeadlineMs);
    return AbortSignal.any([AbortSignal.timeout(this.limits.apiTimeoutMs), this.deadline]);
  }

  /** Why a request or its body failed: no network, a timeout, the deadline. */
  private failedRequest(error: unknown, path: string): ResolveError {
    if ((error as Error).name === "TimeoutError" || (error as Error).name === "AbortError") {
      return this.deadline?.aborted
        ? this.error(
            "network",
            `${this.source} took longer than ${this.limits.apiDeadlineMs / 1000} s in all (WFGEN_API_DEADLINE)`,
          )
        : this.error(
            "network",
            `${this.source} did not answer GET ${path} within ${this.limits.apiTimeoutMs / 1000} s (WFGEN_API_TIMEOUT)`,
          );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return this.error("network", `cannot reach ${this.source} (${why})`);
  }

  /** The body as text, at most `maxFileBytes`, within the request's time. */
  private async body(response: Response, path: string): Promise<string> {
    const declared = Number(response.headers.get("content-length"));
    const tooLarge = (): ResolveError =>
      this.error(
        "api",
        `${this.source} answered GET ${path} with more than ${formatBytes(this.limits.maxFileBytes)} (WFGEN_MAX_FILE_SIZE)`,
      );
    if (declared > this.limits.maxFileBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        size += chunk.value.byteLength;
        if (size > this.limits.maxFileBytes) {
          await reader!.cancel();
          throw tooLarge();
        }
        chunks.push(chunk.value);
      }
    } catch (error) {
      if (error instanceof ResolveError) throw error;
      throw this.failedRequest(error, path);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  /** The body as JSON; anything else is the API's fault, said in plain words. */
  private async json(response: Response, path: string): Promise<unknown> {
    const text = await this.body(response, path);
    try {
      return JSON.parse(text);
    } catch {
      throw this.error("api", `${this.source} answered GET ${path} with ${quote(text)}, which is not JSON`);
    }
  }

  /** A ResolveError whose text can never hold the token, whatever the API put in what it quotes. */
  private error(kind: ResolveError["kind"], message: string, fix?: string): ResolveError {
    const redact = (text: string): string => (this.token ? text.split(this.token).join("<token>") : text);
    return new ResolveError(kind, redact(message), fix === undefined ? undefined : redact(fix));
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
      return this.error(
        "rate-limit",
        `GitHub's API rate limit is used up (${quota}${this.token ? " for this token" : " without a token"}); it resets ${when}`,
        this.token
          ? "wait until then, or run `npx wfgen pin --offline` to use the catalog that ships with wfgen"
          : "set GITHUB_TOKEN or GH_TOKEN to any GitHub token (no scopes are needed for public repositories) to get 5,000 requests an hour, or run `npx wfgen pin --offline` to use the catalog that ships with wfgen",
      );
    }
    if (status === 401) {
      return this.error(
        "auth",
        "GitHub refused the token in GITHUB_TOKEN or GH_TOKEN (401): it is expired, revoked or mistyped",
        "fix or unset the token",
      );
    }
    if (status === 404) {
      return this.error(
        "not-found",
        `GitHub has no repository ${repo}, or it is private and ${this.token ? "the token cannot read it" : "no token was given"}`,
        this.token
          ? "check the owner and name in workflows.ts"
          : "check the owner and name in workflows.ts; for a private repository set GITHUB_TOKEN or GH_TOKEN",
      );
    }
    return this.error("api", `${this.source} answered ${status} ${quote(response.statusText)} to GET ${path}`);
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

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

/** What the API said, for a message: a string quoted and escaped, any other value as JSON; long text cut. */
function quote(value: unknown): string {
  if (value === undefined) return "nothing";
  const cut = (text: string): string => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
  // JSON escapes the C0 controls; the C1 ones (which some terminals obey too) are escaped by hand.
  const escapeC1 = (text: string): string =>
    text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escapeC1(typeof value === "string" ? JSON.stringify(cut(value)) : cut(JSON.stringify(value) ?? String(value)));
}

/** The kind of a JSON value, for "answered with an object, not a list". */
function describe(json: unknown): string {
  if (json === null) return "null";
  if (typeof json === "object") return `an object ${quote(json)}`;
  return `${typeof json} ${quote(json)}`;
}

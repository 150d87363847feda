/**
 * A small stand-in for GitHub's REST API on 127.0.0.1 (a random port), playing the endpoints wfgen's
 * resolver calls from the tag tables of data/actions: matching-refs (paginated, with a Link header), tag
 * objects for the tags the data lists as annotated (so peeling is exercised), and raw action.yml made from
 * the facts of each ref (actionYmlOf). Tests move tags, add commits and turn on the rate limit while it runs.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { actionYmlOf, readAllActionData, type ActionData } from "@wfgen/actions/data";
import { afterEach } from "vitest";

let data: Record<string, ActionData> | undefined;

/** The tag tables of data/actions: repository -> release tag -> commit, and the annotated tags. */
export function actionTags(): { tags: Record<string, Record<string, string>>; annotated: Record<string, string[]> } {
  data ??= readAllActionData();
  const tags = Object.fromEntries(Object.entries(data).map(([repo, json]) => [repo, { ...json.tags }]));
  const annotated = Object.fromEntries(Object.entries(data).map(([repo, json]) => [repo, json.annotated]));
  return { tags, annotated };
}

/** The running fake, and what a test can do to it. */
export interface FakeGitHub {
  /** Base URL, for `WFGEN_GITHUB_API_URL`. */
  url: string;
  /** Every request: path with query, and the Authorization header. */
  requests: Array<{ path: string; authorization: string | undefined }>;
  /** Point `tag` at another commit (a release, or someone moving a tag); `annotated` wraps it in tag objects. */
  setTag(repo: string, tag: string, commit: string, annotated?: number): void;
  /** The object a tag ref names: its tag-object SHA when annotated, else the commit. */
  refObject(repo: string, tag: string): { sha: string; type: "commit" | "tag" };
  /** Serve this action.yml text for `repo` at `commit`. */
  setActionYml(repo: string, commit: string, text: string): void;
  /** Serve `text` as the file at `path` (`action.yaml`, `init/action.yml`) of `repo` at `commit`. */
  setFile(repo: string, commit: string, path: string, text: string): void;
  /** Answer every request with GitHub's rate-limit error while on. */
  rateLimit(on: boolean): void;
  close(): Promise<void>;
}

const running: FakeGitHub[] = [];
afterEach(async () => {
  for (const fake of running.splice(0)) await fake.close();
});

/** Start the fake; it is closed after the test. `pageSize` caps `per_page` to exercise pagination. */
export async function startFakeGitHub(options: { pageSize?: number } = {}): Promise<FakeGitHub> {
  const { tags, annotated } = actionTags();
  // repo -> tag -> the ref's object; tag objects are stored by SHA with what they point at.
  const refs = new Map<string, Map<string, { sha: string; type: "commit" | "tag" }>>();
  const tagObjects = new Map<string, { tag: string; object: { sha: string; type: "commit" | "tag" } }>();
  const yml = new Map<string, string>();
  const files = new Map<string, string>();
  let limited = false;

  const setTag = (repo: string, tag: string, commit: string, layers = 0): void => {
    let object: { sha: string; type: "commit" | "tag" } = { sha: commit, type: "commit" };
    for (let i = 0; i < layers; i++) {
      const sha = createHash("sha1").update(`tag ${repo} ${tag} ${commit} ${i}`).digest("hex");
      tagObjects.set(sha, { tag, object });
      object = { sha, type: "tag" };
    }
    if (!refs.has(repo)) refs.set(repo, new Map());
    refs.get(repo)!.set(tag, object);
  };
  for (const [repo, table] of Object.entries(tags))
    for (const [tag, commit] of Object.entries(table))
      setTag(repo, tag, commit, annotated[repo]?.includes(tag) ? 1 : 0);

  const peel = (object: { sha: string; type: string }): string => {
    let current = object;
    while (current.type === "tag") current = tagObjects.get(current.sha)!.object;
    return current.sha;
  };

  // action.yml at a commit: made from the facts of data/actions, by the major of a tag at that commit (the
  // major tag itself first), unless a test set one.
  const actionYml = (repo: string, commit: string): string | undefined => {
    const set = yml.get(`${repo}@${commit}`);
    if (set !== undefined) return set;
    const names = [...(refs.get(repo) ?? new Map()).entries()].filter(([, o]) => peel(o) === commit).map(([t]) => t);
    names.sort((a, b) => a.length - b.length);
    const kept = data?.[repo]?.refs ?? {};
    for (const name of [commit, ...names.map((t) => /^v?\d+/.exec(t)?.[0] ?? t)]) {
      const facts = kept[name];
      if (facts !== undefined) return actionYmlOf(repo, facts);
    }
    return undefined;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    fake.requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (limited) {
      return send(
        403,
        { message: "API rate limit exceeded for 127.0.0.1." },
        {
          "x-ratelimit-limit": "60",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Date.UTC(2026, 0, 1, 13, 37) / 1000),
        },
      );
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(url.pathname);
    const repo = match ? `${match[1]}/${match[2]}` : "";
    const repoRefs = refs.get(repo);
    if (!match || !repoRefs) return send(404, { message: "Not Found" });
    const rest = decodeURIComponent(match[3]!);

    if (rest.startsWith("git/matching-refs/tags/")) {
      const prefix = rest.slice("git/matching-refs/tags/".length);
      const all = [...repoRefs.entries()]
        .filter(([tag]) => tag.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([tag, object]) => ({ ref: `refs/tags/${tag}`, object: { ...object, url: "" } }));
      const size = Math.min(Number(url.searchParams.get("per_page") ?? 30), options.pageSize ?? 100);
      const page = Number(url.searchParams.get("page") ?? 1);
      const headers: Record<string, string> = {};
      if (page * size < all.length) {
        const next = new URL(url.href.replace("http://127.0.0.1", fake.url));
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next.href}>; rel="next", <${next.href}>; rel="last"`;
      }
      return send(200, all.slice((page - 1) * size, page * size), headers);
    }
    if (rest.startsWith("git/tags/")) {
      const sha = rest.slice("git/tags/".length);
      const object = tagObjects.get(sha);
      return object ? send(200, { sha, tag: object.tag, object: object.object }) : send(404, { message: "Not Found" });
    }
    if (rest.startsWith("contents/")) {
      const path = rest.slice("contents/".length);
      const commit = url.searchParams.get("ref") ?? "";
      const text = files.get(`${repo}@${commit}:${path}`) ?? (path === "action.yml" ? actionYml(repo, commit) : undefined);
      if (text === undefined) return send(404, { message: "Not Found" });
      if (!(req.headers.accept ?? "").includes("raw")) return send(415, { message: "ask for the raw media type" });
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(text);
    }
    return send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    setTag,
    refObject: (repo, tag) => refs.get(repo)!.get(tag)!,
    setActionYml: (repo, commit, text) => void yml.set(`${repo}@${commit}`, text),
    setFile: (repo, commit, path, text) => void files.set(`${repo}@${commit}:${path}`, text),
    rateLimit: (on) => void (limited = on),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this, close would wait for them to time out.
        server.closeAllConnections();
      }),
  };
  running.push(fake);
  return fake;
}

/** A port on 127.0.0.1 where nothing listens: a GitHub that cannot be reached. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

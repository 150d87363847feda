// Refreshes the action facts of data/actions from GitHub's REST API: each action's release tags (vX, vX.Y,
// vX.Y.Z, annotated tags peeled to their commit) and the facts of action.yml at each major tag. Commits kept
// as refs of their own (the seed's pins) are kept as they are: a commit's files never change.
//
//   pnpm refresh-actions                 every action in data/actions
//   pnpm refresh-actions owner/repo ...  these actions; one not in the data yet gets its file
//
// then `pnpm generate` regenerates the bindings, the action table and the offline catalog from the data.
// GITHUB_TOKEN (or GH_TOKEN) lifts GitHub's limit of 60 requests an hour; WFGEN_GITHUB_API_URL points the
// script at another API (GitHub Enterprise Server, the tests' fake). Nothing is written unless every action
// was read: a failure leaves data/ as it was.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ACTIONS_DIR_URL, actionFacts, listActions, readActionData, writeActionData } from "../packages/actions/scripts/data.mjs";

const DEFAULT_API_URL = "https://api.github.com";
const RELEASE = /^v\d+(?:\.\d+){0,2}$/;
const SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
// Bounds against a broken or hostile server: pages of tags, depth of annotated tags, size of an answer.
const MAX_PAGES = 50;
const MAX_PEEL = 10;
const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** What went wrong, for the user: the message is the whole story, exit 1. */
export class RefreshError extends Error {}

/** Versions in release order: v1 < v1.0 < v1.0.0 < v1.1 < v2. */
export function compareTags(a, b) {
  const x = a.slice(1).split(".").map(Number);
  const y = b.slice(1).split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if (x[i] === undefined || y[i] === undefined) return (x[i] === undefined ? -1 : 0) + (y[i] === undefined ? 1 : 0);
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

function client(env, fetchImpl) {
  const base = (env.WFGEN_GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
  return async function request(path, { raw = false, missingOk = false } = {}) {
    const url = path.startsWith("http") ? path : `${base}${path}`;
    let response;
    try {
      response = await fetchImpl(url, {
        headers: {
          accept: raw ? "application/vnd.github.raw" : "application/vnd.github+json",
          "x-github-api-version": "2022-11-28",
          ...(token && { authorization: `Bearer ${token}` }),
        },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = error?.cause?.code ?? error?.name ?? "no answer";
      throw new RefreshError(`cannot reach ${base} (${cause}); the facts need a network to refresh`);
    }
    const text = await readBounded(response, url);
    if (response.status === 404 && missingOk) return undefined;
    if (response.status === 403 && response.headers.get("x-ratelimit-remaining") === "0") {
      throw new RefreshError(`${base} refuses more requests for now (rate limit); set GITHUB_TOKEN to raise the limit`);
    }
    if (!response.ok) {
      let message = "";
      try {
        message = JSON.parse(text).message ?? "";
      } catch {}
      throw new RefreshError(`${url} answered ${response.status}${message ? `: ${message}` : ""}`);
    }
    if (raw) return { text, link: response.headers.get("link") };
    try {
      return { json: JSON.parse(text), link: response.headers.get("link") };
    } catch {
      throw new RefreshError(`${url} answered ${response.status} with text that is not JSON`);
    }
  };
}

async function readBounded(response, url) {
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new RefreshError(`${url} answered more than ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Release tag -> commit, and the tags that are annotated tag objects. */
async function readTags(request, slug) {
  const refs = [];
  let next = `/repos/${slug}/git/matching-refs/tags/v?per_page=100`;
  for (let page = 0; next; page++) {
    if (page === MAX_PAGES) throw new RefreshError(`${slug}: more than ${MAX_PAGES} pages of tags`);
    const { json, link } = await request(next);
    if (!Array.isArray(json)) throw new RefreshError(`${slug}: the tag list is not a list`);
    refs.push(...json);
    next = /<([^>]+)>;\s*rel="next"/.exec(link ?? "")?.[1];
  }
  const tags = {};
  const annotated = [];
  for (const ref of refs) {
    const tag = String(ref?.ref ?? "").replace(/^refs\/tags\//, "");
    if (!RELEASE.test(tag)) continue;
    let object = ref.object;
    for (let depth = 0; object?.type === "tag"; depth++) {
      if (depth === MAX_PEEL) throw new RefreshError(`${slug}: tag ${tag} is annotated more than ${MAX_PEEL} levels deep`);
      if (depth === 0) annotated.push(tag);
      object = (await request(`/repos/${slug}/git/tags/${object.sha}`)).json?.object;
    }
    if (object?.type !== "commit" || !/^[0-9a-f]{40}$/.test(object.sha ?? "")) {
      throw new RefreshError(`${slug}: tag ${tag} does not name a commit`);
    }
    tags[tag] = object.sha;
  }
  const sorted = Object.fromEntries(Object.keys(tags).sort(compareTags).map((tag) => [tag, tags[tag]]));
  return { tags: sorted, annotated: annotated.sort(compareTags) };
}

/** The facts of action.yml (or action.yaml) at a commit. */
async function readFacts(request, slug, commit) {
  for (const file of ["action.yml", "action.yaml"]) {
    const answer = await request(`/repos/${slug}/contents/${file}?ref=${commit}`, { raw: true, missingOk: true });
    if (answer === undefined) continue;
    let yml;
    try {
      yml = parse(answer.text);
    } catch (error) {
      throw new RefreshError(`${slug}@${commit}: ${file} is not valid YAML: ${error.message.split("\n")[0]}`);
    }
    if (yml === null || typeof yml !== "object" || Array.isArray(yml)) throw new RefreshError(`${slug}@${commit}: ${file} is not a mapping`);
    return { commit, ...actionFacts(yml) };
  }
  throw new RefreshError(`${slug}@${commit} has no action.yml or action.yaml at its root`);
}

/**
 * Reads every action of `slugs` (default: all in the data) from the API and writes its data file, all or
 * nothing. Returns one line per action for the user.
 */
export async function refreshActions({ slugs, env = process.env, fetch: fetchImpl = globalThis.fetch, dir = ACTIONS_DIR_URL, today = new Date() } = {}) {
  const known = listActions(dir);
  const wanted = slugs && slugs.length > 0 ? slugs : known;
  for (const slug of wanted) if (!SLUG.test(slug)) throw new RefreshError(`"${slug}" is not owner/repo`);
  const request = client(env, fetchImpl);
  const retrieved = today.toISOString().slice(0, 10);
  const results = [];
  for (const slug of wanted) {
    const old = known.includes(slug) ? readActionData(slug, dir) : undefined;
    const { tags, annotated } = await readTags(request, slug);
    const majors = Object.keys(tags)
      .filter((tag) => /^v\d+$/.test(tag))
      .sort(compareTags);
    if (majors.length === 0) throw new RefreshError(`${slug} has no major release tag (v1, v2, ...)`);
    const refs = {};
    for (const major of majors) {
      refs[major] = old?.refs[major]?.commit === tags[major] ? old.refs[major] : await readFacts(request, slug, tags[major]);
    }
    for (const [ref, facts] of Object.entries(old?.refs ?? {})) if (!/^v\d+$/.test(ref)) refs[ref] = facts;
    const data = {
      _source: {
        ...(old?._source ?? {}),
        repository: `https://github.com/${slug}`,
        tags: "release tags vX, vX.Y, vX.Y.Z of the repository, each to its commit (annotated tags peeled)",
        refs: `facts of action.yml at each ref's commit: https://github.com/${slug}/blob/<commit>/action.yml`,
        retrieved,
      },
      tags,
      annotated,
      refs,
    };
    const moved = Object.keys(tags).filter((tag) => old?.tags[tag] !== undefined && old.tags[tag] !== tags[tag]);
    const added = Object.keys(tags).filter((tag) => old?.tags[tag] === undefined);
    results.push({ slug, data, line: `${slug}: ${Object.keys(tags).length} release tags (${added.length} new, ${moved.length} moved${moved.length ? `: ${moved.join(", ")}` : ""}), majors ${majors.join(", ")}` });
  }
  for (const { slug, data } of results) {
    mkdirSync(fileURLToPath(new URL(`${slug.split("/")[0]}/`, dir)), { recursive: true });
    writeActionData(slug, data, dir);
  }
  return results.map((result) => result.line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: pnpm refresh-actions [owner/repo ...]   (then pnpm generate)");
    process.exit(0);
  }
  const flag = args.find((arg) => arg.startsWith("-"));
  if (flag) {
    console.error(`pnpm refresh-actions: unknown option ${flag}; usage: pnpm refresh-actions [owner/repo ...]`);
    process.exit(2);
  }
  try {
    for (const line of await refreshActions({ slugs: args })) console.log(line);
    console.log("now run `pnpm generate` to regenerate the bindings, the action table and the offline catalog");
  } catch (error) {
    if (!(error instanceof RefreshError)) throw error;
    console.error(`pnpm refresh-actions: ${error.message}`);
    process.exit(1);
  }
}

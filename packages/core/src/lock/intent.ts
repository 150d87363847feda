/**
 * What a `uses:` value (or a container image) asks for. Source code states an intent
 * (`docker/build-push-action@v7`); the lockfile says which commit that is. Local actions (`./path`, and
 * GitHub's `$/path` self-repository form) come from the workflow's own repository and are never pinned.
 */
import { COMMIT_SHA, IMAGE_DIGEST } from "./schema.ts";

/** A remote action or reusable workflow: `owner/repo[/path]@ref`. */
export interface RemoteIntent {
  kind: "action" | "reusable";
  owner: string;
  repo: string;
  /** The folder of the action (`init` in `github/codeql-action/init`), or the workflow file's path. */
  path?: string;
  ref: string;
  /** `owner/repo[/path]`: everything before the `@`. */
  name: string;
  /** `owner/repo[/path]@ref`: the key of its lock entry. */
  key: string;
}

/** A container image reference, `[registry/]name[:tag][@sha256:digest]`. */
export interface ImageRef {
  /** Everything before the tag and digest, e.g. `ghcr.io/acme/app`. */
  name: string;
  tag?: string;
  digest?: string;
  /** `name:tag` (`latest` when no tag is given): the key of its lock entry. */
  key: string;
}

/** A `uses:` value, read. */
export type UsesIntent = RemoteIntent | { kind: "docker"; image: ImageRef } | { kind: "local"; path: string };

// A reusable workflow lives in `.github/workflows/` of its repository; anything else with a path is an
// action in a subfolder.
const WORKFLOW_PATH = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const REMOTE = /^([^/@\s]+)\/([^/@\s]+)(?:\/([^@\s]+))?@([^@\s]+)$/;

/** The intent of a `uses:` value, or undefined when it is not one wfgen can read (an expression, a typo). */
export function parseUses(uses: string): UsesIntent | undefined {
  if (uses.startsWith("./") || uses.startsWith("$/")) return { kind: "local", path: uses };
  if (uses.startsWith("docker://")) {
    const image = parseImage(uses.slice("docker://".length));
    return image && { kind: "docker", image };
  }
  if (uses.includes("${{")) return undefined;
  const match = REMOTE.exec(uses);
  if (!match) return undefined;
  const [, owner, repo, path, ref] = match as unknown as [string, string, string, string | undefined, string];
  const name = path === undefined ? `${owner}/${repo}` : `${owner}/${repo}/${path}`;
  return {
    kind: path !== undefined && WORKFLOW_PATH.test(path) ? "reusable" : "action",
    owner,
    repo,
    ...(path !== undefined && { path }),
    ref,
    name,
    key: `${name}@${ref}`,
  };
}

/** Whether a ref is a full commit SHA in the form pins take: 40 lowercase hex digits. */
export function isCommitSha(ref: string): boolean {
  return COMMIT_SHA.test(ref);
}

/**
 * Whether a ref already names a commit in full (in any case), so there is nothing to resolve. An uppercase
 * SHA is still a pin; the `unpinned-uses` rule asks for lowercase, which Dependabot and Renovate read.
 */
export function isFullSha(ref: string): boolean {
  return /^[0-9a-fA-F]{40}$/.test(ref);
}

const IMAGE = /^([^\s@]+?)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-fA-F]+))?$/;

/**
 * An image reference, read as Docker does: the tag follows the last `:` after the last `/` (a `:` before
 * it is a registry port, as in `localhost:5000/app`). Undefined for expressions and malformed text.
 */
export function parseImage(image: string): ImageRef | undefined {
  if (image === "" || image.includes("${{")) return undefined;
  const match = IMAGE.exec(image);
  if (!match) return undefined;
  const [, name, tag, digest] = match as unknown as [string, string, string | undefined, string | undefined];
  if (name.endsWith("/") || name.endsWith(":")) return undefined;
  return {
    name,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
    key: `${name}:${tag ?? "latest"}`,
  };
}

/** Whether an image reference already names a digest in the form a pin takes. */
export function hasDigest(image: ImageRef): boolean {
  return image.digest !== undefined && IMAGE_DIGEST.test(image.digest);
}

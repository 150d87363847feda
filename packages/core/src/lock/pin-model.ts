/**
 * Pinning, the step between validation and the emitter: every remote `uses:` becomes
 * `owner/repo[/path]@<commit sha>` with its tag as the line's comment, from the lockfile alone. An intent
 * the lock lacks is an error that says to run `wfgen pin`; the build never guesses and never goes online.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { hasDigest, isFullSha, parseImage, parseUses, type ImageRef } from "./intent.ts";
import { isUnpinned, LOCK_FILE, type Lock } from "./schema.ts";
import { pinSites, type ModelPath, type PinSite } from "./sites.ts";

/** A comment the emitter writes after the value at `path` (`uses: x@sha # v7.3.0`). */
export interface PinComment {
  path: ModelPath;
  /** The tag, without the `# `. */
  text: string;
}

/** The pinned model, the comments to write beside the pins, and the intents the lock lacks. */
export interface PinResult {
  /** A copy of the model with pinned values; the input is not changed. */
  model: Record<string, unknown>;
  comments: PinComment[];
  diagnostics: Diagnostic[];
}

interface Pinned {
  value: string;
  comment?: string;
  problem?: Diagnostic;
}

/**
 * Pin every remote `uses:` of a workflow model from `lock`. Steps and reusable-workflow jobs get the
 * commit SHA; `docker://` steps and `container`/`services` images get a `@sha256:` digest when the lock
 * has one (images without an entry stay as written). Local actions are left alone, and so are refs that
 * are already commit SHAs and intents whose entry is the `unpinned` opt-out.
 */
export function pinModel(model: Record<string, unknown>, lock: Lock, workflow = ""): PinResult {
  let out = model;
  const comments: PinComment[] = [];
  const diagnostics: Diagnostic[] = [];
  const copies = new Set<object>();
  for (const site of pinSites(model, workflow)) {
    const pinned = site.kind === "uses" ? pinUses(site, lock) : pinImage(site.value, lock, "");
    if (pinned.problem) diagnostics.push(pinned.problem);
    if (pinned.value !== site.value) out = setAt(out, site.path, pinned.value, copies);
    if (pinned.comment !== undefined) comments.push({ path: site.path, text: pinned.comment });
  }
  return { model: out, comments, diagnostics };
}

function pinUses(site: PinSite, lock: Lock): Pinned {
  const intent = parseUses(site.value);
  if (intent === undefined || intent.kind === "local") return { value: site.value };
  if (intent.kind === "docker") return pinImage(site.value.slice("docker://".length), lock, "docker://");
  const entry = lock.actions[intent.key];
  if (isFullSha(intent.ref)) {
    // Already pinned in the source; the lock may still know its tag (wfgen sync records it).
    return entry && !isUnpinned(entry) && entry.sha === intent.ref
      ? { value: site.value, comment: entry.tag }
      : { value: site.value };
  }
  if (entry === undefined) {
    const what = intent.kind === "reusable" ? "reusable workflow" : "action";
    return {
      value: site.value,
      problem: {
        severity: "error",
        code: "missing-pin",
        message: `the ${what} "${intent.key}" has no entry in ${LOCK_FILE}, so wfgen cannot pin it to a commit SHA`,
        fix: `run \`npx wfgen pin\` to resolve it and record it in ${LOCK_FILE}`,
        where: { ...site.where, path: site.path },
      },
    };
  }
  if (isUnpinned(entry)) return { value: site.value };
  return { value: `${intent.name}@${entry.sha}`, comment: entry.tag };
}

function pinImage(text: string, lock: Lock, prefix: string): Pinned {
  const image: ImageRef | undefined = parseImage(text);
  const value = `${prefix}${text}`;
  if (image === undefined || hasDigest(image)) return { value };
  const entry = lock.images?.[image.key];
  if (entry === undefined) return { value };
  // `name@digest`, with the tag in the comment: Docker ignores a tag written beside a digest, so keeping
  // it in the reference would only suggest that it still matters.
  return { value: `${prefix}${image.name}@${entry.digest}`, comment: image.tag ?? "latest" };
}

/**
 * A copy of `root` with the value at `path` replaced; only the objects along the path are copied, each once:
 * one in `copies` (made by an earlier call for the same model) is changed in place. Copying the workflow,
 * its jobs and their steps again for every pin of a job was most of pinning's garbage.
 */
function setAt(root: Record<string, unknown>, path: ModelPath, value: unknown, copies: Set<object>): Record<string, unknown> {
  const copy = (node: unknown, depth: number): unknown => {
    if (depth === path.length) return value;
    const key = path[depth]!;
    const source = node as Record<string | number, unknown>;
    const next = (copies.has(source) ? source : Array.isArray(source) ? source.slice() : { ...source }) as Record<string | number, unknown>;
    copies.add(next);
    next[key] = copy(source[key], depth + 1);
    return next;
  };
  return copy(root, 0) as Record<string, unknown>;
}

/**
 * What `wfgen add` binds: the commit its intent is pinned to (from the lock, else resolved as `wfgen pin`
 * resolves it) and the action's metadata at that commit (fetched from GitHub, or read from `--from`).
 * Failures are CliErrors (exit 2) that say what to do.
 */
import { basename, resolve } from "node:path";
import { isFullSha, type Lock, type LockedAction } from "@wfgen/core";
import { CliError } from "../errors.ts";
import { chooseResolver } from "../github/choose.ts";
import { ResolveError, type Resolution, type Resolver } from "../github/resolver.ts";
import type { IO } from "../io.ts";
import { readBoundedText } from "../fs/read-bounded.ts";
import { displayPath } from "../paths.ts";

/** The parts of the intent being added. */
export interface AddIntent {
  owner: string;
  repo: string;
  path?: string | undefined;
  ref: string;
  /** `owner/repo[/path]`. */
  name: string;
  /** `owner/repo[/path]@ref`: the lock key and the binding's `uses:`. */
  key: string;
}

/** The commit an intent stands for, and where that came from. */
export interface Pin {
  /** The commit, when known (an `unpinned` opt-out, or a failed resolution with `--from`, has none). */
  sha: string | undefined;
  tag: string | undefined;
  /** A new lock entry to record; undefined when the lock already has one (or none can be made). */
  entry: (Resolution & { resolvedAt: string }) | undefined;
  /** Who answered: GitHub's API, the catalog, wfgen.lock.json, or the intent itself (a commit SHA). */
  source: string;
}

/** The action's metadata, and where it was read. */
export interface ActionYml {
  text: string;
  /** The file's name in the repository, for the binding's link. */
  file: string;
  /** Where it came from, for messages: `acme/greet@<sha>` or the `--from` path. */
  display: string;
  /** The commit it was fetched at; undefined when it was read from `--from`. */
  sha: string | undefined;
}

/** How `add` reaches GitHub. */
export interface Remote {
  resolver: Resolver;
  /** Whether the answers come from the offline catalog (by `--offline` or after a network failure). */
  catalogOnly(): boolean;
}

/** The resolver of `pin` (GitHub's API, the catalog when the network is down; only the catalog offline). */
export function remote(io: IO, offline: boolean, note: (text: string) => void): Remote {
  let fellBack = offline;
  const resolver = chooseResolver(io, offline, (text) => {
    fellBack = true;
    note(text);
  });
  return { resolver, catalogOnly: () => fellBack };
}

/**
 * The pin of `intent`: the lock's entry when it has one (the binding then matches what the build pins),
 * the SHA itself for a SHA ref, else a resolution. With `--from` (`lenient`), a resolution that could not
 * reach GitHub, or that the catalog cannot answer, leaves the lock alone with a note instead of failing.
 */
export async function pinOf(
  intent: AddIntent,
  lock: Lock,
  remote: Remote,
  options: { lenient: boolean; note: (text: string) => void; lockDisplay: string },
): Promise<Pin> {
  const existing: LockedAction | undefined = lock.actions[intent.key];
  if (existing && "sha" in existing) {
    return { sha: existing.sha, tag: existing.tag, entry: undefined, source: options.lockDisplay };
  }
  if (isFullSha(intent.ref))
    return { sha: intent.ref.toLowerCase(), tag: undefined, entry: undefined, source: "the intent" };
  const optedOut = existing !== undefined;
  try {
    const resolution = await remote.resolver.resolve({ kind: "action", ...intent });
    return {
      sha: resolution.sha,
      tag: resolution.tag,
      // An opt-out (`unpinned`) is the user's decision; add reads the commit but does not replace it.
      entry: optedOut ? undefined : { ...resolution, resolvedAt: new Date().toISOString() },
      source: remote.resolver.source,
    };
  } catch (error) {
    if (!(error instanceof ResolveError)) throw error;
    if (options.lenient && (error.kind === "network" || error.kind === "not-in-catalog")) {
      options.note(
        `${intent.key} could not be resolved (${error.message}); the binding is written from --from, and ` +
          `${options.lockDisplay} is left alone. Run \`npx wfgen pin\` with network access to pin it.`,
      );
      return { sha: undefined, tag: undefined, entry: undefined, source: remote.resolver.source };
    }
    throw resolveFailed(intent, error);
  }
}

/** The metadata from `--from`, relative to the repository root. */
export function readFrom(from: string, root: string, cwd: string, maxFileBytes: number): ActionYml {
  const path = resolve(root, from);
  const display = displayPath(path, cwd);
  try {
    const text = readBoundedText(path, maxFileBytes);
    const name = basename(path);
    return { text, file: name === "action.yaml" ? name : "action.yml", display, sha: undefined };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError("from-not-found", `--from ${from}: cannot read ${display} (${why}).`);
  }
}

/** The metadata at the pinned commit, fetched through the resolver (`action.yml`, else `action.yaml`). */
export async function fetchActionYml(intent: AddIntent, pin: Pin, remote: Remote): Promise<ActionYml> {
  const fix = `pass the action's metadata with --from <path/to/action.yml>`;
  if (pin.sha === undefined) {
    throw new CliError(
      "no-commit",
      `${intent.key} is not pinned to a commit in wfgen.lock.json, so wfgen cannot fetch its action.yml.`,
      {
        details: [`Fix: ${fix}, or remove the "unpinned" opt-out of ${intent.key} and run the command again.`],
      },
    );
  }
  let text: string | undefined;
  try {
    text = await remote.resolver.actionYml(intent.owner, intent.repo, intent.path, pin.sha);
  } catch (error) {
    if (!(error instanceof ResolveError)) throw error;
    throw resolveFailed(intent, error);
  }
  const at = `${intent.owner}/${intent.repo}@${pin.sha}`;
  const folder = intent.path ? ` in ${intent.path}/` : "";
  if (text === undefined && remote.catalogOnly()) {
    throw new CliError(
      "no-action-yml",
      `${remote.resolver.source} pins ${intent.key} but has no action.yml to generate a binding from.`,
      {
        details: [`Fix: run \`npx wfgen add ${intent.key}\` with network access, or ${fix}.`],
      },
    );
  }
  if (text === undefined) {
    throw new CliError(
      "no-action-yml",
      `${at} has no action.yml or action.yaml${folder}: it is not an action${pin.tag ? ` (${pin.tag})` : ""}.`,
      {
        details: [
          intent.path
            ? `Fix: check the folder of the action in ${intent.key}, or ${fix}.`
            : `Fix: for an action in a subfolder, name it: ${intent.name}/<folder>@${intent.ref}; or ${fix}.`,
        ],
      },
    );
  }
  return { text, file: "action.yml", display: `${at}${intent.path ? `/${intent.path}` : ""}`, sha: pin.sha };
}

function resolveFailed(intent: AddIntent, error: ResolveError): CliError {
  // pin's fixes talk about workflows.ts; here the intent is on the command line.
  const fix =
    error.kind === "no-tag"
      ? `name a release tag, for example: npx wfgen add ${intent.name}@v1`
      : error.kind === "not-found"
        ? "check the owner and name of the action" +
          (error.message.includes("no token") ? "; for a private repository set GITHUB_TOKEN or GH_TOKEN" : "")
        : error.kind === "not-in-catalog"
          ? `run \`npx wfgen add ${intent.key}\` with network access (without --offline)`
          : error.fix?.replace("npx wfgen pin --offline", `npx wfgen add ${intent.key} --offline --from <action.yml>`);
  return new CliError(`resolve-${error.kind}`, `cannot resolve ${intent.key}: ${error.message}.`, {
    details: fix ? [`Fix: ${fix}`] : [],
  });
}

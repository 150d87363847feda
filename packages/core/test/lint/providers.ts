/**
 * Capabilities for lint tests, built from the shared reference data: action metadata from
 * shared/data/actions/<owner>/<repo>/<ref>/action.yml (one file per major tag, plus a few commits), with
 * action-tags.json to find the release of a bare SHA.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { ActionMetadata, ActionMetadataProvider } from "../../src/rules/types.ts";
import { sharedData } from "../shared-data.ts";

/** Action metadata from the shared data folder, looked up by the exact ref, else by its major version. */
export function sharedActionMetadata(): ActionMetadataProvider {
  const root = sharedData("actions");
  const tags = JSON.parse(readFileSync(sharedData("action-tags.json"), "utf8")) as Record<string, Record<string, string>>;
  const cache = new Map<string, ActionMetadata | undefined>();
  return (action, ref) => {
    const parts = action.toLowerCase().split("/");
    if (parts.length !== 2) return undefined;
    const repo = parts.join("/");
    const candidates = [ref];
    const major = /^v?(\d+)(?:\.\d+){0,2}$/.exec(ref)?.[1];
    if (major !== undefined) candidates.push(`v${major}`);
    if (/^[0-9a-f]{40}$/.test(ref)) {
      // The release a commit belongs to: the most specific tag pointing at it.
      const tag = Object.entries(tags[repo] ?? {})
        .filter(([, sha]) => sha === ref)
        .map(([name]) => name)
        .sort((a, b) => b.length - a.length)[0];
      const tagMajor = tag === undefined ? undefined : /^v?(\d+)/.exec(tag)?.[1];
      if (tagMajor !== undefined) candidates.push(`v${tagMajor}`);
    }
    for (const candidate of candidates) {
      const file = join(root, repo, candidate, "action.yml");
      if (!existsSync(file)) continue;
      if (!cache.has(file)) cache.set(file, read(file));
      return cache.get(file);
    }
    return undefined;
  };
}

function read(file: string): ActionMetadata {
  const doc = parse(readFileSync(file, "utf8")) as { inputs?: Record<string, { required?: unknown; default?: unknown } | null>; runs?: { using?: string } };
  const inputs: ActionMetadata["inputs"] = {};
  for (const [name, input] of Object.entries(doc.inputs ?? {})) {
    inputs[name] = {
      required: input?.required === true || input?.required === "true",
      ...(input?.default !== undefined && input?.default !== null ? { default: String(input.default) } : {}),
    };
  }
  return { inputs, ...(doc.runs?.using ? { using: doc.runs.using } : {}) };
}

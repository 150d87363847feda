/**
 * Capabilities for lint tests, built from the repository's action facts: data/actions/<owner>/<repo>.json
 * (per major tag, plus a few commits, the facts of action.yml), with its tag table to find the release of a
 * bare SHA.
 */
import { readAllActionData } from "../../../actions/scripts/data.mjs";
import type { ActionMetadata, ActionMetadataProvider } from "../../src/rules/types.ts";

/** Action metadata from data/actions, looked up by the exact ref, else by its major version. */
export function dataActionMetadata(): ActionMetadataProvider {
  const data = readAllActionData();
  const cache = new Map<string, ActionMetadata>();
  return (action, ref) => {
    const parts = action.toLowerCase().split("/");
    if (parts.length !== 2) return undefined;
    const repo = parts.join("/");
    const facts = data[repo];
    if (facts === undefined) return undefined;
    const candidates = [ref];
    const major = /^v?(\d+)(?:\.\d+){0,2}$/.exec(ref)?.[1];
    if (major !== undefined) candidates.push(`v${major}`);
    if (/^[0-9a-f]{40}$/.test(ref)) {
      // The release a commit belongs to: the most specific tag pointing at it.
      const tag = Object.entries(facts.tags)
        .filter(([, sha]) => sha === ref)
        .map(([name]) => name)
        .sort((a, b) => b.length - a.length)[0];
      const tagMajor = tag === undefined ? undefined : /^v?(\d+)/.exec(tag)?.[1];
      if (tagMajor !== undefined) candidates.push(`v${tagMajor}`);
    }
    for (const candidate of candidates) {
      const at = facts.refs[candidate];
      if (at === undefined) continue;
      const key = `${repo}@${candidate}`;
      if (!cache.has(key)) {
        const inputs: ActionMetadata["inputs"] = {};
        for (const [name, input] of Object.entries(at.inputs)) {
          inputs[name] = { required: input.required === true, ...(input.default !== undefined && { default: String(input.default) }) };
        }
        cache.set(key, { inputs, ...(at.using !== undefined && { using: at.using }) });
      }
      return cache.get(key);
    }
    return undefined;
  };
}

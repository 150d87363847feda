/**
 * The metadata a step's action is checked against. For a SHA pin the `# vX.Y.Z` comment names the release,
 * so the metadata of that version is used (actionlint cannot check SHA-pinned steps); the SHA itself is
 * tried next, for providers that know commits.
 */
import { commentTag } from "./pin.ts";
import type { ActionMetadata, StepContext } from "./types.ts";
import { isCommitSha } from "./util.ts";

export function stepActionMetadata(context: StepContext): { metadata: ActionMetadata; action: string; version: string } | undefined {
  const { step } = context;
  const provider = context.capabilities.actions;
  if (!provider || step.uses?.kind !== "action" || step.uses.ref === undefined) return undefined;
  const { name, ref } = step.uses;
  const tries: string[] = [];
  if (isCommitSha(ref)) {
    const path = [...step.path, "uses"];
    const tag = context.source ? commentTag(context.source, path) : context.versionComment?.(path);
    if (tag !== undefined) tries.push(tag);
  }
  tries.push(ref);
  for (const version of tries) {
    const metadata = provider(name, version);
    if (metadata) return { metadata, action: name, version };
  }
  return undefined;
}

/** The action's inputs by lowercase name (GitHub matches input names without case). */
export function inputsByLowerName(metadata: ActionMetadata): Map<string, string> {
  return new Map(Object.keys(metadata.inputs).map((name) => [name.toLowerCase(), name]));
}

/** `v4.2.2`, or `at commit 65b78e6e1353` for a SHA. */
export function versionLabel(version: string): string {
  return isCommitSha(version) ? `at commit ${version.slice(0, 12)}` : version;
}

/**
 * The intents `wfgen pin` works from: every remote action and reusable workflow a workflow uses, with
 * where it is used. Refs that are already full SHAs are listed too (a lock entry may give them their tag
 * comment, and pin must not drop it as unused) though there is nothing to resolve; local actions are not.
 * Images without a digest are listed, so the CLI can say which ones stay unpinned.
 */
import type { Location } from "../diagnostics.ts";
import { isWorkflowDefinition } from "../dsl/brand.ts";
import { lowerWorkflow } from "../dsl/lower.ts";
import type { WorkflowDefinition } from "../dsl/workflow.ts";
import { hasDigest, parseImage, parseUses, type ImageRef, type RemoteIntent } from "./intent.ts";
import { pinSites, type ModelPath } from "./sites.ts";

/** One use of an intent. */
export type IntentUse =
  | { kind: "remote"; intent: RemoteIntent; path: ModelPath; where: Location }
  | { kind: "image"; image: ImageRef; path: ModelPath; where: Location };

/** Every intent of one workflow model that a lock entry could pin or annotate, in document order. */
export function collectIntents(model: Record<string, unknown>, workflow = ""): IntentUse[] {
  const uses: IntentUse[] = [];
  for (const site of pinSites(model, workflow)) {
    const { path, where } = site;
    if (site.kind === "image") {
      const image = parseImage(site.value);
      if (image && !hasDigest(image)) uses.push({ kind: "image", image, path, where });
      continue;
    }
    const intent = parseUses(site.value);
    if (intent?.kind === "docker") {
      if (!hasDigest(intent.image)) uses.push({ kind: "image", image: intent.image, path, where });
    } else if (intent?.kind === "action" || intent?.kind === "reusable") {
      uses.push({ kind: "remote", intent, path, where });
    }
  }
  return uses;
}

/**
 * The intents of every workflow a `workflows.ts` exports (its module's entries, as the CLI loads them).
 * Workflows are lowered without pinning; lowering problems are the build's to report, not pin's.
 */
export function collectWorkflowIntents(entries: Array<{ exportName: string; value: unknown }>): IntentUse[] {
  const seen = new Set<unknown>();
  const uses: IntentUse[] = [];
  for (const { value } of entries) {
    if (!isWorkflowDefinition(value) || seen.has(value)) continue;
    seen.add(value);
    const definition = value as WorkflowDefinition;
    uses.push(...collectIntents(lowerWorkflow(definition).model, definition.file));
  }
  return uses;
}

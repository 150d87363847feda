/**
 * Reusable workflows. A called workflow's token is the caller's, downgraded, never raised: each nested job
 * requests its own block, and GitHub refuses to start it when the calling job grants less ("nested job
 * 'build' is requesting 'attestations: write', but is only allowed 'attestations: none'"). So a calling
 * job must grant the union of what the called workflow's jobs request. wfgen can know that when the same
 * render produces the called workflow (`uses: ./.github/workflows/build.yml`).
 */
import type { PermissionScope } from "../facts/index.ts";
import type { Permissions } from "../model/index.ts";
import type { StepNeed } from "./needs.ts";
import { acceptsLevel, grantedLevel, SCOPES_IN_DOC_ORDER, showGrant } from "./scopes.ts";
import { stepName } from "./verify.ts";

/** What one job of a called workflow requests, and why (its own needs, as the engine found them). */
export interface NestedJob {
  job: string;
  /** The block GitHub sees the job request: its own, or its workflow's. */
  requests: Permissions;
  needs: readonly StepNeed[];
}

/** A called workflow as the caller sees it. */
export interface Callee {
  /** Output file name, e.g. `build.yml`. */
  file: string;
  jobs: readonly NestedJob[];
}

/** Finds the workflow a `uses:` calls among the ones being rendered; undefined when it is not one of them. */
export type CalleeResolver = (uses: string) => Callee | undefined;

/** The output file a local reusable-workflow reference points at (`./.github/workflows/build.yml` -> `build.yml`). */
export function localWorkflowFile(uses: string): string | undefined {
  const m = /^\.\/\.github\/workflows\/([^/@]+\.ya?ml)$/.exec(uses.trim());
  return m?.[1];
}

/**
 * The callee's requests as needs of the calling job: one per nested job and scope, labelled with the nested
 * job, the reason naming the step behind it (or the nested job's own explicit block).
 */
export function calleeNeeds(callee: Callee): StepNeed[] {
  const out: StepNeed[] = [];
  for (const nested of callee.jobs) {
    for (const scope of SCOPES_IN_DOC_ORDER) {
      const level = grantedLevel(nested.requests, scope);
      if (level === "none" || !acceptsLevel(scope, level)) continue;
      out.push({
        scope,
        level,
        reason: reasonFor(nested, scope, level),
        step: -1,
        label: `job "${nested.job}" of ${callee.file}`,
      });
    }
  }
  return out;
}

function reasonFor(nested: NestedJob, scope: PermissionScope, level: string): string {
  const behind = nested.needs.filter((n) => n.scope === scope && n.level === level);
  if (behind.length === 0) return `its permissions ask for ${showGrant(scope, level)}`;
  const first = behind[0]!;
  return `${stepName(first)} ${first.reason}`;
}

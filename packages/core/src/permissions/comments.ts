/**
 * Optional YAML comments that give the reason for each granted scope, next to the scope:
 * `packages: write # step "push": pushes the image to ghcr.io with GITHUB_TOKEN`. Off by default: they make
 * the YAML longer, and `wfgen explain` answers the same question on demand.
 */
import type { WorkflowPermissions } from "./plan.ts";

/** One comment per granted scope of every job that has its own block, for the emitter. */
export function permissionComments(plan: WorkflowPermissions): Array<{ path: string[]; text: string }> {
  const comments: Array<{ path: string[]; text: string }> = [];
  for (const job of plan.jobs) {
    if (typeof job.granted !== "object" || job.granted === null) continue;
    for (const scope of Object.keys(job.granted)) {
      const because = job.needs.filter((n) => n.scope === scope);
      if (because.length === 0) continue;
      // Name the step that needs the granted level (a write), not the first that merely reads.
      const level = (job.granted as Record<string, string>)[scope];
      const first =
        because.find((n) => n.level === level && n.via === undefined) ?? because.find((n) => n.level === level) ?? because[0]!;
      const more = because.length > 1 ? ` (and ${because.length - 1} more)` : "";
      const text = `step ${first.label}: ${first.reason}${more}`.replace(/\s+/g, " ").trim();
      comments.push({ path: ["jobs", job.job, "permissions", scope], text });
    }
  }
  return comments;
}

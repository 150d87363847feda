// A cache is shared across runs of the repository, including runs that build less trusted code; a job that
// restores one and then publishes (an image, a package, an attestation) can ship whatever was poisoned
// into the cache. Publishing jobs should build from a clean state.
import { defineRule, type ModelPath, type StepView } from "./types.ts";
import { isFalse, isTrue, scalarText } from "./util.ts";

const PUBLISH_ACTIONS = new Set([
  "actions/attest-build-provenance",
  "actions/attest",
  "actions/attest-sbom",
  "pypa/gh-action-pypi-publish",
  "softprops/action-gh-release",
]);
const PUBLISH_COMMAND = /\b(?:(?:npm|yarn|pnpm)\s+publish|docker\s+(?:image\s+)?push|twine\s+upload|cargo\s+publish|gh\s+release\s+(?:create|upload)|dotnet\s+nuget\s+push|mvn\s+deploy|gradle\s+publish)\b/;
// setup-* actions that restore a package-manager cache when their cache input is set.
const SETUP_WITH_CACHE = /^actions\/setup-(?:node|python|go|java|dotnet)$|^ruby\/setup-ruby$/;

/** Why the job publishes (the first step that does), or undefined. */
function publisher(steps: readonly StepView[]): string | undefined {
  for (const step of steps) {
    const name = step.uses?.kind === "action" ? step.uses.name.toLowerCase() : undefined;
    if (name === "docker/build-push-action") {
      const push = step.with.push;
      if (isTrue(push)) return `step ${step.label} pushes an image (docker/build-push-action with push: true)`;
      // push: ${{ github.event_name != 'pull_request' }} still publishes on the runs that matter.
      if (typeof push === "string" && push.includes("${{")) return `step ${step.label} pushes an image when ${push.trim()} is true`;
    }
    if (name !== undefined && PUBLISH_ACTIONS.has(name)) return `step ${step.label} publishes with ${name}`;
    const command = step.run === undefined ? undefined : PUBLISH_COMMAND.exec(step.run)?.[0];
    if (command) return `step ${step.label} runs "${command}"`;
  }
  return undefined;
}

/** Where the step restores a cache, with what, or undefined. */
function cacheRestore(step: StepView): { path: ModelPath; what: string } | undefined {
  if (step.uses?.kind !== "action") return undefined;
  const name = step.uses.name.toLowerCase();
  if (name === "actions/cache" || name === "actions/cache/restore") return { path: [...step.path, "uses"], what: `${step.uses.name} restores a cache` };
  if (SETUP_WITH_CACHE.test(name)) {
    for (const key of ["cache", "bundler-cache"]) {
      const value = step.with[key];
      if (value === undefined || value === "" || isFalse(value)) continue;
      return { path: [...step.path, "with", key], what: `${step.uses.name} restores the ${scalarText(value) ?? key} cache (${key}: ${scalarText(value)})` };
    }
  }
  const cacheFrom = scalarText(step.with["cache-from"]);
  if (cacheFrom !== undefined && /type\s*=\s*gha\b/.test(cacheFrom)) {
    return { path: [...step.path, "with", "cache-from"], what: `${step.uses.name} imports build layers from the Actions cache (cache-from: type=gha)` };
  }
  return undefined;
}

export const cacheInPublishJob = defineRule({
  id: "cache-in-publish-job",
  severity: "warning",
  confidence: "medium",
  summary: "A job that publishes (push: true, npm publish, docker push, attestations) restores a cache.",
  fix: "Build publishing jobs without caches: drop actions/cache and setup-* cache inputs, and cache-from: type=gha.",
  visits: ["job"],
  check(context) {
    const { job } = context;
    const publishes = publisher(job.steps);
    if (publishes === undefined) return;
    for (const step of job.steps) {
      const restore = cacheRestore(step);
      if (!restore) continue;
      context.report({
        path: restore.path,
        message: `${restore.what} in job "${job.id}", which publishes (${publishes}); a cache written by a less trusted run can end up in what is published`,
        fix: "remove the cache from this job (keep it in test jobs), so that what is published is built from a clean state",
      });
    }
  },
});

// A cache is shared across runs of the repository, including runs that build less trusted code; a job that
// restores one and then publishes (an image, a package, an attestation) can ship whatever was poisoned
// into the cache. Publishing jobs, and every job of a workflow that runs on a release or a tag, should
// build from a clean state. Some actions restore a cache unless told not to: they count as restores.
import { defineRule, type ModelPath, type StepView, type WorkflowView } from "./types.ts";
import { asObject, isFalse, isTrue, scalarText } from "./util.ts";

const PUBLISH_ACTIONS = new Set([
  "actions/attest-build-provenance",
  "actions/attest",
  "actions/attest-sbom",
  "pypa/gh-action-pypi-publish",
  "softprops/action-gh-release",
  "goreleaser/goreleaser-action",
  "js-devtools/npm-publish",
  "rubygems/release-gem",
]);
const PUBLISH_COMMAND =
  /\b(?:(?:npm|yarn|pnpm)\s+publish|yarn\s+npm\s+publish|docker\s+(?:image\s+)?push|twine\s+upload|cargo\s+publish|gh\s+release\s+(?:create|upload)|dotnet\s+nuget\s+push|mvn\s+deploy|gradle\s+publish|(?:poetry|uv|hatch|flit)\s+publish|gem\s+push|goreleaser\s+release|changeset\s+publish|vsce\s+publish|ovsx\s+publish)\b/;
// setup-* actions that restore a package-manager cache when their cache input is set.
const SETUP_WITH_CACHE = /^actions\/setup-(?:node|python|java|dotnet)$|^ruby\/setup-ruby$/;
// Actions that restore a cache unless an input turns it off: the input, and what they cache.
// `since`: the first major version that caches by default (a SHA pin is taken to be a recent one).
const CACHE_BY_DEFAULT: Record<string, { input: string; what: string; since?: number }> = {
  "actions/setup-go": { input: "cache", what: "the Go module and build cache", since: 4 },
  "swatinem/rust-cache": { input: "", what: "the Cargo registry and target folder" },
  "astral-sh/setup-uv": { input: "enable-cache", what: "the uv cache", since: 6 },
  "docker/setup-buildx-action": { input: "cache-binary", what: "the buildx binary itself" },
  "mozilla-actions/sccache-action": { input: "", what: "compiler outputs (sccache)" },
  "jdx/mise-action": { input: "cache", what: "the installed tools" },
};

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
function cacheRestore(step: StepView): { path: ModelPath; what: string; off?: string } | undefined {
  if (step.uses?.kind !== "action") return undefined;
  const name = step.uses.name.toLowerCase();
  if (name === "actions/cache" || name === "actions/cache/restore") return { path: [...step.path, "uses"], what: `${step.uses.name} restores a cache` };
  const byDefault = CACHE_BY_DEFAULT[name];
  if (byDefault) {
    const value = byDefault.input === "" ? undefined : step.with[byDefault.input];
    // An empty string turns it off like false does.
    if (value === "" || isFalse(value)) return undefined;
    const major = /^v?(\d+)(?:\.|$)/.exec(step.uses.ref ?? "")?.[1];
    if (value === undefined && byDefault.since !== undefined && major !== undefined && Number(major) < byDefault.since) return undefined;
    const set = value === undefined ? "by default" : `${byDefault.input}: ${scalarText(value)}`;
    const off = byDefault.input === "" ? `remove ${step.uses.name} from this job` : `set ${byDefault.input}: false on ${step.uses.name}`;
    return { path: value === undefined ? [...step.path, "uses"] : [...step.path, "with", byDefault.input], what: `${step.uses.name} restores ${byDefault.what} (${set})`, off };
  }
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
  summary: "A job that publishes (push: true, npm publish, docker push, attestations), or any job of a release or tag workflow, restores a cache.",
  fix: "Build publishing jobs without caches: drop actions/cache and setup-* cache inputs, cache-from: type=gha, and turn off caches that are on by default.",
  visits: ["job"],
  check(context) {
    const { job, workflow } = context;
    const publishes = publisher(job.steps) ?? releaseTrigger(workflow);
    if (publishes === undefined) return;
    for (const step of job.steps) {
      const restore = cacheRestore(step);
      if (!restore) continue;
      context.report({
        path: restore.path,
        message: `${restore.what} in job "${job.id}", which publishes (${publishes}); a cache written by a less trusted run can end up in what is published`,
        fix: `${restore.off ?? "remove the cache from this job"} (keep caches in test jobs), so that what is published is built from a clean state`,
      });
    }
  },
});

// A workflow that runs only for releases or tags: whatever its jobs build is the release.
function releaseTrigger(workflow: WorkflowView): string | undefined {
  if (workflow.events.has("release")) return "the workflow runs on release";
  if (!workflow.events.has("push") || [...workflow.events.keys()].some((event) => event !== "push" && event !== "workflow_dispatch")) return undefined;
  const push = asObject(workflow.events.get("push"));
  if (push.tags !== undefined && push.branches === undefined && push["branches-ignore"] === undefined) return "the workflow runs when a tag is pushed";
  return undefined;
}

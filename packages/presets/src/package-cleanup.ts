/**
 * `packageCleanup`: delete old versions of a package in GitHub Packages through the REST API, with
 * GITHUB_TOKEN. Keeps the newest `keep` versions and, unless asked, every version that still has a tag.
 * GitHub only lets a workflow delete versions when its repository has the admin role on the package
 * (a repository that published the package gets it automatically).
 */
import { job, step, workflow, type JobDefinition, type WorkflowDefinition, type WorkflowInput } from "@wfgen/core/dsl";

/** Options of {@link packageCleanup}. */
export interface PackageCleanupOptions {
  /** The package name (for a container image: the name under ghcr.io/OWNER/). */
  package: string;
  /** The package type. Default `container`. */
  type?: "container" | "npm" | "maven" | "rubygems" | "nuget" | "docker";
  /** Who owns the package: an organisation (default, the repository owner) or a user. */
  owner?: { org: string } | { user: string };
  /** How many of the newest versions to keep. Default 10. */
  keep?: number;
  /** Also delete versions that still have tags (container images). Default `false`. */
  deleteTagged?: boolean;
  /** Output file name. Default `package-cleanup`. */
  file?: string;
  /** Workflow name. Default `Clean up old package versions`. */
  name?: string;
  /** Triggers. Default: weekly (Monday 03:17 UTC) and by hand. */
  on?: WorkflowInput["on"];
  /** Runner. Default `ubuntu-latest`. */
  runsOn?: string;
}

function script(options: PackageCleanupOptions): string {
  const keep = options.keep ?? 10;
  if (!Number.isInteger(keep) || keep < 0) throw new TypeError(`packageCleanup: keep must be a whole number >= 0, not ${keep}`);
  const base =
    options.owner && "user" in options.owner
      ? `/users/${options.owner.user}/packages/${options.type ?? "container"}/${options.package}`
      : `/orgs/${options.owner?.org ?? "${GITHUB_REPOSITORY_OWNER}"}/packages/${options.type ?? "container"}/${options.package}`;
  const tagged = options.deleteTagged ? "" : " | map(select((.metadata.container.tags // []) | length == 0))";
  return [
    "set -euo pipefail",
    `base="${base}"`,
    "# Newest first; keep the newest versions, then only the ones that may go.",
    `ids=$(gh api --paginate "$base/versions?per_page=100" | jq -s 'add | sort_by(.created_at) | reverse | .[${keep}:]${tagged} | .[].id')`,
    'for id in $ids; do',
    '  echo "Deleting version $id"',
    '  gh api --method DELETE "$base/versions/$id"',
    "done",
    "",
  ].join("\n");
}

/** The cleanup job alone. */
export function packageCleanupJob(options: PackageCleanupOptions): JobDefinition<never> {
  return job({
    "runs-on": options.runsOn ?? "ubuntu-latest",
    steps: [
      step(
        { name: `Delete old versions of ${options.package}`, env: { GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }, run: script(options) },
        { permissions: { packages: "write" } },
      ),
    ],
  });
}

/** A scheduled workflow that deletes old package versions; see {@link PackageCleanupOptions}. */
export function packageCleanup(options: PackageCleanupOptions): WorkflowDefinition {
  return workflow(options.file ?? "package-cleanup", {
    name: options.name ?? "Clean up old package versions",
    on: options.on ?? { schedule: [{ cron: "17 3 * * 1" }], workflow_dispatch: null },
    jobs: { cleanup: packageCleanupJob(options) },
  });
}

/**
 * `ghcrInstall`: use private packages from GitHub Packages in a workflow with nothing but GITHUB_TOKEN
 * and `packages: read`. Three ways: run the job in a private ghcr.io image, pull (and run) an image with
 * `docker`, or install npm packages from npm.pkg.github.com. The repository running the workflow must be
 * granted read access to each package (the package's settings, "Manage Actions access").
 */
import { checkout, setupNode } from "@wfgen/actions";
import {
  github,
  job,
  secrets,
  workflow,
  type JobDefinition,
  type StepItem,
  type WorkflowDefinition,
  type WorkflowInput,
} from "@wfgen/core/dsl";

/** Shared job options. */
interface JobOptions {
  /** Runner. Default `ubuntu-latest`. */
  runsOn?: string;
  /** Steps to run after the package is available. */
  steps?: readonly StepItem[];
}

/** A job that runs inside a private image from ghcr.io, pulled with GITHUB_TOKEN. */
export function ghcrContainerJob(options: JobOptions & { image: string }): JobDefinition<never> {
  return job({
    "runs-on": options.runsOn ?? "ubuntu-latest",
    container: { image: options.image, credentials: { username: github.actor, password: secrets.GITHUB_TOKEN } },
    steps: [...(options.steps ?? [])],
  });
}

/** A job that logs in to ghcr.io with GITHUB_TOKEN (on standard input), pulls `image`, and runs `run` in it. */
export function ghcrPullJob(options: JobOptions & { image: string; run?: string }): JobDefinition<never> {
  const steps: StepItem[] = [
    {
      name: "Log in to ghcr.io",
      run: 'echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
    },
    { name: "Pull the image", run: `docker pull ${options.image}` },
  ];
  if (options.run !== undefined) steps.push({ name: "Run the image", run: `docker run --rm ${options.image} ${options.run}`.trimEnd() });
  return job({ "runs-on": options.runsOn ?? "ubuntu-latest", steps: [...steps, ...(options.steps ?? [])] });
}

/** A job that installs npm dependencies, including private `scope` packages from npm.pkg.github.com. */
export function ghcrNpmJob(
  options: JobOptions & { scope: string; nodeVersion?: string | number; install?: string },
): JobDefinition<never> {
  return job({
    "runs-on": options.runsOn ?? "ubuntu-latest",
    steps: [
      checkout({ with: { "persist-credentials": false } }),
      setupNode({ with: { "node-version": options.nodeVersion ?? 20, "registry-url": "https://npm.pkg.github.com", scope: options.scope } }),
      { name: "Install dependencies", env: { NODE_AUTH_TOKEN: secrets.GITHUB_TOKEN }, run: options.install ?? "npm ci" },
      ...(options.steps ?? []),
    ],
  });
}

/** Options of {@link ghcrInstall}. */
export type GhcrInstallOptions = JobOptions & {
  /** Output file name. Default `ghcr-install`. */
  file?: string;
  /** Workflow name. Default `Install from GitHub Packages`. */
  name?: string;
  /** Triggers. Default: pushes to `main` and pull requests. */
  on?: WorkflowInput["on"];
} & (
    | { kind: "container"; image: string }
    | { kind: "pull"; image: string; run?: string }
    | { kind: "npm"; scope: string; nodeVersion?: string | number; install?: string }
  );

/** A workflow with one job that uses a private package; see the three `kind`s. */
export function ghcrInstall(options: GhcrInstallOptions): WorkflowDefinition {
  const body =
    options.kind === "container" ? ghcrContainerJob(options) : options.kind === "pull" ? ghcrPullJob(options) : ghcrNpmJob(options);
  return workflow(options.file ?? "ghcr-install", {
    name: options.name ?? "Install from GitHub Packages",
    on: options.on ?? { push: { branches: ["main"] }, pull_request: null },
    jobs: { install: body },
  });
}

/**
 * `dockerPublish`: build a container image, push it to a registry (ghcr.io by default) with GITHUB_TOKEN,
 * and attest its build provenance: GitHub's "Create and publish a Docker image" workflow, pinned, with
 * least-privilege permissions inferred, and hardened (no credentials left in the checkout, no build cache
 * read in the job that publishes unless asked, no push from pull requests).
 */
import {
  attestBuildProvenance,
  checkout,
  dockerBuildPush,
  dockerLogin,
  dockerMetadata,
  dockerSetupBuildx,
  dockerSetupQemu,
} from "@wfgen/actions";
import {
  env,
  github,
  job,
  secrets,
  workflow,
  type AnyExpr,
  type JobDefinition,
  type JobPermissions,
  type StepDefinition,
  type StepItem,
  type WorkflowDefinition,
  type WorkflowInput,
} from "@wfgen/core/dsl";

/** Options of {@link dockerPublish}; every one has a default that reproduces GitHub's example. */
export interface DockerPublishOptions {
  /** Output file name. Default `deploy-image` (`.github/workflows/deploy-image.yml`). */
  file?: string;
  /** Workflow name. Default `Create and publish a Docker image`. */
  name?: string;
  /** Triggers. Default: push to the `release` branch. */
  on?: WorkflowInput["on"];
  /** Job id. Default `build-and-push-image`. */
  jobId?: string;
  /** Runner. Default `ubuntu-latest`. */
  runsOn?: string;
  /**
   * The job's GITHUB_TOKEN permissions. Default: inferred from the steps. An explicit block is verified
   * against what the steps need (see docs/permissions.md).
   */
  permissions?: JobPermissions;
  /**
   * Registry host. Default `ghcr.io`; logins to it use GITHUB_TOKEN. `dockerPublish` writes it to the
   * workflow's `env` as `REGISTRY`; with `dockerPublishJob`, your workflow defines `REGISTRY`.
   */
  registry?: string;
  /**
   * Image name under the registry. Default `${{ github.repository }}` (metadata-action lowercases it, as
   * ghcr.io requires). `dockerPublish` writes it to the workflow's `env` as `IMAGE_NAME`; with
   * `dockerPublishJob`, your workflow defines `IMAGE_NAME`.
   */
  image?: string | AnyExpr;
  /** Build context. Default `.`. */
  context?: string;
  /** Dockerfile path, when it is not `<context>/Dockerfile`. */
  dockerfile?: string;
  /** Target platforms (e.g. `linux/amd64`, `linux/arm64`); adds QEMU and Buildx set-up steps. */
  platforms?: readonly string[];
  /** metadata-action `tags` rules (e.g. `type=semver,pattern={{version}}`). Default: the action's. */
  tags?: readonly string[];
  /** metadata-action `labels`, added to the generated ones. */
  labels?: readonly string[];
  /** Build arguments, `NAME=value`. */
  buildArgs?: Readonly<Record<string, string>>;
  /** Attest build provenance. Default `true`. */
  attest?: boolean;
  /** Push the attestation to the registry next to the image. Default `true`. */
  pushAttestation?: boolean;
  /**
   * Read and write the GitHub Actions build cache. Default `false`: a job that publishes should not build
   * from a cache that other (less trusted) workflows can write.
   */
  cache?: boolean;
  /**
   * Whether to push. Default: `true`, or `github.event_name != 'pull_request'` when the triggers include
   * pull requests (a fork's GITHUB_TOKEN can only read, so a push from a pull request would fail).
   */
  push?: boolean | AnyExpr;
  /**
   * Declare job outputs `digest` (of the pushed image) and `tags`, for jobs that deploy it. Default `false`;
   * the job's type has them only with `outputs: true`.
   */
  outputs?: boolean;
  /**
   * Rearrange, replace or add steps: receives the preset's steps by name and returns the job's step list.
   * Default: `({ checkout, qemu, buildx, login, meta, build, attest }) => [...]` in that order.
   */
  steps?: (steps: DockerPublishSteps) => StepItem[];
}

/** The preset's steps by name (absent ones are undefined: QEMU/Buildx without platforms, attest when off). */
export interface DockerPublishSteps {
  checkout: StepDefinition<string>;
  qemu?: StepDefinition<string>;
  buildx?: StepDefinition<string>;
  login: StepDefinition<string>;
  meta: StepDefinition<"tags" | "labels" | "json" | "version" | "annotations" | "bake-file">;
  build: StepDefinition<"imageid" | "digest" | "metadata">;
  attest?: StepDefinition<string>;
}

function triggersPullRequests(on: WorkflowInput["on"]): boolean {
  const names = typeof on === "string" ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {});
  return names.some((n) => n === "pull_request" || n === "pull_request_target");
}

/** The `env` variables the publishing job reads from its workflow: the registry host and the image name. */
export type DockerPublishEnv = "REGISTRY" | "IMAGE_NAME";

/** The outputs of the publishing job made with `outputs: true`. */
export type DockerPublishOutput = "digest" | "tags";

/**
 * The publishing job alone, to place in a workflow of your own. It reads `env.REGISTRY` and `env.IMAGE_NAME`,
 * which that workflow defines (else the workflow does not compile, and the build fails); it has the outputs
 * `digest` and `tags` only with `outputs: true`.
 */
export function dockerPublishJob(options: DockerPublishOptions & { outputs: true }): JobDefinition<DockerPublishOutput, DockerPublishEnv>;
export function dockerPublishJob(options?: DockerPublishOptions & { outputs?: false }): JobDefinition<never, DockerPublishEnv>;
export function dockerPublishJob(
  options?: DockerPublishOptions,
): JobDefinition<DockerPublishOutput, DockerPublishEnv> | JobDefinition<never, DockerPublishEnv>;
export function dockerPublishJob(options: DockerPublishOptions = {}): JobDefinition<DockerPublishOutput, DockerPublishEnv> {
  const on = options.on ?? { push: { branches: ["release"] } };
  const push = options.push ?? (triggersPullRequests(on) ? github.event_name.ne("pull_request") : true);
  const image = `${env.REGISTRY}/${env.IMAGE_NAME}`;
  const steps: DockerPublishSteps = {
    checkout: checkout({ name: "Checkout repository", with: { "persist-credentials": false } }),
    ...(options.platforms && {
      qemu: dockerSetupQemu({ name: "Set up QEMU" }),
      buildx: dockerSetupBuildx({ name: "Set up Docker Buildx" }),
    }),
    login: dockerLogin({
      name: "Log in to the Container registry",
      ...(push !== true && { if: push === false ? false : (push as AnyExpr) }),
      with: { registry: env.REGISTRY, username: github.actor, password: secrets.GITHUB_TOKEN },
    }),
    meta: dockerMetadata({
      name: "Extract metadata (tags, labels) for Docker",
      id: "meta",
      with: { images: image, tags: options.tags, labels: options.labels },
    }),
    build: undefined as never,
  };
  steps.build = dockerBuildPush({
    name: "Build and push Docker image",
    id: "push",
    with: {
      context: options.context ?? ".",
      file: options.dockerfile,
      platforms: options.platforms,
      push,
      tags: steps.meta.outputs.tags,
      labels: steps.meta.outputs.labels,
      "build-args": options.buildArgs && Object.entries(options.buildArgs).map(([k, v]) => `${k}=${v}`),
      ...(options.cache && { "cache-from": "type=gha", "cache-to": "type=gha,mode=max" }),
    },
  });
  if (options.attest !== false) {
    steps.attest = attestBuildProvenance({
      name: "Generate artifact attestation",
      ...(push !== true && { if: push === false ? false : (push as AnyExpr) }),
      with: {
        "subject-name": image,
        "subject-digest": steps.build.outputs.digest,
        "push-to-registry": options.pushAttestation ?? true,
      },
    });
  }
  const list = options.steps
    ? options.steps(steps)
    : [steps.checkout, steps.qemu, steps.buildx, steps.login, steps.meta, steps.build, steps.attest].filter(
        (s): s is StepDefinition<string> => s !== undefined,
      );
  return job(
    {
      "runs-on": options.runsOn ?? "ubuntu-latest",
      ...(options.permissions !== undefined && { permissions: options.permissions }),
      ...(options.outputs && { outputs: { digest: steps.build.outputs.digest, tags: steps.meta.outputs.tags } }),
      steps: list,
    },
    { env: ["REGISTRY", "IMAGE_NAME"] },
  );
}

/** GitHub's "Create and publish a Docker image" workflow; see {@link DockerPublishOptions}. */
export function dockerPublish(options: DockerPublishOptions = {}): WorkflowDefinition {
  return workflow(options.file ?? "deploy-image", {
    name: options.name ?? "Create and publish a Docker image",
    on: options.on ?? { push: { branches: ["release"] } },
    env: { REGISTRY: options.registry ?? "ghcr.io", IMAGE_NAME: options.image ?? github.repository },
    jobs: { [options.jobId ?? "build-and-push-image"]: dockerPublishJob(options) },
  });
}

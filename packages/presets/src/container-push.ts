/**
 * `containerPush`: GitHub's "Demo Push" pattern. Plain `docker build`, `docker login ghcr.io` fed
 * GITHUB_TOKEN on standard input (never on the command line), and a push tagged with a version derived
 * from the ref: tag `v1.2.3` -> `1.2.3`, the default branch -> `latest`, another branch -> its name. The
 * image id is lowercased, as ghcr.io requires.
 */
import { checkout } from "@wfgen/actions";
import {
  job,
  workflow,
  type JobDefinition,
  type JobPermissions,
  type StepItem,
  type WorkflowDefinition,
  type WorkflowInput,
} from "@wfgen/core/dsl";

/** Options of {@link containerPush}; the defaults reproduce GitHub's example. */
export interface ContainerPushOptions {
  /** Output file name. Default `demo-push`. */
  file?: string;
  /** Workflow name. Default `Demo Push`. */
  name?: string;
  /** Triggers. Default: pushes to `main` and `seed`, tags `v*`, and pull requests. */
  on?: WorkflowInput["on"];
  /**
   * Local image name (the `IMAGE_NAME` variable). Default `ghtoken_product_demo`. `containerPush` writes it to
   * the workflow's `env`; with `containerPushJob`, your workflow defines `IMAGE_NAME`.
   */
  image?: string;
  /** The branch whose pushes are tagged `latest`. Default `main`. */
  defaultBranch?: string;
  /** Dockerfile path. Default `Dockerfile`. */
  dockerfile?: string;
  /** Build context. Default `.`. */
  context?: string;
  /** Job id. Default `push`. */
  jobId?: string;
  /** Runner. Default `ubuntu-latest`. */
  runsOn?: string;
  /**
   * The job's GITHUB_TOKEN permissions. Default: inferred from the steps. An explicit block is verified
   * against what the steps need (see docs/permissions.md).
   */
  permissions?: JobPermissions;
  /** Rearrange, replace or add steps (by name: checkout, build, login, push). */
  steps?: (steps: ContainerPushSteps) => StepItem[];
}

/** The preset's steps by name. */
export interface ContainerPushSteps {
  checkout: StepItem;
  build: StepItem;
  login: StepItem;
  push: StepItem;
}

// GitHub's script, with `${{ }}` kept as literal text: github.ref and github.repository_owner are not
// attacker-controlled, and keeping the text lets users compare it with GitHub's documentation.
function pushScript(defaultBranch: string): string {
  return [
    "IMAGE_ID=ghcr.io/${{ github.repository_owner }}/$IMAGE_NAME",
    "",
    "# This changes all uppercase characters to lowercase.",
    "IMAGE_ID=$(echo $IMAGE_ID | tr '[A-Z]' '[a-z]')",
    "# This strips the git ref prefix from the version.",
    'VERSION=$(echo "${{ github.ref }}" | sed -e \'s,.*/\\(.*\\),\\1,\')',
    '# This strips the "v" prefix from the tag name.',
    '[[ "${{ github.ref }}" == "refs/tags/"* ]] && VERSION=$(echo $VERSION | sed -e \'s/^v//\')',
    "# This uses the Docker `latest` tag convention.",
    `[ "$VERSION" == "${defaultBranch}" ] && VERSION=latest`,
    "echo IMAGE_ID=$IMAGE_ID",
    "echo VERSION=$VERSION",
    "docker tag $IMAGE_NAME $IMAGE_ID:$VERSION",
    "docker push $IMAGE_ID:$VERSION",
    "",
  ].join("\n");
}

/** The build-and-push job alone. Its scripts read `IMAGE_NAME`, which the workflow you place it in defines. */
export function containerPushJob(options: ContainerPushOptions = {}): JobDefinition<never, "IMAGE_NAME"> {
  const dockerfile = options.dockerfile ?? "Dockerfile";
  const steps: ContainerPushSteps = {
    checkout: checkout({ with: { "persist-credentials": false } }),
    build: {
      name: "Build image",
      run: `docker build ${options.context ?? "."} --file ${dockerfile} --tag $IMAGE_NAME --label "runnumber=\${GITHUB_RUN_ID}"`,
    },
    login: {
      name: "Log in to registry",
      run: 'echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
    },
    push: { name: "Push image", run: pushScript(options.defaultBranch ?? "main") },
  };
  return job(
    {
      "runs-on": options.runsOn ?? "ubuntu-latest",
      ...(options.permissions !== undefined && { permissions: options.permissions }),
      steps: options.steps ? options.steps(steps) : [steps.checkout, steps.build, steps.login, steps.push],
    },
    { env: ["IMAGE_NAME"] },
  );
}

/** GitHub's "Demo Push" workflow; see {@link ContainerPushOptions}. */
export function containerPush(options: ContainerPushOptions = {}): WorkflowDefinition {
  return workflow(options.file ?? "demo-push", {
    name: options.name ?? "Demo Push",
    on: options.on ?? { push: { branches: ["main", "seed"], tags: ["v*"] }, pull_request: null },
    env: { IMAGE_NAME: options.image ?? "ghtoken_product_demo" },
    jobs: { [options.jobId ?? "push"]: containerPushJob(options) },
  });
}

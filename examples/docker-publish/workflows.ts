// GitHub's "Create and publish a Docker image" workflow, written with wfgen: on every push to the
// `release` branch, build the image, push it to ghcr.io with GITHUB_TOKEN, and attest its provenance.
import { env, github, job, secrets, workflow } from "wfgen";
import { attestBuildProvenance, checkout, dockerBuildPush, dockerLogin, dockerMetadata } from "wfgen/actions";

const meta = dockerMetadata({
  name: "Extract metadata (tags, labels) for Docker",
  id: "meta",
  with: { images: `${env.REGISTRY}/${env.IMAGE_NAME}` },
});

const push = dockerBuildPush({
  name: "Build and push Docker image",
  id: "push",
  with: { context: ".", push: true, tags: meta.outputs.tags, labels: meta.outputs.labels },
});

export const deployImage = workflow("deploy-image", {
  name: "Create and publish a Docker image",
  on: { push: { branches: ["release"] } },
  env: { REGISTRY: "ghcr.io", IMAGE_NAME: github.repository },
  jobs: {
    "build-and-push-image": job({
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read", packages: "write", attestations: "write", "id-token": "write" },
      steps: [
        checkout({ name: "Checkout repository" }),
        dockerLogin({
          name: "Log in to the Container registry",
          with: { registry: env.REGISTRY, username: github.actor, password: secrets.GITHUB_TOKEN },
        }),
        meta,
        push,
        attestBuildProvenance({
          name: "Generate artifact attestation",
          with: {
            "subject-name": `${env.REGISTRY}/${env.IMAGE_NAME}`,
            "subject-digest": push.outputs.digest,
            "push-to-registry": true,
          },
        }),
      ],
    }),
  },
});

// The seed's "Create and publish a Docker image", written with the DSL and the seed's own refs.
import { env, github, job, secrets, step, workflow } from "../../src/index.ts";

const meta = step<"tags" | "labels">({
  name: "Extract metadata (tags, labels) for Docker",
  id: "meta",
  uses: "docker/metadata-action@9ec57ed1fcdbf14dcef7dfbe97b2010124a938b7",
  with: { images: `${env.REGISTRY}/${env.IMAGE_NAME}` },
});

const push = step<"digest">({
  name: "Build and push Docker image",
  id: "push",
  uses: "docker/build-push-action@f2a1d5e99d037542a71f64918e516c093c6f3fc4",
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
        { name: "Checkout repository", uses: "actions/checkout@v4" },
        {
          name: "Log in to the Container registry",
          uses: "docker/login-action@65b78e6e13532edd9afa3aa52ac7964289d1a9c1",
          with: { registry: env.REGISTRY, username: github.actor, password: secrets.GITHUB_TOKEN },
        },
        meta,
        push,
        {
          name: "Generate artifact attestation",
          uses: "actions/attest-build-provenance@v1",
          with: {
            "subject-name": `${env.REGISTRY}/${env.IMAGE_NAME}`,
            "subject-digest": push.outputs.digest,
            "push-to-registry": true,
          },
        },
      ],
    }),
  },
});

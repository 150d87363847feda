// The seed's "Demo Push", written with the DSL. The scripts keep the seed's own text, `${{ }}` included:
// literal expression text in a plain string is the author's explicit choice and is written as is.
import { job, workflow } from "../../src/index.ts";

const pushScript = [
  "IMAGE_ID=ghcr.io/${{ github.repository_owner }}/$IMAGE_NAME",
  "",
  "# This changes all uppercase characters to lowercase.",
  "IMAGE_ID=$(echo $IMAGE_ID | tr '[A-Z]' '[a-z]')",
  "# This strips the git ref prefix from the version.",
  "VERSION=$(echo \"${{ github.ref }}\" | sed -e 's,.*/\\(.*\\),\\1,')",
  '# This strips the "v" prefix from the tag name.',
  '[[ "${{ github.ref }}" == "refs/tags/"* ]] && VERSION=$(echo $VERSION | sed -e \'s/^v//\')',
  "# This uses the Docker `latest` tag convention.",
  '[ "$VERSION" == "main" ] && VERSION=latest',
  "echo IMAGE_ID=$IMAGE_ID",
  "echo VERSION=$VERSION",
  "docker tag $IMAGE_NAME $IMAGE_ID:$VERSION",
  "docker push $IMAGE_ID:$VERSION",
  "",
].join("\n");

export const demoPush = workflow("demo-push", {
  name: "Demo Push",
  on: {
    push: { branches: ["main", "seed"], tags: ["v*"] },
    pull_request: null,
  },
  env: { IMAGE_NAME: "ghtoken_product_demo" },
  jobs: {
    push: job({
      "runs-on": "ubuntu-latest",
      permissions: { packages: "write", contents: "read" },
      steps: [
        { uses: "actions/checkout@v4" },
        {
          name: "Build image",
          run: 'docker build . --file Dockerfile --tag $IMAGE_NAME --label "runnumber=${GITHUB_RUN_ID}"',
        },
        {
          name: "Log in to registry",
          run: 'echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
        },
        { name: "Push image", run: pushScript },
      ],
    }),
  },
});

// GitHub's "Demo Push" workflow, written with wfgen: build an image with plain `docker build`, log in to
// ghcr.io by piping GITHUB_TOKEN into `docker login`, and push it tagged with a version derived from the
// ref (tag v1.2.3 -> 1.2.3, main -> latest).
import { job, workflow } from "wfgen";
import { checkout } from "wfgen/actions";

// The scripts are GitHub's own text; `${{ }}` written literally in a plain string is kept as written.
const pushImage = [
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
        checkout(),
        {
          name: "Build image",
          run: 'docker build . --file Dockerfile --tag $IMAGE_NAME --label "runnumber=${GITHUB_RUN_ID}"',
        },
        {
          name: "Log in to registry",
          run: 'echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
        },
        { name: "Push image", run: pushImage },
      ],
    }),
  },
});

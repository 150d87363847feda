// GitHub's "Demo Push" workflow: build an image with plain `docker build`, log in to ghcr.io by piping
// GITHUB_TOKEN into `docker login`, and push it tagged with a version derived from the ref (tag v1.2.3 ->
// 1.2.3, main -> latest). The preset infers `contents: read` and `packages: write`.
import { containerPush } from "wfgen/presets";

export const demoPush = containerPush();

// GitHub's "Create and publish a Docker image" workflow: on every push to the `release` branch, build the
// image, push it to ghcr.io with GITHUB_TOKEN, and attest its build provenance. The preset pins every
// action, infers the job's four permissions, and keeps credentials out of the checkout.
import { dockerPublish } from "wfgen/presets";

export const deployImage = dockerPublish();

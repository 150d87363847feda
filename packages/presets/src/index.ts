/**
 * @wfgen/presets (`wfgen/presets`): ready workflows for GitHub Packages. Each returns ordinary workflow and
 * job values, pinned and least-privilege through the same build as your own workflows.
 */
export {
  dockerPublish,
  dockerPublishJob,
  type DockerPublishEnv,
  type DockerPublishOptions,
  type DockerPublishOutput,
  type DockerPublishSteps,
} from "./docker-publish.ts";
export { containerPush, containerPushJob, type ContainerPushOptions, type ContainerPushSteps } from "./container-push.ts";
export { ghcrInstall, ghcrContainerJob, ghcrNpmJob, ghcrPullJob, type GhcrInstallOptions } from "./ghcr-install.ts";
export { packageCleanup, packageCleanupJob, type PackageCleanupOptions } from "./package-cleanup.ts";
export { driftCheck, driftCheckJob, type DriftCheckOptions } from "./drift-check.ts";

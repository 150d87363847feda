// Compiled by test/types.test.ts, which expects three errors: preset jobs in workflows without the env they read.
import { workflow } from "@wfgen/core";
import { containerPushJob, dockerPublishJob } from "@wfgen/presets";

export const release = workflow("release", { on: "push", jobs: { publish: dockerPublishJob() } });
export const partial = workflow("partial", { on: "push", env: { REGISTRY: "ghcr.io" }, jobs: { publish: dockerPublishJob() } });
export const push = workflow("push", { on: "push", env: { OTHER: "x" }, jobs: { push: containerPushJob() } });

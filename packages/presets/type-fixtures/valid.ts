// Compiled by test/types.test.ts, which expects no error: the preset jobs in workflows that define their env.
import { github, job, workflow } from "@wfgen/core";
import { containerPushJob, dockerPublishJob } from "@wfgen/presets";

const publish = dockerPublishJob({ outputs: true });
export const release = workflow("release", {
  on: "push",
  env: { REGISTRY: "ghcr.io", IMAGE_NAME: github.repository },
  jobs: {
    publish,
    deploy: job({ "runs-on": "ubuntu-latest", needs: publish, steps: [{ run: `echo ${publish.outputs.digest} ${publish.outputs.tags}` }] }),
  },
});
export const push = workflow("push", { on: "push", env: { IMAGE_NAME: "app", OTHER: "x" }, jobs: { push: containerPushJob() } });

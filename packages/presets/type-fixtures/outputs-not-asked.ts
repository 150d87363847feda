// Compiled by test/types.test.ts, which expects one error: outputs the job declares only with `outputs: true`.
import { dockerPublishJob } from "@wfgen/presets";

export const digest = dockerPublishJob().outputs.digest;
export const tags = dockerPublishJob({ outputs: true }).outputs.tags;

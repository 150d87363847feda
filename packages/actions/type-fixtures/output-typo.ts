// Compiled by test/types.test.ts, which expects exactly one error: the misspelt output.
import { dockerBuildPush, dockerMetadata } from "@wfgen/actions";

const meta = dockerMetadata({ with: { images: "ghcr.io/acme/app" } });
export const push = dockerBuildPush({ with: { tags: meta.outputs.tagz } });

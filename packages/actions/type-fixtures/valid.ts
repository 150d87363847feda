// Compiled by test/types.test.ts, which expects no errors: the bindings as a workflow uses them.
import { github, job, secrets, workflow } from "@wfgen/core";
import {
  attestBuildProvenance,
  cache,
  checkout,
  dockerBuildPush,
  dockerLogin,
  dockerMetadata,
  githubScript,
  setupNode,
  uploadArtifact,
} from "@wfgen/actions";

const meta = dockerMetadata({ id: "meta", with: { images: ["ghcr.io/acme/app"], tags: ["type=sha", `type=raw,value=${github.run_id}`] } });
const push = dockerBuildPush({
  name: "Build and push",
  "timeout-minutes": 30,
  with: { push: github.event_name.ne("pull_request"), tags: meta.outputs.tags, labels: meta.outputs.labels, platforms: "linux/amd64" },
});

export const release = workflow("release", {
  on: { push: { branches: ["main"] } },
  jobs: {
    image: job({
      "runs-on": "ubuntu-latest",
      steps: [
        checkout(),
        checkout.v4({ with: { "fetch-depth": 0, submodules: "recursive", ref: github.head_ref } }),
        setupNode({ with: { "node-version": 20, cache: "pnpm" }, withUnsafe: { "some-new-input": "x" } }),
        cache({ with: { path: ["~/.pnpm-store", "node_modules"], key: `pnpm-${github.sha}` } }),
        dockerLogin({ if: github.event_name.eq("push"), with: { registry: "ghcr.io", username: github.actor, password: secrets.GITHUB_TOKEN } }),
        meta,
        push,
        attestBuildProvenance({ with: { "subject-name": "ghcr.io/acme/app", "subject-digest": push.outputs.digest, "push-to-registry": true } }),
        attestBuildProvenance.v1({ with: { "subject-path": ["dist/a.tgz", "dist/b.tgz"] } }),
        githubScript({ with: { script: "return 1", "result-encoding": "string", retries: 3 } }),
        uploadArtifact({ "continue-on-error": true, with: { path: "dist", "retention-days": 5 } }),
      ],
    }),
  },
});

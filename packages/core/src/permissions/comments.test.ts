import { expect, test } from "vitest";
import { job, renderWorkflows, step, workflow } from "../index.ts";

test("with permissionComments, each granted scope carries its reason as a comment", () => {
  const value = workflow("w", {
    on: "push",
    jobs: {
      publish: job({
        "runs-on": "ubuntu-latest",
        steps: [
          { uses: "actions/checkout@v4", with: { "persist-credentials": false } },
          step({ name: "Release", env: { GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }, run: "gh release create v1" }),
        ],
      }),
    },
  });
  const { files, diagnostics } = renderWorkflows([{ exportName: "w", value }], { source: "workflows.ts", permissionComments: true });
  expect(diagnostics).toEqual([]);
  expect(files[0]!.content).toContain(
    [
      "    permissions:",
      "      contents: write # step \"Release\": runs `gh release create` with GITHUB_TOKEN (and 1 more)",
      "",
    ].join("\n"),
  );
});

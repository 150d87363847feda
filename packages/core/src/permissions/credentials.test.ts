/**
 * Token attribution across a job: `git push`, `gh` and the others need the job's permissions only when
 * they authenticate with the GITHUB_TOKEN (see credentials.ts). Each case is the smallest job that shows it.
 */
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { inferJobNeeds } from "./infer.ts";

function required(jobYaml: string): Record<string, string> {
  const job = parse(jobYaml) as Record<string, unknown>;
  return inferJobNeeds(job, {}).required as Record<string, string>;
}

describe("git push", () => {
  test("after a checkout with its default credentials: the GITHUB_TOKEN", () => {
    expect(required("steps:\n  - uses: actions/checkout@v4\n  - run: git push\n")).toEqual({ contents: "write" });
  });

  test("after a checkout given a personal access token: that token, nothing of the job's", () => {
    expect(required("steps:\n  - uses: actions/checkout@v4\n    with:\n      token: ${{ secrets.PAT }}\n  - run: git push\n")).toEqual({});
  });

  test("persist-credentials: false, then a push to a remote carrying another token", () => {
    const job =
      "env:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\nsteps:\n  - uses: actions/checkout@v4\n    with:\n      persist-credentials: false\n" +
      '  - run: git push "https://x-access-token:${{ secrets.PAT }}@github.com/o/r" HEAD:main\n';
    expect(required(job)).toEqual({ contents: "read" });
  });

  test("in a repository the script cloned with a personal access token", () => {
    const job =
      "steps:\n  - uses: actions/checkout@v4\n  - run: |\n      git clone https://x:${{ secrets.PAT }}@github.com/o/site site\n      cd site\n      git commit -am up\n      git push\n";
    expect(required(job)).toEqual({ contents: "read" });
  });

  test("a later checkout with another token replaces the credentials; one into a folder does not", () => {
    const replaced = "steps:\n  - uses: actions/checkout@v4\n  - uses: actions/checkout@v4\n    with:\n      token: ${{ secrets.PAT }}\n  - run: git push\n";
    expect(required(replaced)).toEqual({ contents: "read" });
    const beside = "steps:\n  - uses: actions/checkout@v4\n  - uses: actions/checkout@v4\n    with:\n      token: ${{ secrets.PAT }}\n      path: other\n  - run: git push\n";
    expect(required(beside)).toEqual({ contents: "write" });
  });

  test("a step that sets the token as the remote leaves it to the later steps", () => {
    const job =
      "steps:\n  - uses: actions/checkout@v4\n    with:\n      persist-credentials: false\n" +
      '  - run: git remote set-url origin "https://x-access-token:${{ github.token }}@github.com/${{ github.repository }}"\n  - run: git push\n';
    expect(required(job)).toEqual({ contents: "write" });
  });
});

describe("gh", () => {
  test("GH_TOKEN set to another token wins over a GITHUB_TOKEN in the job's env", () => {
    const job = "env:\n  GITHUB_TOKEN: ${{ github.token }}\nsteps:\n  - run: gh release create v1\n    env:\n      GH_TOKEN: ${{ secrets.PAT }}\n";
    expect(required(job)).toEqual({});
  });

  test("GH_TOKEN set to the GITHUB_TOKEN", () => {
    expect(required("steps:\n  - run: gh release create v1\n    env:\n      GH_TOKEN: ${{ github.token }}\n")).toEqual({ contents: "write" });
  });
});

import { describe, expect, test } from "vitest";
import type { Effect } from "./needs.ts";
import { scriptEffects, type ScriptContext } from "./run-commands.ts";

const given: ScriptContext = {
  env: { GH_TOKEN: "${{ github.token }}" },
  tokenVariables: new Set(["GH_TOKEN"]),
  getsToken: true,
  givenToStep: true,
  gitCredentials: false,
  githubNpmRegistry: false,
};
const none: ScriptContext = { ...given, env: {}, tokenVariables: new Set(), getsToken: false, givenToStep: false };
const jobWide: ScriptContext = { ...given, givenToStep: false };

/** Effects in a compact form: `contents: write`, `login ghcr.io`, `push`, `pull`, `unknown`. */
function summary(effects: Effect[]): string[] {
  return effects.map((e) => {
    switch (e.kind) {
      case "need":
        return `${e.need.scope}: ${e.need.level}`;
      case "registry-login":
        return `login ${e.registry}`;
      case "image-push":
        return "push";
      case "image-pull":
        return "pull";
      case "unknown":
        return "unknown";
      case "git-credentials":
        return "git credentials";
    }
  });
}

describe("run: commands that spend the token", () => {
  const cases: Array<[string, ScriptContext, string, string[]]> = [
    ["gh release create", given, "gh release create v1.2.0 dist/*", ["contents: write"]],
    ["gh release download", given, "gh release download v1 -p '*.tgz'", ["contents: read"]],
    ["gh pr create", given, 'gh pr create --fill --title "Bump"', ["pull-requests: write"]],
    ["gh pr merge writes the base branch too", given, "gh pr merge --auto --squash 12", ["pull-requests: write", "contents: write"]],
    ["gh pr comment with -R", given, "gh pr comment -R o/r 12 --body hi", ["pull-requests: write"]],
    ["gh issue edit", given, "gh issue edit 3 --add-label bug", ["issues: write"]],
    ["gh issue list", given, "gh issue list --state open", ["issues: read"]],
    ["gh run cancel", given, "gh run cancel $RUN", ["actions: write"]],
    ["gh workflow run", given, "gh workflow run deploy.yml", ["actions: write"]],
    ["gh without the token does nothing", none, "gh release create v1", []],
    ["gh with an unknown subcommand", given, "gh secret set X", ["unknown"]],
    ["gh auth setup-git needs nothing itself, but leaves the token to git", given, "gh auth setup-git", ["git credentials"]],
    ["gh api GET", given, "gh api repos/{owner}/{repo}/releases/latest", ["contents: read"]],
    ["gh api with fields is a POST", given, "gh api repos/$GITHUB_REPOSITORY/issues/1/comments -f body=hi", ["issues: write"]],
    ["gh api -X DELETE on packages", given, "gh api -X DELETE /orgs/acme/packages/container/app/versions/1", ["packages: write"]],
    ["gh api statuses under commits", given, "gh api -X POST repos/o/r/commits/abc/statuses -f state=success", ["statuses: write"]],
    ["gh api graphql is unknown", given, "gh api graphql -f query=x", ["unknown"]],
    ["gh api on an unmapped path is unknown", given, "gh api repos/o/r/environments", ["unknown"]],
    [
      "curl to the REST API with the token",
      given,
      'curl -X POST -H "Authorization: Bearer $GH_TOKEN" https://api.github.com/repos/o/r/dispatches -d \'{"event_type":"x"}\'',
      ["contents: write"],
    ],
    ["curl without the token is a plain download", given, "curl -fsSL https://api.github.com/repos/o/r/releases/latest", []],
    ["curl with the token to an unknown address", given, 'curl -H "Authorization: token ${GH_TOKEN}" https://example.com/hook', ["unknown"]],
    ["git push with the token in its remote", given, 'git push "https://x-access-token:${GH_TOKEN}@github.com/o/r" HEAD:main --tags', ["contents: write"]],
    ["git push does not read the token from the environment", given, "git push origin HEAD:main --tags", []],
    ["git push with a checkout's credentials", { ...none, gitCredentials: true }, "git push", ["contents: write"]],
    ["git push with neither", none, "git push", []],
    ["docker login ghcr.io with the token", given, 'echo "$GH_TOKEN" | docker login ghcr.io -u "$GITHUB_ACTOR" --password-stdin', ["login ghcr.io"]],
    ["docker login to Docker Hub is not GitHub", given, 'echo "$HUB" | docker login -u me --password-stdin', []],
    ["docker login through a variable", { ...given, env: { ...given.env, REGISTRY: "ghcr.io" } }, "docker login $REGISTRY -u x -p $GH_TOKEN", ["login ghcr.io"]],
    ["docker push", none, "docker push ghcr.io/o/app:1", ["push"]],
    ["docker buildx build --push", none, "docker buildx build --push -t ghcr.io/o/app .", ["push"]],
    ["docker build without --push", none, "docker build -t app .", []],
    ["docker pull", none, "docker pull ghcr.io/o/base:1", ["pull"]],
    ["cosign sign keyless", none, "cosign sign --yes ghcr.io/o/app@sha256:1", ["push", "id-token: write"]],
    ["cosign sign with a key", none, "cosign sign --key env://KEY ghcr.io/o/app", ["push"]],
    ["npm ci with NODE_AUTH_TOKEN", { ...given, tokenVariables: new Set(["NODE_AUTH_TOKEN"]) }, "npm ci", ["packages: read"]],
    ["npm publish with NODE_AUTH_TOKEN", { ...given, tokenVariables: new Set(["NODE_AUTH_TOKEN"]) }, "npm publish --access restricted", ["packages: write"]],
    ["npm ci after setup-node pointed npm at GitHub", { ...jobWide, githubNpmRegistry: true }, "npm ci", ["packages: read"]],
    ["npm ci without the token", none, "npm ci", []],
    ["yarn npm publish", { ...given, tokenVariables: new Set(["NODE_AUTH_TOKEN"]) }, "yarn npm publish", ["packages: write"]],
    ["npm test with the token given to the step", { ...given, tokenVariables: new Set(["NODE_AUTH_TOKEN"]) }, "npm test", ["unknown"]],
    ["npm test with the token only in the job's env", { ...jobWide, tokenVariables: new Set(["NODE_AUTH_TOKEN"]) }, "npm test", []],
    ["mvn deploy", given, "mvn --batch-mode deploy", ["packages: write"]],
    ["dotnet nuget push", given, "dotnet nuget push out/*.nupkg --source github", ["packages: write"]],
    ["a script given the token is unknown", given, "./scripts/release.sh", ["unknown"]],
    ["a script with the token only in the job's env is not asked about", jobWide, "./scripts/build.sh", []],
    ["text tools and shell keywords are harmless", given, 'if [ -n "$X" ]; then echo ok | tee log; fi\nfor f in *; do wc -l "$f"; done', []],
  ];
  for (const [name, context, script, expected] of cases) {
    test(name, () => expect(summary(scriptEffects(script, context))).toEqual(expected));
  }

  test("reasons name the command", () => {
    expect(scriptEffects("gh release create v1", given)).toEqual([
      { kind: "need", need: { scope: "contents", level: "write", reason: "runs `gh release create` with GITHUB_TOKEN" } },
    ]);
  });
});

describe("docker login through a variable wfgen cannot resolve", () => {
  test("counts when the script feeds the token in", () => {
    expect(summary(scriptEffects('echo "$GH_TOKEN" | docker login "$REG" -u x --password-stdin', jobWide))).toEqual(["login the container registry"]);
  });
  test("does not count when the token only sits in the job's env and the script logs in with something else", () => {
    expect(summary(scriptEffects('echo "$HUB_PASS" | docker login "$REG" -u x --password-stdin', jobWide))).toEqual([]);
  });
});

describe("a command is attributed to GITHUB_TOKEN only when it authenticates with it", () => {
  const pat: ScriptContext = {
    ...given,
    env: { GITHUB_TOKEN: "${{ github.token }}", PAT: "${{ secrets.PAT }}" },
    tokenVariables: new Set(["GITHUB_TOKEN"]),
  };
  const cases: Array<[string, ScriptContext, string, string[]]> = [
    ["gh with GH_TOKEN set to another token", { ...pat, env: { ...pat.env, GH_TOKEN: "${{ secrets.PAT }}" } }, "gh release create v1", []],
    ["gh with GH_TOKEN assigned in front of it", pat, 'GH_TOKEN="$PAT" gh pr create --fill', []],
    ["gh with GH_TOKEN assigned the token in front of it", none, "GH_TOKEN=${{ github.token }} gh pr create --fill", ["pull-requests: write"]],
    ["gh falls back to GITHUB_TOKEN", pat, "gh release create v1", ["contents: write"]],
    ["gh logged in with the token by the script", { ...none, env: { T: "${{ github.token }}" }, tokenVariables: new Set(["T"]) }, 'echo "$T" | gh auth login --with-token\ngh issue close 1', ["issues: write"]],
    ["git push in a clone made with another token", { ...pat, gitCredentials: true }, 'git clone "https://x:${PAT}@github.com/o/site" site\ncd site\ngit push', []],
    ["git push in a clone made with the token", { ...pat, gitCredentials: false }, 'git clone "https://x:${GITHUB_TOKEN}@github.com/o/site" site\ncd site\ngit push', ["contents: read", "contents: write"]],
    ["git push to a remote carrying another token, with no checkout credentials", pat, 'git push "https://x:${PAT}@github.com/o/r" HEAD', []],
    ["git push to a remote carrying another token over the checkout's token: the checkout's header wins", { ...pat, gitCredentials: true }, 'git push "https://x:${PAT}@github.com/o/r" HEAD', ["contents: write"]],
    ["git push after configuring the token as the remote", pat, 'git remote set-url origin "https://x-access-token:${GITHUB_TOKEN}@github.com/o/r"\ngit push', ["contents: write", "git credentials"]],
    ["git push after gh auth setup-git with the token", pat, "gh auth setup-git\ngit push", ["contents: write", "git credentials"]],
    ["git push after gh auth setup-git with another token", { ...pat, env: { ...pat.env, GH_TOKEN: "${{ secrets.PAT }}" } }, "gh auth setup-git\ngit push", []],
    ["docker login ghcr.io fed another token", pat, 'echo "$PAT" | docker login ghcr.io -u me --password-stdin', []],
    ["npm publish with NODE_AUTH_TOKEN set to another token", { ...pat, githubNpmRegistry: true, env: { ...pat.env, NODE_AUTH_TOKEN: "${{ secrets.NPM }}" } }, "npm publish", []],
  ];
  for (const [name, context, script, expected] of cases) {
    test(name, () => expect(summary(scriptEffects(script, context))).toEqual(expected));
  }

  test("a script that configures the token for git tells the later steps", () => {
    expect(scriptEffects('git remote set-url origin "https://x:${GITHUB_TOKEN}@github.com/o/r"', pat)).toEqual([{ kind: "git-credentials" }]);
    expect(scriptEffects('git remote set-url origin "https://x:${PAT}@github.com/o/r"', pat)).toEqual([]);
  });
});

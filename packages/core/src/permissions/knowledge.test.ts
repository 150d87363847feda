import { describe, expect, test } from "vitest";
import { readActionData } from "../../../actions/scripts/data.mjs";
import { inferJobNeeds } from "./infer.ts";
import { ACTION_KNOWLEDGE, actionKey, knowledgeOf } from "./knowledge.ts";
import { acceptsLevel } from "./scopes.ts";

const TOKEN = "${{ secrets.GITHUB_TOKEN }}";
type Step = Record<string, unknown>;

/** The union a job of these steps gets, as `scope: level` strings, plus `unknown` per step wfgen must ask about. */
function infer(steps: Step[], env: Record<string, string> = {}): string[] {
  const result = inferJobNeeds({ "runs-on": "ubuntu-latest", steps }, env);
  return [...Object.entries(result.required).map(([s, l]) => `${s}: ${l}`), ...result.unknown.map(() => "unknown")];
}

const login = { uses: "docker/login-action@v3", with: { registry: "ghcr.io", username: "${{ github.actor }}", password: TOKEN } };

describe("the knowledge table, one use at a time", () => {
  const cases: Array<[string, Step[], string[]]> = [
    ["checkout", [{ uses: "actions/checkout@v4" }], ["contents: read"]],
    ["checkout with a PAT needs nothing of the GITHUB_TOKEN", [{ uses: "actions/checkout@v4", with: { token: "${{ secrets.PAT }}" } }], []],
    ["checkout given github.token explicitly", [{ uses: "actions/checkout@v4", with: { token: "${{ github.token }}" } }], ["contents: read"]],
    ["login to ghcr.io, nothing pushes: read", [login], ["packages: read"]],
    ["login to ghcr.io, then build-push with push: true", [login, { uses: "docker/build-push-action@v6", with: { context: ".", push: true } }], ["packages: write"]],
    [
      "login, then build-push with push as an expression",
      [login, { uses: "docker/build-push-action@v6", with: { context: ".", push: "${{ github.event_name != 'pull_request' }}" } }],
      ["packages: write"],
    ],
    ["login, then build-push with push: false", [login, { uses: "docker/build-push-action@v6", with: { context: ".", push: false } }], ["packages: read"]],
    ["login, then a docker push in a script", [login, { run: "docker push ghcr.io/o/app:1" }], ["packages: write"]],
    ["login with another password is not the token", [{ ...login, with: { ...login.with, password: "${{ secrets.CR_PAT }}" } }], []],
    [
      "login with the registry in the workflow env",
      [{ ...login, with: { ...login.with, registry: "${{ env.REGISTRY }}" } }, { uses: "docker/build-push-action@v6", with: { context: ".", push: true } }],
      ["packages: write"],
    ],
    ["build-push without login pushes with other credentials", [{ uses: "docker/build-push-action@v6", with: { context: ".", push: true } }], []],
    ["build-push from the Git context reads the repository", [{ uses: "docker/build-push-action@v6", with: { push: false } }], ["contents: read"]],
    ["metadata-action, setup-buildx, setup-qemu: none", [{ uses: "docker/metadata-action@v5" }, { uses: "docker/setup-buildx-action@v3" }, { uses: "docker/setup-qemu-action@v3" }], []],
    ["attest-build-provenance", [{ uses: "actions/attest-build-provenance@v2", with: { "subject-path": "dist/*" } }], ["attestations: write", "id-token: write"]],
    [
      "attest with push-to-registry",
      [{ uses: "actions/attest@v2", with: { "subject-name": "ghcr.io/o/app", "subject-digest": "sha256:1", "push-to-registry": true } }],
      ["attestations: write", "id-token: write", "packages: write"],
    ],
    [
      "attest with another token still needs the OIDC token",
      [{ uses: "actions/attest-build-provenance@v2", with: { "subject-path": "x", "github-token": "${{ secrets.PAT }}" } }],
      ["id-token: write"],
    ],
    ["download-artifact of this run", [{ uses: "actions/download-artifact@v4", with: { name: "dist" } }], []],
    [
      "download-artifact of another run with the token",
      [{ uses: "actions/download-artifact@v4", with: { "run-id": "${{ inputs.run }}", "github-token": "${{ github.token }}" } }],
      ["actions: read"],
    ],
    ["upload-artifact and cache: none", [{ uses: "actions/upload-artifact@v4" }, { uses: "actions/cache@v4" }, { uses: "actions/cache/restore@v4" }], []],
    ["github-script cannot be known", [{ uses: "actions/github-script@v7", with: { script: "await github.rest.issues.createComment({})" } }], ["unknown"]],
    ["github-script with another token", [{ uses: "actions/github-script@v7", with: { script: "x", "github-token": "${{ secrets.BOT }}" } }], []],
    ["codeql init and analyze", [{ uses: "github/codeql-action/init@v3" }, { uses: "github/codeql-action/autobuild@v3" }, { uses: "github/codeql-action/analyze@v3" }], ["actions: read", "contents: read", "security-events: write"]],
    ["upload-sarif", [{ uses: "github/codeql-action/upload-sarif@v3", with: { sarif_file: "r.sarif" } }], ["actions: read", "contents: read", "security-events: write"]],
    ["action-gh-release", [{ uses: "softprops/action-gh-release@v2", with: { files: "dist/*" } }], ["contents: write"]],
    ["action-gh-release with a discussion", [{ uses: "softprops/action-gh-release@v2", with: { discussion_category_name: "Releases" } }], ["contents: write", "discussions: write"]],
    ["create-pull-request", [{ uses: "peter-evans/create-pull-request@v7" }], ["contents: write", "pull-requests: write"]],
    ["delete-package-versions", [{ uses: "actions/delete-package-versions@v5", with: { "package-name": "app", "package-type": "container" } }], ["packages: write"]],
    ["Pages", [{ uses: "actions/configure-pages@v5" }, { uses: "actions/upload-pages-artifact@v3" }, { uses: "actions/deploy-pages@v4" }], ["id-token: write", "pages: write"]],
    ["stale", [{ uses: "actions/stale@v9" }], ["issues: write", "pull-requests: write"]],
    [
      "setup-node for GitHub Packages, then npm ci and npm publish with NODE_AUTH_TOKEN",
      [
        { uses: "actions/setup-node@v4", with: { "node-version": 20, "registry-url": "https://npm.pkg.github.com" } },
        { run: "npm ci", env: { NODE_AUTH_TOKEN: TOKEN } },
        { run: "npm publish", env: { NODE_AUTH_TOKEN: TOKEN } },
      ],
      ["packages: write"],
    ],
    [
      "setup-node for GitHub Packages, install only",
      [{ uses: "actions/setup-node@v4", with: { "registry-url": "https://npm.pkg.github.com" } }, { run: "npm ci", env: { NODE_AUTH_TOKEN: TOKEN } }],
      ["packages: read"],
    ],
    ["an unknown action given the token must be declared", [{ uses: "acme/deploy@v1", with: { token: TOKEN } }], ["unknown"]],
    ["an unknown action without the token is assumed to need nothing", [{ uses: "acme/lint@v1" }], []],
    ["a ref, a SHA or upper case do not matter", [{ uses: "Actions/Checkout@11bd71901bbe5b1630ceea73d27597364c9af683" }], ["contents: read"]],
  ];
  for (const [name, steps, expected] of cases) test(name, () => expect(infer(steps, { REGISTRY: "ghcr.io" })).toEqual(expected));

  test("a job container pulled from ghcr.io with the token needs packages: read", () => {
    const result = inferJobNeeds({ container: { image: "ghcr.io/o/ci:1", credentials: { username: "x", password: TOKEN } }, steps: [] }, {});
    expect(result.required).toEqual({ packages: "read" });
  });
});

describe("the knowledge table itself", () => {
  test("keys are lower-case owner/repo[/path], unique and sorted", () => {
    const keys = ACTION_KNOWLEDGE.map((e) => e.action);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+\/[a-z0-9._-]+(\/[a-z0-9._-]+)*$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
  });

  test("lookups ignore the ref and the case; local and docker actions are not in it", () => {
    expect(actionKey("docker/build-push-action@v6")).toBe("docker/build-push-action");
    expect(knowledgeOf("github/codeql-action/init@v3")?.action).toBe("github/codeql-action/init");
    expect(knowledgeOf("./.github/actions/setup")).toBeUndefined();
    expect(knowledgeOf("docker://alpine:3")).toBeUndefined();
  });

  test("every level an entry can produce is one GitHub accepts for the scope", () => {
    const on = { input: () => "true", token: () => true, on: () => true };
    const off = { input: () => undefined, token: () => false, on: () => false };
    for (const entry of ACTION_KNOWLEDGE) {
      for (const effect of [...entry.effects(on), ...entry.effects(off)]) {
        if (effect.kind === "need") expect(acceptsLevel(effect.need.scope, effect.need.level), `${entry.action} ${effect.need.scope}`).toBe(true);
      }
    }
  });

  // The inputs the table reads, per action, must exist in the action's metadata (newest major in data/actions).
  const READS: Record<string, string[]> = {
    "actions/attest-build-provenance": ["github-token", "push-to-registry"],
    "actions/checkout": ["token", "persist-credentials"],
    "actions/download-artifact": ["github-token", "run-id"],
    "actions/github-script": ["github-token"],
    "actions/setup-node": ["registry-url"],
    "docker/build-push-action": ["github-token", "push", "outputs", "context"],
    "docker/login-action": ["registry", "password"],
  };
  for (const [action, inputs] of Object.entries(READS)) {
    test(`${action} has the inputs the table reads`, () => {
      const { refs } = readActionData(action);
      const majors = Object.keys(refs).filter((d) => /^v\d+$/.test(d)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
      const metadata = refs[majors.at(-1)!]!;
      for (const input of inputs) expect(Object.keys(metadata.inputs), `${action} ${majors.at(-1)}`).toContain(input);
      expect(knowledgeOf(action)).toBeDefined();
    });
  }
});

describe("where the token comes from", () => {
  test("steps inside parallel are read, and named by their group", () => {
    const result = inferJobNeeds({ steps: [{ parallel: [{ name: "Release", env: { GH_TOKEN: TOKEN }, run: "gh release create v1" }, { run: "make" }] }] }, {});
    expect(result.required).toEqual({ contents: "write" });
    expect(result.needs.map((n) => [n.step, n.label])).toEqual([[0, '#1 › "Release"']]);
  });

  test("a token in the workflow's or the job's env reaches gh in every step", () => {
    expect(inferJobNeeds({ steps: [{ run: "gh pr merge --auto 1" }] }, { GH_TOKEN: "${{ github.token }}" }).required).toEqual({
      contents: "write",
      "pull-requests": "write",
    });
    expect(inferJobNeeds({ env: { GITHUB_TOKEN: TOKEN }, steps: [{ run: "gh issue comment 1 -b hi" }] }, {}).required).toEqual({ issues: "write" });
  });

  test("an env variable defined through another one still carries the token", () => {
    const job = { env: { T: TOKEN }, steps: [{ env: { GH_TOKEN: "${{ env.T }}" }, run: "gh workflow run x.yml" }] };
    expect(inferJobNeeds(job, {}).required).toEqual({ actions: "write" });
  });

  test("a declared step replaces its inferred needs", () => {
    const result = inferJobNeeds({ steps: [{ uses: "actions/checkout@v4" }] }, {}, [{ label: '"co"', declared: { contents: "write" } }]);
    expect(result.needs).toEqual([{ scope: "contents", level: "write", reason: "declared on the step", step: 0, label: '"co"', declared: true }]);
  });
});

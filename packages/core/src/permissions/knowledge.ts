/**
 * What popular actions do with the GITHUB_TOKEN: one table, keyed by the action (`owner/repo` or
 * `owner/repo/path`; the ref does not matter). Each entry turns one use of the action (its `with` inputs)
 * into effects; the engine turns effects into needs once the whole job is known. The `needs` and `when`
 * columns are the same facts in words, for docs/permissions.md, which is generated from this table.
 *
 * Sources: the actions' READMEs and action.yml, GitHub's docs on publishing packages and on attestations,
 * GitHub's starter workflows (for Pages, CodeQL and stale), as collected in shared/reference/security.md §6, §8.
 */
import { need, type Effect } from "./needs.ts";

/** One use of an action, as the knowledge table reads it. */
export interface ActionUse {
  /** The input's text with `${{ env.X }}` resolved (booleans and numbers as YAML writes them); undefined when not given. */
  input(name: string): string | undefined;
  /** Whether the input is given the GITHUB_TOKEN. */
  token(name: string): boolean;
  /** Whether a boolean input may be on at run time: `true`, or an expression. */
  on(name: string): boolean;
}

/** What wfgen knows about one action. */
export interface ActionKnowledge {
  /** `owner/repo` or `owner/repo/path`, lower case. */
  action: string;
  /**
   * The input that takes the token (it defaults to `github.token`). Given another token (a PAT, an App
   * token), the action spends that one, and needs nothing of the GITHUB_TOKEN but an OIDC token.
   */
  tokenInput?: string;
  /** For the docs: what it needs in the default use, e.g. `contents: read`, or `none`. */
  needs: string;
  /** For the docs: the inputs and job contents that change the needs. */
  when?: readonly string[];
  /** The effects of one use. */
  effects(use: ActionUse): Effect[];
  /** Whether the use leaves the GITHUB_TOKEN in git's configuration for later `git push`/`git fetch`. */
  leavesGitCredentials?(use: ActionUse): boolean;
}

const NONE = (): Effect[] => [];

/** Inputs that are the registry's host: `registry: ghcr.io`; an unresolved expression is named generically. */
function registryName(value: string | undefined): string {
  if (value === undefined || value.trim() === "") return "Docker Hub";
  return value.includes("${{") ? "the container registry" : value.trim();
}

function attest(kind: string): ActionKnowledge["effects"] {
  return (use) => [
    need("id-token", "write", `requests an OIDC token to sign the ${kind} attestation`),
    need("attestations", "write", `stores the ${kind} attestation in the repository`),
    ...(use.on("push-to-registry") ? [need("packages", "write", "pushes the attestation to the image's registry (push-to-registry)")] : []),
  ];
}

const ATTEST_WHEN = ["`push-to-registry: true` (or an expression): also `packages: write`"] as const;

function codeql(step: string): ActionKnowledge["effects"] {
  return () => [
    need("actions", "read", "reads the workflow run to describe the analysis (private repositories)"),
    need("contents", "read", "reads the repository's code (private repositories)"),
    need("security-events", "write", step),
  ];
}

const CODEQL_NEEDS = "`actions: read`, `contents: read`, `security-events: write`";

/** The knowledge table. Keep it sorted by action; docs/permissions.md lists it in this order. */
export const ACTION_KNOWLEDGE: readonly ActionKnowledge[] = [
  {
    action: "actions/attest",
    tokenInput: "github-token",
    needs: "`id-token: write`, `attestations: write`",
    when: ATTEST_WHEN,
    effects: attest("build"),
  },
  {
    action: "actions/attest-build-provenance",
    tokenInput: "github-token",
    needs: "`id-token: write`, `attestations: write`",
    when: ATTEST_WHEN,
    effects: attest("build provenance"),
  },
  {
    action: "actions/attest-sbom",
    tokenInput: "github-token",
    needs: "`id-token: write`, `attestations: write`",
    when: ATTEST_WHEN,
    effects: attest("SBOM"),
  },
  { action: "actions/cache", needs: "none", effects: NONE },
  { action: "actions/cache/restore", needs: "none", effects: NONE },
  { action: "actions/cache/save", needs: "none", effects: NONE },
  {
    action: "actions/checkout",
    tokenInput: "token",
    needs: "`contents: read`",
    when: ["`token` set to another token: none", "a later `git push` with the credentials it leaves: `contents: write`"],
    effects: () => [need("contents", "read", "checks out the repository with GITHUB_TOKEN")],
    leavesGitCredentials: (use) => use.input("persist-credentials") !== "false",
  },
  {
    action: "actions/configure-pages",
    tokenInput: "token",
    needs: "`pages: read`",
    effects: () => [need("pages", "read", "reads the repository's GitHub Pages settings")],
  },
  { action: "actions/create-github-app-token", needs: "none (it signs with the App's key)", effects: NONE },
  {
    action: "actions/delete-package-versions",
    tokenInput: "token",
    needs: "`packages: write`",
    when: ["the repository must also have the admin role on the package"],
    effects: () => [need("packages", "write", "deletes package versions")],
  },
  {
    action: "actions/deploy-pages",
    tokenInput: "token",
    needs: "`pages: write`, `id-token: write`",
    effects: () => [
      need("pages", "write", "deploys the site to GitHub Pages"),
      need("id-token", "write", "proves where the Pages deployment comes from with an OIDC token"),
    ],
  },
  {
    action: "actions/download-artifact",
    tokenInput: "github-token",
    needs: "none (artifacts of the same run)",
    when: ["`github-token` set to the GITHUB_TOKEN (artifacts of another run or repository, `run-id`): `actions: read`"],
    effects: (use) =>
      use.token("github-token")
        ? [need("actions", "read", "downloads artifacts of another workflow run with GITHUB_TOKEN")]
        : [],
  },
  {
    action: "actions/first-interaction",
    tokenInput: "repo-token",
    needs: "`issues: write`, `pull-requests: write`",
    effects: () => [
      need("issues", "write", "comments on a first-time contributor's issue"),
      need("pull-requests", "write", "comments on a first-time contributor's pull request"),
    ],
  },
  {
    action: "actions/github-script",
    tokenInput: "github-token",
    needs: "cannot be known: declare them",
    when: ["`github-token` set to another token: none"],
    effects: () => [{ kind: "unknown", what: "runs a script with GITHUB_TOKEN; what the script calls decides the scopes" }],
  },
  { action: "actions/setup-go", needs: "none", effects: NONE },
  { action: "actions/setup-java", needs: "none", effects: NONE },
  {
    action: "actions/setup-node",
    needs: "none",
    when: [
      "`registry-url: https://npm.pkg.github.com`: the `npm ci`/`npm install` (`packages: read`) and `npm publish` (`packages: write`) steps that get `NODE_AUTH_TOKEN` from the token need them (see the commands below)",
    ],
    effects: NONE,
  },
  { action: "actions/setup-python", needs: "none", effects: NONE },
  {
    action: "actions/stale",
    tokenInput: "repo-token",
    needs: "`issues: write`, `pull-requests: write`",
    effects: () => [
      need("issues", "write", "labels, comments on and closes stale issues"),
      need("pull-requests", "write", "labels, comments on and closes stale pull requests"),
    ],
  },
  { action: "actions/upload-artifact", needs: "none", effects: NONE },
  { action: "actions/upload-pages-artifact", needs: "none", effects: NONE },
  {
    action: "docker/build-push-action",
    tokenInput: "github-token",
    needs: "none",
    when: [
      "`push: true` (or an expression), or `outputs` with `push=true`/`type=registry`, after a GITHUB_TOKEN login to ghcr.io: `packages: write`",
      "no `context` (it builds from the repository's Git context, fetched with the token): `contents: read`",
    ],
    effects: (use) => {
      const outputs = use.input("outputs") ?? "";
      const pushes = use.on("push") || /push=true|type=registry/.test(outputs);
      return [
        ...(pushes ? [{ kind: "image-push", what: "the image" } as const] : []),
        ...(use.input("context") === undefined
          ? [need("contents", "read", "builds from the repository's Git context, which it fetches with GITHUB_TOKEN")]
          : []),
      ];
    },
  },
  {
    action: "docker/login-action",
    needs: "none (its own credentials)",
    when: [
      "`password` set to the GITHUB_TOKEN (ghcr.io): `packages: write` when a step of the job pushes, else `packages: read`",
    ],
    effects: (use) => (use.token("password") ? [{ kind: "registry-login", registry: registryName(use.input("registry")) }] : []),
  },
  { action: "docker/metadata-action", needs: "none", effects: NONE },
  { action: "docker/setup-buildx-action", needs: "none", effects: NONE },
  { action: "docker/setup-qemu-action", needs: "none", effects: NONE },
  { action: "github/codeql-action/analyze", tokenInput: "token", needs: CODEQL_NEEDS, effects: codeql("uploads the code scanning results") },
  { action: "github/codeql-action/autobuild", needs: "none", effects: NONE },
  { action: "github/codeql-action/init", tokenInput: "token", needs: CODEQL_NEEDS, effects: codeql("reports the analysis status to code scanning") },
  {
    action: "github/codeql-action/upload-sarif",
    tokenInput: "token",
    needs: CODEQL_NEEDS,
    effects: codeql("uploads the SARIF results to code scanning"),
  },
  {
    action: "peter-evans/create-pull-request",
    tokenInput: "token",
    needs: "`contents: write`, `pull-requests: write`",
    when: ["the repository setting that lets GitHub Actions create pull requests must be on"],
    effects: () => [
      need("contents", "write", "pushes the pull request's branch"),
      need("pull-requests", "write", "opens or updates the pull request"),
    ],
  },
  { action: "sigstore/cosign-installer", needs: "none", effects: NONE },
  {
    action: "softprops/action-gh-release",
    tokenInput: "token",
    needs: "`contents: write`",
    when: ["`discussion_category_name`: also `discussions: write`"],
    effects: (use) => [
      need("contents", "write", "creates or updates the GitHub release"),
      ...(use.input("discussion_category_name") !== undefined
        ? [need("discussions", "write", "opens a discussion for the release")]
        : []),
    ],
  },
];

const BY_ACTION = new Map(ACTION_KNOWLEDGE.map((entry) => [entry.action, entry]));

/** The table key of a `uses:` value: `owner/repo[/path]` in lower case; undefined for local and docker actions. */
export function actionKey(uses: string): string | undefined {
  if (uses.startsWith("./") || uses.startsWith("docker://")) return undefined;
  const at = uses.indexOf("@");
  return (at === -1 ? uses : uses.slice(0, at)).replace(/\/+$/, "").toLowerCase();
}

/** What the table knows about the action a step uses, if anything. */
export function knowledgeOf(uses: string): ActionKnowledge | undefined {
  const key = actionKey(uses);
  return key === undefined ? undefined : BY_ACTION.get(key);
}

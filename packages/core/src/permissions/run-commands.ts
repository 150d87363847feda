/**
 * What `run:` scripts do with the token. A script is cut into simple commands; each is matched against
 * the commands known to spend the GITHUB_TOKEN (`gh`, `git push`, `docker login/push/pull`, package
 * managers publishing to or installing from GitHub Packages, `curl` to the REST API). Commands known not to
 * touch it are ignored. Anything else is a program wfgen cannot see into: when the step was handed the
 * token, its needs are unknown and must be declared, because guessing would either break the job or
 * over-grant it.
 */
import type { PermissionScope } from "../facts/index.ts";
import { GitCredentials, ghUsesToken, variableHoldsToken } from "./credentials.ts";
import { need, type Effect } from "./needs.ts";
import { restNeed } from "./rest-api.ts";
import { splitCommands, type Command } from "./shell.ts";
import { carriesToken, type EnvMap } from "./token.ts";

/** What the classifier knows about the step and its job. */
export interface ScriptContext {
  /** The step's environment (workflow, job and step `env`, merged), to resolve `$REGISTRY`. */
  env: EnvMap;
  /** Names of the environment variables that hold the token. */
  tokenVariables: ReadonlySet<string>;
  /** The token reaches the step at all: through any `env` level or the script's text. */
  getsToken: boolean;
  /** The token is handed to this step in particular: its own `env`, or its script's text. */
  givenToStep: boolean;
  /**
   * An earlier step left the GITHUB_TOKEN in the checked-out repository's git configuration (a checkout
   * that persisted it, the default; or a script that configured it).
   */
  gitCredentials: boolean;
  /** The job points npm at GitHub Packages (`registry-url: https://npm.pkg.github.com`, or an `.npmrc` line). */
  githubNpmRegistry: boolean;
}

/** One `gh` command group: the subcommands that read and those that write one scope. */
interface GhRule {
  group: string;
  scope: PermissionScope;
  write: readonly string[];
  read: readonly string[];
}

/** `gh` subcommands, by what they do in GitHub's REST API. The docs table lists these rows. */
export const GH_COMMANDS: readonly GhRule[] = [
  { group: "release", scope: "contents", write: ["create", "upload", "edit", "delete", "delete-asset"], read: ["list", "view", "download"] },
  {
    group: "pr",
    scope: "pull-requests",
    write: ["create", "merge", "comment", "edit", "review", "close", "reopen", "ready", "lock", "unlock"],
    read: ["list", "view", "diff", "status"],
  },
  {
    group: "issue",
    scope: "issues",
    write: ["create", "comment", "edit", "close", "reopen", "delete", "transfer", "pin", "unpin", "lock", "unlock"],
    read: ["list", "view", "status"],
  },
  { group: "label", scope: "issues", write: ["create", "edit", "delete", "clone"], read: ["list"] },
  { group: "run", scope: "actions", write: ["cancel", "rerun", "delete"], read: ["list", "view", "watch", "download"] },
  { group: "workflow", scope: "actions", write: ["run", "enable", "disable"], read: ["list", "view"] },
  { group: "cache", scope: "actions", write: ["delete"], read: ["list"] },
];

/** The other commands wfgen reads, for the docs table: command, need, condition. */
export const OTHER_COMMANDS: ReadonlyArray<{ command: string; needs: string; when: string }> = [
  { command: "`gh pr merge`", needs: "`contents: write` as well", when: "merging writes the base branch" },
  { command: "`gh api <path>`", needs: "the path's scope: read for GET, write otherwise", when: "the step gets the token; unmapped paths and `graphql` must be declared" },
  { command: "`curl`/`wget` to `api.github.com`", needs: "the path's scope: read for GET, write otherwise", when: "the command passes the token; other URLs must be declared" },
  {
    command: "`git push`",
    needs: "`contents: write`",
    when:
      "git authenticates with the token: the command carries it (a remote URL with it), or the repository's configuration holds it (a checkout that kept its credentials, an earlier `git remote`/`git config` or `gh auth setup-git` with the token); not in a repository the script cloned with another token, nor after a checkout given another token or `persist-credentials: false`",
  },
  { command: "`git fetch`/`pull`/`clone` with the token in the command", needs: "`contents: read`", when: "" },
  { command: "`docker login ghcr.io`", needs: "`packages: write` when the job pushes, else `packages: read`", when: "the script feeds it the token" },
  { command: "`docker push`, `docker buildx build --push`, `docker manifest push`, `docker buildx imagetools create`", needs: "`packages: write`", when: "after a GITHUB_TOKEN login to ghcr.io in the job" },
  { command: "`docker pull`", needs: "`packages: read`", when: "after a GITHUB_TOKEN login to ghcr.io in the job" },
  { command: "`cosign sign`/`cosign attest`", needs: "`packages: write` (after a ghcr.io login); `id-token: write` without `--key`", when: "" },
  { command: "`npm ci`/`install`, `pnpm install`, `yarn install`", needs: "`packages: read`", when: "the token is in `NODE_AUTH_TOKEN`, or the job points npm at npm.pkg.github.com and `NODE_AUTH_TOKEN` holds no other token" },
  { command: "`npm publish`, `pnpm publish`, `yarn npm publish`", needs: "`packages: write`", when: "as above" },
  { command: "`npm publish --provenance` (or `NPM_CONFIG_PROVENANCE=true`)", needs: "`id-token: write`", when: "to any registry, whatever token logs in" },
  { command: "`mvn deploy`, `gradle publish`, `dotnet nuget push`", needs: "`packages: write`", when: "the step gets the token" },
];

/** Programs that never spend the token (text tools, shell builtins, archive tools). */
const HARMLESS = new Set(
  (
    ": [ [[ test true false echo printf cat tr sed awk gawk grep egrep fgrep cut head tail sort uniq wc cd pushd popd export " +
    "set unset shift local declare readonly read exit return mkdir rmdir cp mv rm ls touch chmod chown ln tee date sleep jq yq " +
    "base64 sha256sum sha1sum sha512sum md5sum shasum tar gzip gunzip zip unzip xz basename dirname realpath readlink pwd printenv " +
    "which type find xargs diff cmp seq env nproc uname whoami id df du free stat file hostname Write-Host Write-Output"
  ).split(" "),
);

/** Words that only shape the command that follows them. */
const PREFIXES = new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time", "sudo", "nohup", "exec", "command", "builtin"]);

/** Words that end a compound command, or start one whose next words are not a command. */
const NOT_COMMANDS = new Set(["fi", "done", "esac", "}", "for", "case", "select", "function", "in"]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

// Scripts repeat across the jobs and workflows of a repository (the same test or build command), and
// splitting one into commands and words is most of reading it: each distinct script is split once per
// process. What the commands do is still read in each step's context (its environment and token), which
// differs from job to job. Bounded, so that a long-lived process cannot grow it without end.
const MEMO_LIMIT = 10_000;
const commandsByScript = new Map<string, readonly Command[]>();

function commandsOf(script: string): readonly Command[] {
  let commands = commandsByScript.get(script);
  if (commands === undefined) {
    if (commandsByScript.size >= MEMO_LIMIT) commandsByScript.clear();
    commands = splitCommands(script);
    commandsByScript.set(script, commands);
  }
  return commands;
}

/** The effects of a `run:` script. */
export function scriptEffects(script: string, context: ScriptContext): Effect[] {
  const effects: Effect[] = [];
  // The token often reaches a command through a pipe (`echo "$T" | docker login --password-stdin`), so
  // whether the script uses it at all is judged on its whole text.
  const spends = carriesToken(script, context.tokenVariables);
  const git = new GitCredentials(context.gitCredentials, context.tokenVariables);
  for (const command of commandsOf(script)) effects.push(...commandEffects(command, context, spends, git));
  // What the script leaves in git's configuration reaches the steps after it.
  if (git.tokenConfigured && !context.gitCredentials) effects.push({ kind: "git-credentials" });
  return effects;
}

function commandEffects(command: Command, context: ScriptContext, spends: boolean, git: GitCredentials): Effect[] {
  const words = stripPrefixes(command.words);
  if (words.length === 0) return [];
  const program = words[0]!.replace(/^.*\//, "");
  const carries = carriesToken(command.text, context.tokenVariables);
  const args = words.slice(1);
  switch (program) {
    case "gh": {
      const usesToken = ghUsesToken(command, context.env, context.tokenVariables, spends);
      if (args[0] === "auth" && args[1] === "setup-git") git.helperFromGh(usesToken);
      return usesToken ? ghEffects(args) : [];
    }
    case "git":
      return gitEffects(args, command.text, carries, git);
    case "docker":
      return dockerEffects(args, context, carries, command.text, spends);
    case "cosign":
      return cosignEffects(args);
    case "npm":
    case "pnpm":
    case "yarn":
      return packageManagerEffects(program, args, context, carries, command);
    case "mvn":
    case "gradle":
    case "gradlew":
    case "dotnet":
      return buildToolEffects(program, args, context, carries);
    case "curl":
    case "wget":
      return carries ? httpEffects(program, args, command.text) : [];
  }
  if (HARMLESS.has(program)) return [];
  if (NOT_COMMANDS.has(program)) return [];
  return context.givenToStep || carries ? [unknown(`runs \`${shorten(words)}\`, which wfgen cannot see into, with GITHUB_TOKEN`)] : [];
}

/** Drop assignments, `if`/`sudo`-like words and `env`'s own arguments before the command's name. */
function stripPrefixes(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (ASSIGNMENT.test(word) || PREFIXES.has(word)) i++;
    else if (word === "env") {
      i++;
      while (i < words.length && (ASSIGNMENT.test(words[i]!) || words[i]!.startsWith("-"))) i++;
    } else if (word === "xargs") {
      i++;
      while (i < words.length && words[i]!.startsWith("-")) i += /^-[IndLPsE]$/.test(words[i]!) ? 2 : 1;
    } else break;
  }
  return words.slice(i);
}

/** The words that are not options (and not the values of the options listed in `valued`). */
function positionals(args: readonly string[], valued: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("-")) {
      if (valued.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

function ghEffects(args: readonly string[]): Effect[] {
  const [group, sub] = positionals(args, new Set(["-R", "--repo", "-X", "--method"]));
  const shown = `gh ${[group, sub].filter(Boolean).join(" ")}`;
  if (group === "api") return ghApiEffects(args.slice(args.indexOf("api") + 1));
  if (group === "auth" || group === "help" || group === "version" || group === "--version") return [];
  const rule = GH_COMMANDS.find((r) => r.group === group);
  if (rule && sub !== undefined) {
    const reason = `runs \`${shown}\` with GITHUB_TOKEN`;
    if (rule.write.includes(sub)) {
      return [
        need(rule.scope, "write", reason),
        ...(group === "pr" && sub === "merge" ? [need("contents", "write", `${reason} (merging writes the base branch)`)] : []),
      ];
    }
    if (rule.read.includes(sub)) return [need(rule.scope, "read", reason)];
  }
  return [unknown(`runs \`${shown}\` with GITHUB_TOKEN, whose scopes wfgen does not know`)];
}

const GH_API_VALUED = new Set(["-X", "--method", "-H", "--header", "-f", "--raw-field", "-F", "--field", "--input", "-q", "--jq", "-t", "--template", "--hostname", "--cache", "-p", "--preview"]);

function ghApiEffects(args: readonly string[]): Effect[] {
  const path = positionals(args, GH_API_VALUED)[0];
  let method = optionValue(args, ["-X", "--method"]);
  if (method === undefined) method = args.some((a) => /^(-f|-F|--field|--raw-field|--input)(=|$)/.test(a)) ? "POST" : "GET";
  if (path === undefined || path === "graphql") {
    return [unknown(`runs \`gh api${path === undefined ? "" : ` ${path}`}\` with GITHUB_TOKEN, whose scopes wfgen does not know`)];
  }
  const mapped = restNeed(method, path, "gh api");
  return mapped ? [{ kind: "need", need: mapped }] : [unknown(`runs \`gh api ${path}\` with GITHUB_TOKEN, an API path wfgen does not map`)];
}

function gitEffects(args: readonly string[], text: string, carries: boolean, git: GitCredentials): Effect[] {
  const sub = positionals(args, new Set(["-C", "-c", "--git-dir", "--work-tree"]))[0];
  const usesToken = git.read(sub, args, text);
  if (sub === "push" && usesToken) return [need("contents", "write", "runs `git push` with GITHUB_TOKEN")];
  if ((sub === "fetch" || sub === "pull" || sub === "clone" || sub === "ls-remote") && carries) {
    return [need("contents", "read", `runs \`git ${sub}\` with GITHUB_TOKEN`)];
  }
  return [];
}

/** Hosts of GitHub's container registries. */
const GITHUB_REGISTRY = /^(?:ghcr\.io|docker\.pkg\.github\.com|containers\.[^/]+)(?:\/|$)/i;

function dockerEffects(args: readonly string[], context: ScriptContext, carries: boolean, text: string, spends: boolean): Effect[] {
  const words = positionals(args, new Set(["-u", "--username", "-p", "--password", "--config", "-H", "--host", "-c", "--context"]));
  const [sub, second] = words;
  if (sub === "login") {
    // docker reads no token from the environment: the script must feed it the GITHUB_TOKEN itself.
    if (!spends) return [];
    const registry = words[1] === undefined ? undefined : expandVariables(words[1], context.env);
    if (registry === undefined) return []; // Docker Hub: the GITHUB_TOKEN does not log in there.
    if (GITHUB_REGISTRY.test(registry)) return [{ kind: "registry-login", registry: registry.replace(/\/.*$/, "") }];
    // A registry wfgen cannot resolve counts only when the script feeds the token in itself: the token
    // logs in nowhere but GitHub's registries, so that is where it goes.
    if (registry.includes("$")) return [{ kind: "registry-login", registry: "the container registry" }];
    return [];
  }
  const pushes =
    sub === "push" ||
    (sub === "image" && second === "push") ||
    (sub === "manifest" && second === "push") ||
    (sub === "buildx" && second === "imagetools" && words[2] === "create") ||
    ((sub === "build" || sub === "buildx") && (args.includes("--push") || /type=registry|push=true/.test(text)));
  if (pushes) {
    const shown = sub === "image" || sub === "manifest" || sub === "buildx" ? `${sub} ${second ?? ""}`.trim() : sub!;
    const flag = (sub === "build" || sub === "buildx") && second !== "imagetools" ? " --push" : "";
    return [{ kind: "image-push", command: `docker ${shown}${flag}` }];
  }
  if (sub === "pull" || (sub === "image" && second === "pull")) return [{ kind: "image-pull", command: `docker ${sub === "image" ? "image pull" : "pull"}` }];
  return carries ? [unknown(`runs \`docker ${sub ?? ""}\` with GITHUB_TOKEN`)] : [];
}

function cosignEffects(args: readonly string[]): Effect[] {
  const sub = positionals(args)[0];
  if (sub !== "sign" && sub !== "attest") return [];
  const keyless = !args.some((a) => a === "--key" || a.startsWith("--key="));
  return [
    { kind: "image-push", what: `the ${sub === "sign" ? "signature" : "attestation"}`, command: `cosign ${sub}` },
    ...(keyless ? [need("id-token", "write", `runs \`cosign ${sub}\` without --key, which signs with an OIDC token`)] : []),
  ];
}

const INSTALLS = new Set(["ci", "install", "i", "add", "update", "upgrade", "up"]);

function packageManagerEffects(program: string, args: readonly string[], context: ScriptContext, carries: boolean, command: Command): Effect[] {
  const words = positionals(args, new Set(["--registry", "--prefix", "-C", "--dir", "--filter", "-w", "--workspace", "--tag", "--access"]));
  const sub = program === "yarn" && words[0] === "npm" ? words[1] : words[0];
  const publishes = sub === "publish";
  const installs = sub === undefined ? program === "yarn" : INSTALLS.has(sub);
  // setup-node's .npmrc authenticates with NODE_AUTH_TOKEN: set to another token, that one is used.
  const nodeAuth = variableHoldsToken(command, "NODE_AUTH_TOKEN", context.env, context.tokenVariables);
  const authenticated =
    nodeAuth === true || carries || (nodeAuth === undefined && context.getsToken && (context.githubNpmRegistry || command.text.includes("npm.pkg.github.com")));
  const shown = `${program}${sub === undefined ? "" : ` ${program === "yarn" && words[0] === "npm" ? "npm " : ""}${sub}`}`;
  // Provenance is signed with an OIDC token whichever registry the package goes to, and whatever token logs in.
  const provenance = publishes && (args.some((a) => a === "--provenance" || a === "--provenance=true") || /^(?:true|1)$/i.test(context.env.NPM_CONFIG_PROVENANCE ?? context.env.npm_config_provenance ?? ""));
  const signs = provenance ? [need("id-token", "write", `runs \`${shown} --provenance\`, which signs the package's provenance with an OIDC token`)] : [];
  if (!authenticated) return signs;
  if (publishes) return [...signs, need("packages", "write", `runs \`${shown}\` to GitHub Packages with GITHUB_TOKEN`)];
  if (installs) return [need("packages", "read", `runs \`${shown}\`, installing from GitHub Packages with GITHUB_TOKEN`)];
  return context.givenToStep || carries ? [unknown(`runs \`${shown}\` (a project script wfgen cannot see into) with GITHUB_TOKEN`)] : [];
}

function buildToolEffects(program: string, args: readonly string[], context: ScriptContext, carries: boolean): Effect[] {
  const words = positionals(args);
  const publishes =
    (program === "mvn" && words.includes("deploy")) ||
    ((program === "gradle" || program === "gradlew") && words.some((w) => /^publish/.test(w))) ||
    (program === "dotnet" && words[0] === "nuget" && words[1] === "push");
  if (publishes && context.getsToken) {
    return [need("packages", "write", `runs \`${shorten([program, ...words.slice(0, 2)])}\` to GitHub Packages with GITHUB_TOKEN`)];
  }
  if (publishes || !(context.givenToStep || carries)) return [];
  return [unknown(`runs \`${shorten([program, ...words.slice(0, 2)])}\`, which wfgen cannot see into, with GITHUB_TOKEN`)];
}

function httpEffects(program: string, args: readonly string[], text: string): Effect[] {
  const url = args.find((a) => /^https?:\/\/[^/]*github\.com\//i.test(a) || /^https?:\/\/[^/]*\.pkg\.github\.com/i.test(a));
  const explicit = optionValue(args, program === "curl" ? ["-X", "--request"] : ["--method"]);
  const sends = program === "curl" ? args.some((a) => /^(-d|--data.*|-F|--form.*|-T|--upload-file|--json)(=|$)/.test(a)) : /--post-(data|file)/.test(text);
  const method = explicit ?? (sends ? (args.some((a) => a === "-T" || a === "--upload-file") ? "PUT" : "POST") : "GET");
  if (url !== undefined) {
    const host = new URL(url.replace(/\$\{\{[^}]*\}\}/g, "x")).hostname.toLowerCase();
    if (host === "api.github.com") {
      const mapped = restNeed(method, url, program);
      if (mapped) return [{ kind: "need", need: mapped }];
    } else if (host === "uploads.github.com") {
      return [need("contents", "write", `uploads a release asset with GITHUB_TOKEN (${program})`)];
    } else if (host.endsWith(".pkg.github.com")) {
      const reads = method === "GET" || method === "HEAD";
      return [need("packages", reads ? "read" : "write", `${reads ? "downloads from" : "publishes to"} GitHub Packages with GITHUB_TOKEN (${program})`)];
    }
  }
  return [unknown(`calls ${url ?? "a URL"} with GITHUB_TOKEN (${program}), an address wfgen does not map`)];
}

function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (name.length === 2 && arg.startsWith(name) && arg.length > 2 && !arg.startsWith("--")) return arg.slice(2);
    }
  }
  return undefined;
}

/** `$REGISTRY` and `${REGISTRY}` replaced by their value where the environment has one. */
function expandVariables(word: string, env: EnvMap): string {
  return word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => (Object.hasOwn(env, name) && !env[name]!.includes("${{") ? env[name]! : whole));
}

function unknown(what: string): Effect {
  return { kind: "unknown", what };
}

function shorten(words: readonly string[]): string {
  const shown = words.slice(0, 3).join(" ");
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

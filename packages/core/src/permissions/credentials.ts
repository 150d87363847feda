/**
 * Which credential a token-using command authenticates with. Having the GITHUB_TOKEN somewhere in the
 * step's environment is not enough: each program reads its own source, and only when that source holds the
 * GITHUB_TOKEN does the command need anything of the job's permissions.
 *
 * - `gh` reads `GH_TOKEN`, else `GITHUB_TOKEN` (an assignment in front of the command wins over `env`);
 *   with neither, only a login the script feeds the token to (`gh auth login --with-token`) gives it one.
 * - `git push` (and `fetch`/`pull`) never read the environment: they use the remote URL they are given and
 *   git's configuration. `actions/checkout` writes its token into the checked-out repository's
 *   configuration as an HTTP header, which git sends before any credential in a URL; so in that repository
 *   the checkout's token wins. A repository the script cloned itself has no such header: there, the clone
 *   URL's credential is the one.
 * - npm reads `NODE_AUTH_TOKEN` through the `.npmrc` that `setup-node` writes.
 */
import type { Command } from "./shell.ts";
import { carriesToken, type EnvMap } from "./token.ts";

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** `NAME=value` words written in front of the command (also after `env`), by name. */
export function inlineAssignments(words: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of words) {
    if (word === "env" || word === "sudo" || word.startsWith("-")) continue;
    const m = ASSIGNMENT.exec(word);
    if (!m) break;
    out.set(m[1]!, m[2]!);
  }
  return out;
}

/**
 * Whether the command's variable `name` (given in front of it, else in `env`) holds the GITHUB_TOKEN;
 * undefined when the variable is not set at all.
 */
export function variableHoldsToken(command: Command, name: string, env: EnvMap, tokenVariables: ReadonlySet<string>): boolean | undefined {
  const inline = inlineAssignments(command.words).get(name);
  if (inline !== undefined) return carriesToken(inline, tokenVariables);
  if (tokenVariables.has(name)) return true;
  return Object.hasOwn(env, name) ? false : undefined;
}

/** Whether a `gh` command authenticates with the GITHUB_TOKEN; `spends` tells whether the script feeds the token to anything. */
export function ghUsesToken(command: Command, env: EnvMap, tokenVariables: ReadonlySet<string>, spends: boolean): boolean {
  for (const name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
    const holds = variableHoldsToken(command, name, env, tokenVariables);
    if (holds !== undefined) return holds;
  }
  return spends;
}

/** The credential written in a URL's user part (`https://x:<token>@github.com/...`): undefined when it has none. */
export function urlCredential(word: string, tokenVariables: ReadonlySet<string>): "github-token" | "other" | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)@/i.exec(word);
  if (!m) return undefined;
  return carriesToken(m[1]!, tokenVariables) ? "github-token" : "other";
}

/**
 * What git authenticates with in one script, command by command. `configured` starts as what earlier
 * steps left in the checked-out repository's configuration (the GITHUB_TOKEN or not).
 */
export class GitCredentials {
  /** After a `git clone` in this script, later commands are taken to run in that clone: its URL's credential. */
  private clone: "github-token" | "other" | undefined;

  constructor(
    private configured: boolean,
    private readonly tokenVariables: ReadonlySet<string>,
  ) {}

  /** Whether the GITHUB_TOKEN is in the checked-out repository's git configuration now. */
  get tokenConfigured(): boolean {
    return this.configured;
  }

  /**
   * Read one git command (`args` after `git`, `sub` its subcommand). Returns whether it authenticates with
   * the GITHUB_TOKEN, for the commands that talk to a remote.
   */
  read(sub: string | undefined, args: readonly string[], text: string): boolean {
    const carries = carriesToken(text, this.tokenVariables);
    const url = args.map((a) => urlCredential(a, this.tokenVariables)).find((c) => c !== undefined);
    if (sub === "clone") {
      this.clone = url ?? (this.configured ? "github-token" : "other");
      return carries;
    }
    if (sub === "remote" || sub === "config" || sub === "credential") {
      // `git remote set-url origin https://x:<token>@...`, a credential helper or an extra header with the token.
      if (this.clone !== undefined) this.clone = carries ? "github-token" : (url ?? this.clone);
      else if (carries) this.configured = true;
      return false;
    }
    if (carries) return true;
    if (this.clone !== undefined) return this.clone === "github-token";
    return this.configured;
  }

  /** `gh auth setup-git`: git asks gh for credentials from now on, so git uses whatever gh uses. */
  helperFromGh(usesToken: boolean): void {
    if (usesToken) this.configured = true;
  }
}

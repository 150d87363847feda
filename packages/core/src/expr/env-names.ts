/**
 * How the `sh` lowering names the environment variable that carries an expression into a script: reuse a
 * variable the runner or the `env` context already provides, else derive a readable, safe name.
 */
import { type ContextReference, parseContextPath } from "./references.ts";
import type { RenderContext } from "./render.ts";
import type { Node } from "./node.ts";

// `github.<field>` whose value the runner also exports as `GITHUB_<FIELD>` in every step.
const GITHUB_VARIABLES = new Set([
  "action",
  "action_path",
  "action_ref",
  "action_repository",
  "actor",
  "actor_id",
  "api_url",
  "base_ref",
  "env",
  "event_name",
  "event_path",
  "graphql_url",
  "head_ref",
  "job",
  "path",
  "ref",
  "ref_name",
  "ref_protected",
  "ref_type",
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "retention_days",
  "run_attempt",
  "run_id",
  "run_number",
  "server_url",
  "sha",
  "triggering_actor",
  "workflow",
  "workflow_ref",
  "workflow_sha",
  "workspace",
]);

// `runner.<field>` exported as `RUNNER_<FIELD>`.
const RUNNER_VARIABLES = new Set(["os", "arch", "name", "temp", "tool_cache", "debug", "environment"]);

// Variables a script or the shell itself depends on: overriding one from an expression would break the step,
// or (BASH_ENV, LD_PRELOAD, ...) hand code execution to whoever controls the value.
const PROTECTED = new Set([
  "BASH_ENV",
  "BASHOPTS",
  "CDPATH",
  "CI",
  "ENV",
  "GLOBIGNORE",
  "HOME",
  "HOSTNAME",
  "IFS",
  "LANG",
  "LC_ALL",
  "LD_LIBRARY_PATH",
  "LD_PRELOAD",
  "NODE_OPTIONS",
  "OLDPWD",
  "PATH",
  "PROMPT_COMMAND",
  "PS4",
  "PSMODULEPATH",
  "PWD",
  "SHELL",
  "SHELLOPTS",
  "TEMP",
  "TERM",
  "TMP",
  "TMPDIR",
  "USER",
]);

/** The runner sets these prefixes itself and ignores a step's attempt to set them (`GITHUB_TOKEN` excepted). */
const RESERVED_PREFIX = /^(GITHUB_|RUNNER_|ACTIONS_)/;

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The context path an expression node reads, when it is a plain path (handles resolved through `ctx`). */
export function staticPath(node: Node, ctx: RenderContext): ContextReference | undefined {
  if (node.kind === "handle") return parseContextPath(ctx.resolveHandle(node.handle, node.path));
  const path: string[] = [];
  let at: Node = node;
  for (;;) {
    switch (at.kind) {
      case "context":
        return { context: at.name.toLowerCase(), path };
      case "property":
        path.unshift(at.name);
        at = at.object;
        continue;
      case "filter":
        path.unshift("*");
        at = at.object;
        continue;
      default:
        return undefined;
    }
  }
}

/**
 * A variable every step already has with the expression's value: `env.X` (the `env` context is the process
 * environment), `github.actor` -> `GITHUB_ACTOR`, `runner.os` -> `RUNNER_OS`.
 */
export function existingVariable(ref: ContextReference): string | undefined {
  if (ref.path.length !== 1) return undefined;
  const name = ref.path[0] as string;
  if (ref.context === "env" && SHELL_NAME.test(name)) return name;
  if (ref.context === "github" && GITHUB_VARIABLES.has(name)) return `GITHUB_${name.toUpperCase()}`;
  if (ref.context === "runner" && RUNNER_VARIABLES.has(name)) return `RUNNER_${name.toUpperCase()}`;
  return undefined;
}

function sanitize(words: readonly string[]): string {
  return words
    .join("_")
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, "_");
}

/** A name the step may set without changing the runner's or the shell's behaviour. */
export function isSafeName(name: string): boolean {
  return (
    /^[A-Z_][A-Z0-9_]*$/.test(name) && (name === "GITHUB_TOKEN" || !RESERVED_PREFIX.test(name)) && !PROTECTED.has(name)
  );
}

/**
 * A readable name for a new variable holding the value at `ref`: `secrets.NPM_TOKEN` -> `NPM_TOKEN`,
 * `github.event.pull_request.title` -> `PULL_REQUEST_TITLE`, `steps.meta.outputs.tags` -> `META_TAGS`,
 * `matrix.os` -> `MATRIX_OS`. An unsafe result is qualified by its context (`inputs.path` -> `INPUTS_PATH`).
 */
export function derivedName(ref: ContextReference): string {
  const path = ref.path.filter((p) => p !== "*");
  let words: readonly string[];
  switch (ref.context) {
    case "github":
      if (path[0] === "event") {
        const rest = path.slice(1);
        words = rest.length <= 1 ? path : rest.slice(-2);
      } else {
        words = path.length === 1 && path[0] === "token" ? ["github", "token"] : path;
      }
      break;
    case "secrets":
    case "vars":
    case "inputs":
    case "env":
      words = path;
      break;
    case "steps":
    case "needs":
    case "jobs":
      words = path[1] === "outputs" ? [path[0] as string, ...path.slice(2)] : path;
      break;
    default:
      words = [ref.context, ...path];
  }
  const name = sanitize(words.length > 0 ? words : [ref.context]);
  if (isSafeName(name)) return name;
  const qualified = sanitize([ref.context, name]);
  return isSafeName(qualified) ? qualified : `WF_${qualified}`;
}

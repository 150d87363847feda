/**
 * Where the GITHUB_TOKEN travels. A step can only spend the token if it receives it: through an action
 * input, an environment variable, or the text of its script. The token is written `${{ secrets.GITHUB_TOKEN }}`
 * or `${{ github.token }}` (context names are case-insensitive in expressions, so `secrets.github_token` too).
 */

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const TOKEN_REFERENCE = /\b(?:secrets\s*(?:\.\s*github_token\b|\[\s*'github_token'\s*\])|github\s*(?:\.\s*token\b|\[\s*'token'\s*\]))/i;
const SAYS_TOKEN = /token/i;
const ENV_REFERENCE = /^\s*env\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])\s*$/;

/**
 * Whether `text` contains an expression that reads the GITHUB_TOKEN. A fallback such as
 * `${{ secrets.PAT || github.token }}` counts: the token may be what the step gets, so it must be enough.
 */
export function mentionsToken(text: string): boolean {
  // Every way of writing the token says `token`: most texts are ruled out without a match made.
  if (!text.includes("${{") || !SAYS_TOKEN.test(text)) return false;
  for (const match of text.matchAll(EXPRESSION)) if (TOKEN_REFERENCE.test(match[1]!)) return true;
  return false;
}

/** An environment: the merged `env` maps of the workflow, the job and the step, as text. */
export type EnvMap = Readonly<Record<string, string>>;

/** The model's `env` value as text values (numbers and booleans become their YAML text). */
export function envOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const name of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[name];
    if (item !== null && item !== undefined) out[name] = String(item);
  }
  return out;
}

/**
 * Replace `${{ env.NAME }}` by the variable's text where the environment defines it, so that
 * `registry: ${{ env.REGISTRY }}` is read as `ghcr.io`. Unknown names are left as they are.
 */
export function resolveEnv(text: string, env: EnvMap): string {
  // Only `env.NAME` and `env['NAME']` are replaced: text that never says `env` has nothing to resolve.
  if (!text.includes("${{") || !text.includes("env")) return text;
  let current = text;
  // A few rounds resolve variables defined through other variables; more would only chase a cycle.
  for (let round = 0; round < 4; round++) {
    const next = current.replace(EXPRESSION, (whole, inner: string) => {
      const m = ENV_REFERENCE.exec(inner);
      const name = m?.[1] ?? m?.[2];
      return name !== undefined && Object.hasOwn(env, name) ? env[name]! : whole;
    });
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** The names of the variables of `env` that hold the GITHUB_TOKEN. */
export function tokenVariables(env: EnvMap): ReadonlySet<string> {
  let names: Set<string> | undefined;
  for (const name of Object.keys(env)) if (mentionsToken(resolveEnv(env[name]!, env))) (names ??= new Set()).add(name);
  return names ?? NO_VARIABLES;
}

// What most environments hold: one empty set for all of them, not one each.
const NO_VARIABLES: ReadonlySet<string> = new Set();

/** Whether shell text reads one of `names` (`$NAME`, `${NAME}`, `${NAME:-x}`, `$env:NAME`, `%NAME%`). */
export function readsVariable(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  for (const m of text.matchAll(/\$\{?(?:env:)?([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%/g)) {
    if (names.has(m[1] ?? m[2]!)) return true;
  }
  return false;
}

/** Whether `text` spends the token: the expression itself, or a variable holding it. */
export function carriesToken(text: string, variables: ReadonlySet<string>): boolean {
  return mentionsToken(text) || readsVariable(text, variables);
}

// GitHub Packages accepts the workflow's own GITHUB_TOKEN (with packages: write to publish, read to
// install). A personal access token does the same job but outlives the run, usually reaches every
// repository its owner can, and must be rotated by hand: it is the avoidable secret.
import { defineRule, type ModelPath, type StepContext } from "./types.ts";
import { envEntry, expressionsOf, resolveEnv, scalarText, secretsRead, shellVariablesRead, usesAction } from "./util.ts";

const GHCR = /\b(?:ghcr\.io|docker\.pkg\.github\.com)\b/i;
const NPM_GPR = /\bnpm\.pkg\.github\.com\b/i;

export const preferGithubToken = defineRule({
  id: "prefer-github-token",
  severity: "warning",
  confidence: "medium",
  summary: "A personal access token is used to log in to ghcr.io or npm.pkg.github.com, where GITHUB_TOKEN would do.",
  fix: "Use ${{ secrets.GITHUB_TOKEN }} and grant the job packages: write (publish) or packages: read (install).",
  fixTs: "Use secrets.GITHUB_TOKEN; wfgen grants the job the packages scope it needs.",
  visits: ["step"],
  documents: ["workflow", "action"],
  check(context) {
    const { step, job, workflow } = context;
    const otherSecrets = (text: string): string[] => {
      const direct = secretsRead(text);
      // ${{ env.X }} where X holds the secret.
      for (const match of text.matchAll(/\$\{\{[^}]*?\benv\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const entry = envEntry(match[1]!, workflow, job, step);
        if (entry) direct.push(...secretsRead(entry.value));
      }
      return [...new Set(direct.filter((name) => name !== "GITHUB_TOKEN"))];
    };

    // docker/login-action with registry: ghcr.io.
    if (usesAction(step, "docker/login-action")) {
      const registry = resolveEnv(scalarText(step.with.registry) ?? "", workflow, job, step);
      const password = scalarText(step.with.password);
      if (GHCR.test(registry) && password !== undefined) {
        const secret = otherSecrets(password)[0];
        if (secret) report(context, [...step.path, "with", "password"], undefined, secret, "log in to ghcr.io", "packages: write to push, packages: read to pull");
      }
    }

    // `docker login ghcr.io` or an .npmrc for npm.pkg.github.com in a script, fed a secret directly or
    // through an env variable the script reads.
    if (step.run !== undefined) {
      const script = step.run;
      const variables = shellVariablesRead(script);
      const viaEnv = [...variables]
        .map((name) => ({ name, entry: envEntry(name, workflow, job, step) }))
        .filter((v): v is { name: string; entry: NonNullable<typeof v.entry> } => v.entry !== undefined);
      const mentions = (pattern: RegExp) => pattern.test(resolveEnv(script, workflow, job, step)) || viaEnv.some((v) => pattern.test(v.entry.value));
      const login = /\bdocker\s+login\b/.test(script) && mentions(GHCR);
      const npm = mentions(NPM_GPR) && /_authToken|npm\s+(?:login|adduser)|NODE_AUTH_TOKEN/i.test(script);
      if (login || npm) {
        const action = login ? "log in to ghcr.io" : "authenticate to npm.pkg.github.com";
        const scopes = login ? "packages: write to push, packages: read to pull" : "packages: write to publish, packages: read to install";
        let reported = false;
        for (const expression of expressionsOf(script)) {
          const secret = otherSecrets(expression.text)[0];
          if (!secret) continue;
          report(context, [...step.path, "run"], expression.text, secret, action, scopes);
          reported = true;
          break;
        }
        if (!reported) {
          for (const { entry } of viaEnv) {
            const secret = otherSecrets(entry.value)[0];
            if (!secret) continue;
            report(context, entry.path, undefined, secret, action, scopes);
            break;
          }
        }
      }
    }

    // actions/setup-node for npm.pkg.github.com: the token is NODE_AUTH_TOKEN of the steps that run npm.
    if (usesAction(step, "actions/setup-node")) {
      const registry = resolveEnv(scalarText(step.with["registry-url"]) ?? "", workflow, job, step);
      if (!NPM_GPR.test(registry)) return;
      const entries: Array<{ value: unknown; path: ModelPath }> = [
        { value: workflow.env.NODE_AUTH_TOKEN, path: ["env", "NODE_AUTH_TOKEN"] },
        { value: job.env.NODE_AUTH_TOKEN, path: [...job.path, "env", "NODE_AUTH_TOKEN"] },
        ...job.steps.filter((s) => s.index > step.index).map((s) => ({ value: s.env.NODE_AUTH_TOKEN, path: [...s.path, "env", "NODE_AUTH_TOKEN"] })),
      ];
      for (const { value, path } of entries) {
        const text = scalarText(value);
        const secret = text === undefined ? undefined : otherSecrets(text)[0];
        if (secret) report(context, path, undefined, secret, "authenticate to npm.pkg.github.com", "packages: write to publish, packages: read to install");
      }
    }
  },
});

function report(context: StepContext, path: ModelPath, needle: string | undefined, secret: string, action: string, scopes: string): void {
  context.report({
    path,
    ...(needle !== undefined ? { needle } : {}),
    message: `uses secrets.${secret} to ${action}; a personal access token outlives the job and usually reaches every repository of its owner, while the workflow's own GITHUB_TOKEN can do this and expires with the job`,
    fix: `use \${{ secrets.GITHUB_TOKEN }} instead of secrets.${secret} and grant the job ${scopes}; for a package owned elsewhere, give this repository access in the package's "Manage Actions access" settings`,
    fixTs: `use secrets.GITHUB_TOKEN instead of secrets.${secret} (wfgen grants the job the packages scope it needs); for a package owned elsewhere, give this repository access in the package's "Manage Actions access" settings`,
  });
}

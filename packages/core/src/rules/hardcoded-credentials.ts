// A password or token written into the workflow is readable by anyone who can read the repository (and
// its history, forever): for a public repository, by everyone. Registry logins are where they turn up.
import { defineRule, type Json, type ModelPath } from "./types.ts";
import { asObject, isObject, scalarText, usesAction } from "./util.ts";

// Token formats that are credentials whatever the variable is called.
const TOKEN_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, "a GitHub token"],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/, "a GitHub token"],
  [/\bnpm_[A-Za-z0-9]{36}\b/, "an npm token"],
  [/\bpypi-[A-Za-z0-9_-]{50,}\b/, "a PyPI token"],
  [/\bglpat-[A-Za-z0-9_-]{20}\b/, "a GitLab token"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key"],
];
// Variables registry clients read a secret from.
const SECRET_VARIABLES = /^(?:NODE_AUTH_TOKEN|NPM_TOKEN|TWINE_PASSWORD|CARGO_REGISTRY_TOKEN|DOCKER_PASSWORD|GEM_HOST_API_KEY|POETRY_PYPI_TOKEN_\w+|UV_PUBLISH_TOKEN|NUGET_API_KEY|GH_TOKEN|GITHUB_TOKEN)$/i;

/** A literal (no `${{ }}`, not empty) value. */
function literal(value: unknown): string | undefined {
  const text = scalarText(value);
  return text !== undefined && text.trim() !== "" && !text.includes("${{") ? text : undefined;
}

export const hardcodedCredentials = defineRule({
  id: "hardcoded-credentials",
  severity: "error",
  confidence: "high",
  summary: "A registry password or token is written into the workflow instead of read from a secret.",
  fix: "Store the value as an encrypted secret (or use GITHUB_TOKEN / OIDC) and reference it: ${{ secrets.NAME }}; revoke the exposed one.",
  fixTs: "Store the value as an encrypted secret (or use GITHUB_TOKEN / OIDC) and reference it: secrets.NAME; revoke the exposed one.",
  visits: ["workflow", "job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const report = (path: ModelPath, what: string, needle?: string): void =>
      context.report({
        path,
        ...(needle !== undefined ? { needle } : {}),
        message: `${what} is written into the workflow; anyone who can read the repository, or its history, can use it`,
        fix: "revoke it, store the new one as a secret, and reference it as ${{ secrets.NAME }} (for ghcr.io, use ${{ secrets.GITHUB_TOKEN }} with packages permissions)",
        fixTs: "revoke it, store the new one as a secret, and reference it as secrets.NAME (for ghcr.io, use secrets.GITHUB_TOKEN, and let wfgen grant the packages permission)",
      });
    if (context.level === "workflow") {
      checkEnv(context.workflow.env, ["env"], report);
      return;
    }
    if (context.level === "job") {
      const { job } = context;
      const containers: Array<[Json, ModelPath, string]> = [];
      if (isObject(job.value.container)) containers.push([job.value.container, [...job.path, "container"], "the job container"]);
      for (const [name, service] of Object.entries(asObject(job.value.services))) {
        if (isObject(service)) containers.push([service, [...job.path, "services", name], `service "${name}"`]);
      }
      for (const [container, path, what] of containers) {
        if (literal(asObject(container.credentials).password) !== undefined) report([...path, "credentials", "password"], `the registry password of ${what}`);
      }
      checkEnv(job.env, [...job.path, "env"], report);
      return;
    }
    const { step } = context;
    if (usesAction(step, "docker/login-action") && literal(step.with.password) !== undefined) {
      report([...step.path, "with", "password"], "the docker/login-action password");
    }
    checkEnv(step.env, [...step.path, "env"], report);
    if (step.run !== undefined) {
      const login = /\bdocker\s+login\b[^\n]*?(?:-p|--password)[\s=]+(["']?)([^\s"'$]+)\1/.exec(step.run);
      if (login) report([...step.path, "run"], "the password given to docker login", login[0]);
      const shaped = login ? undefined : TOKEN_SHAPES.map(([shape, what]) => [shape.exec(step.run!)?.[0], what] as const).find(([token]) => token !== undefined);
      if (shaped) report([...step.path, "run"], `${shaped[1]} in the script`, shaped[0]);
    }
    for (const [key, value] of Object.entries(step.with)) {
      const text = literal(value);
      const shaped = text === undefined ? undefined : TOKEN_SHAPES.find(([shape]) => shape.test(text));
      if (shaped) report([...step.path, "with", key], `${shaped[1]} in the ${key} input`);
    }
  },
});

function checkEnv(env: Json, path: ModelPath, report: (path: ModelPath, what: string) => void): void {
  for (const [name, value] of Object.entries(env)) {
    const text = literal(value);
    if (text === undefined) continue;
    const shaped = TOKEN_SHAPES.find(([shape]) => shape.test(text));
    if (SECRET_VARIABLES.test(name) || shaped) report([...path, name], shaped ? `${shaped[1]} in env ${name}` : `the credential in env ${name}`);
  }
}

// Where each context and special function may be used, and what properties the fixed contexts have, as
// GitHub documents them. Transcribed by hand from the contexts reference
// (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts: "Context availability" and
// the property tables of `github`, `job`, `runner`, `strategy`, `steps`, `needs` and `jobs`), github/docs
// content/actions/reference/workflows-and-actions/contexts.md at 03d2e24b34bd88c361f1185f0aae1c46062c6510.
// The composite action table is from the metadata syntax reference and the schema of GitHub's own action
// parser (@actions/workflow-parser, action-v1.0.json), which the docs do not tabulate.

/** The contexts and special functions allowed at one workflow key. Names are lowercase. */
export interface Availability {
  contexts: readonly string[];
  functions: readonly string[];
}

/** The functions GitHub restricts to some keys; every other function can be used anywhere. */
export const SPECIAL_FUNCTIONS: readonly string[] = ["always", "cancelled", "success", "failure", "hashfiles"];

const STATUS = ["always", "cancelled", "success", "failure"];
const step = (secrets: boolean): Availability => ({
  contexts: ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", ...(secrets ? ["secrets"] : []), "steps", "inputs"],
  functions: ["hashfiles"],
});

/**
 * The documented table, keyed by the docs' key patterns, with `steps` added to the two `env` of containers,
 * where GitHub's own workflow parser accepts it (wfgen never refuses what GitHub accepts; contexts.test.ts
 * compares the table with that parser key by key). A key not listed takes the entry of its nearest
 * listed ancestor (`jobs.<job_id>.strategy.matrix` is `jobs.<job_id>.strategy`); a key with no listed
 * ancestor (`on`, `permissions`, `jobs.<job_id>.steps.uses`) is not restricted by this table.
 */
export const WORKFLOW_AVAILABILITY: Readonly<Record<string, Availability>> = {
  "run-name": { contexts: ["github", "inputs", "vars"], functions: [] },
  concurrency: { contexts: ["github", "inputs", "vars"], functions: [] },
  env: { contexts: ["github", "secrets", "inputs", "vars"], functions: [] },
  "jobs.<job_id>.concurrency": { contexts: ["github", "needs", "strategy", "matrix", "inputs", "vars"], functions: [] },
  "jobs.<job_id>.container": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.container.credentials": {
    contexts: ["github", "needs", "strategy", "matrix", "env", "vars", "secrets", "inputs"],
    functions: [],
  },
  "jobs.<job_id>.container.env.<env_id>": {
    contexts: ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "secrets", "inputs", "steps"],
    functions: [],
  },
  "jobs.<job_id>.container.image": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.continue-on-error": { contexts: ["github", "needs", "strategy", "vars", "matrix", "inputs"], functions: [] },
  "jobs.<job_id>.defaults.run": { contexts: ["github", "needs", "strategy", "matrix", "env", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.env": { contexts: ["github", "needs", "strategy", "matrix", "vars", "secrets", "inputs"], functions: [] },
  "jobs.<job_id>.environment": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.environment.url": {
    contexts: ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "steps", "inputs"],
    functions: [],
  },
  "jobs.<job_id>.if": { contexts: ["github", "needs", "vars", "inputs"], functions: STATUS },
  "jobs.<job_id>.name": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.outputs.<output_id>": {
    contexts: ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "secrets", "steps", "inputs"],
    functions: [],
  },
  "jobs.<job_id>.runs-on": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.secrets.<secrets_id>": { contexts: ["github", "needs", "strategy", "matrix", "secrets", "inputs", "vars"], functions: [] },
  "jobs.<job_id>.services": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.services.<service_id>.credentials": {
    contexts: ["github", "needs", "strategy", "matrix", "env", "vars", "secrets", "inputs"],
    functions: [],
  },
  "jobs.<job_id>.services.<service_id>.env.<env_id>": {
    contexts: ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "secrets", "inputs", "steps"],
    functions: [],
  },
  "jobs.<job_id>.steps.continue-on-error": step(true),
  "jobs.<job_id>.steps.env": step(true),
  "jobs.<job_id>.steps.if": { contexts: step(false).contexts, functions: [...STATUS, "hashfiles"] },
  "jobs.<job_id>.steps.name": step(true),
  "jobs.<job_id>.steps.run": step(true),
  "jobs.<job_id>.steps.timeout-minutes": step(true),
  "jobs.<job_id>.steps.with": step(true),
  "jobs.<job_id>.steps.working-directory": step(true),
  "jobs.<job_id>.strategy": { contexts: ["github", "needs", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.timeout-minutes": { contexts: ["github", "needs", "strategy", "matrix", "vars", "inputs"], functions: [] },
  "jobs.<job_id>.with.<with_id>": { contexts: ["github", "needs", "strategy", "matrix", "inputs", "vars"], functions: [] },
  "on.workflow_call.inputs.<inputs_id>.default": { contexts: ["github", "inputs", "vars"], functions: [] },
  "on.workflow_call.outputs.<output_id>.value": { contexts: ["github", "jobs", "vars", "inputs"], functions: [] },
};

const ACTION_STEP: Availability = {
  contexts: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env"],
  functions: ["hashfiles"],
};

/**
 * The same for a composite action's `action.yml`. There is no `secrets`, `vars` or `needs` in an action:
 * what it needs comes in through its inputs.
 */
export const ACTION_AVAILABILITY: Readonly<Record<string, Availability>> = {
  "inputs.<input_id>.default": { contexts: ["github", "strategy", "matrix", "job", "runner"], functions: ["hashfiles"] },
  "outputs.<output_id>.value": { contexts: ["github", "strategy", "matrix", "steps", "inputs", "job", "runner", "env"], functions: [] },
  "runs.steps": ACTION_STEP,
  "runs.steps.if": { contexts: ACTION_STEP.contexts, functions: [...STATUS, "hashfiles"] },
  "runs.env": { contexts: ["inputs"], functions: [] },
  "runs.args": { contexts: ["inputs"], functions: [] },
  "runs.entrypoint": { contexts: ["inputs"], functions: [] },
  "runs.pre-entrypoint": { contexts: ["inputs"], functions: [] },
  "runs.post-entrypoint": { contexts: ["inputs"], functions: [] },
  "runs.pre-if": { contexts: ["runner", "github", "job", "strategy", "matrix", "env", "inputs"], functions: [...STATUS, "hashfiles"] },
  "runs.post-if": { contexts: ["runner", "github", "job", "strategy", "matrix", "env", "inputs"], functions: [...STATUS, "hashfiles"] },
};

/**
 * The documented properties of the `github` context, lowercase (property names are case-insensitive),
 * plus those GitHub's runner also sets for every step (`job_workflow_sha`, `output`, `state`,
 * `step_summary`, the paths behind `$GITHUB_OUTPUT`, ...). `event` is the webhook payload, checked against
 * the workflow's events (event-payloads.ts).
 */
export const GITHUB_PROPERTIES: readonly string[] = [
  "action", "action_path", "action_ref", "action_repository", "action_status", "actor", "actor_id", "api_url",
  "artifacts", "artifacts_list", "base_ref", "env", "event", "event_name", "event_path", "graphql_url", "head_ref",
  "job", "job_workflow_sha", "output", "path", "ref", "ref_name", "ref_protected", "ref_type", "repository",
  "repository_id", "repository_owner", "repository_owner_id", "repositoryurl", "retention_days", "run_attempt",
  "run_id", "run_number", "secret_source", "server_url", "sha", "state", "step_summary", "token",
  "triggering_actor", "workflow", "workflow_ref", "workflow_sha", "workspace",
];

/** The `runner` context; `workspace` is kept by the runner for compatibility though no longer documented. */
export const RUNNER_PROPERTIES: readonly string[] = ["name", "os", "arch", "temp", "tool_cache", "debug", "environment", "workspace"];

/** The `job` context. `container` and `services.<id>` have their own properties. */
export const JOB_PROPERTIES: readonly string[] = [
  "check_run_id", "container", "services", "status", "workflow_ref", "workflow_sha", "workflow_repository", "workflow_file_path",
];
export const JOB_CONTAINER_PROPERTIES: readonly string[] = ["id", "network"];
export const JOB_SERVICE_PROPERTIES: readonly string[] = ["id", "network", "ports"];

/** The `strategy` context. */
export const STRATEGY_PROPERTIES: readonly string[] = ["fail-fast", "job-index", "job-total", "max-parallel"];

/** `steps.<step_id>`. */
export const STEP_PROPERTIES: readonly string[] = ["outputs", "outcome", "conclusion"];

/** `needs.<job_id>` and `jobs.<job_id>` (the latter in a reusable workflow's outputs). */
export const JOB_RESULT_PROPERTIES: readonly string[] = ["outputs", "result"];

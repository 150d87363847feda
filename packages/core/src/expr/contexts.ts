/**
 * GitHub's contexts as typed expressions. Every context is a path proxy at runtime; the types list the
 * properties GitHub documents (TS names are GitHub's, verbatim) so that a typo is a compile error, while
 * open-ended contexts (`secrets`, `env`, `steps`, ...) accept any name (see `OpenPath`).
 */
import { type Expr, type OpenPath, type PathExpr, pathExpr } from "./expr.ts";

/** The `github` context. `event` is the webhook payload, open to any path. */
export interface GithubContext extends Expr<Record<string, unknown>> {
  readonly action: Expr<string>;
  readonly action_path: Expr<string>;
  readonly action_ref: Expr<string>;
  readonly action_repository: Expr<string>;
  readonly action_status: Expr<string>;
  readonly actor: Expr<string>;
  readonly actor_id: Expr<string>;
  readonly api_url: Expr<string>;
  readonly base_ref: Expr<string>;
  readonly env: Expr<string>;
  /** The webhook payload: any path, e.g. `github.event.pull_request.head.ref`. */
  readonly event: OpenPath;
  readonly event_name: Expr<string>;
  readonly event_path: Expr<string>;
  readonly graphql_url: Expr<string>;
  readonly head_ref: Expr<string>;
  readonly job: Expr<string>;
  readonly path: Expr<string>;
  readonly ref: Expr<string>;
  readonly ref_name: Expr<string>;
  readonly ref_protected: Expr<boolean>;
  readonly ref_type: Expr<"branch" | "tag">;
  readonly repository: Expr<string>;
  readonly repository_id: Expr<string>;
  readonly repository_owner: Expr<string>;
  readonly repository_owner_id: Expr<string>;
  readonly repositoryUrl: Expr<string>;
  readonly retention_days: Expr<string>;
  readonly run_attempt: Expr<string>;
  readonly run_id: Expr<string>;
  readonly run_number: Expr<string>;
  readonly secret_source: Expr<"None" | "Actions" | "Codespaces" | "Dependabot">;
  readonly server_url: Expr<string>;
  readonly sha: Expr<string>;
  readonly token: Expr<string>;
  readonly triggering_actor: Expr<string>;
  readonly workflow: Expr<string>;
  readonly workflow_ref: Expr<string>;
  readonly workflow_sha: Expr<string>;
  readonly workspace: Expr<string>;
}

/** The `runner` context. */
export interface RunnerContext extends Expr<Record<string, unknown>> {
  readonly name: Expr<string>;
  readonly os: Expr<"Linux" | "Windows" | "macOS">;
  readonly arch: Expr<"X86" | "X64" | "ARM" | "ARM64">;
  readonly temp: Expr<string>;
  readonly tool_cache: Expr<string>;
  /** `'1'` when debug logging is enabled, otherwise empty. */
  readonly debug: Expr<string>;
  readonly environment: Expr<"github-hosted" | "self-hosted">;
}

/** A job's container or one of its service containers. */
export interface ContainerInfo {
  id: string;
  network: string;
  ports: Record<string, string>;
}

/** The `job` context. */
export interface JobContext extends Expr<Record<string, unknown>> {
  readonly status: Expr<"success" | "failure" | "cancelled">;
  readonly container: PathExpr<Omit<ContainerInfo, "ports">>;
  /** By service id: `jobContext.services.redis.ports["6379"]`. */
  readonly services: OpenPath;
  readonly check_run_id: Expr<number>;
  readonly workflow_ref: Expr<string>;
  readonly workflow_sha: Expr<string>;
  readonly workflow_repository: Expr<string>;
  readonly workflow_file_path: Expr<string>;
}

/** The `strategy` context (names are GitHub's kebab-case keys). */
export interface StrategyContext extends Expr<Record<string, unknown>> {
  readonly "fail-fast": Expr<boolean>;
  readonly "job-index": Expr<number>;
  readonly "job-total": Expr<number>;
  readonly "max-parallel": Expr<number>;
}

/** The `github` context. */
export const github = pathExpr({ kind: "context", name: "github" }) as unknown as GithubContext;

/** The `runner` context. */
export const runner = pathExpr({ kind: "context", name: "runner" }) as unknown as RunnerContext;

/**
 * GitHub's `job` context (`jobContext.status` renders `${{ job.status }}`); `job` is the builder of jobs.
 */
export const jobContext = pathExpr({ kind: "context", name: "job" }) as unknown as JobContext;

/** The `strategy` context. */
export const strategy = pathExpr({ kind: "context", name: "strategy" }) as unknown as StrategyContext;

/** The `env` context; names are used verbatim (`env.IMAGE_NAME`). */
export const env: OpenPath = pathExpr({ kind: "context", name: "env" });

/** The `vars` context (configuration variables): `vars.REGISTRY`. */
export const vars: OpenPath = pathExpr({ kind: "context", name: "vars" });

/** The `secrets` context: `secrets.NPM_TOKEN`, and `secrets.GITHUB_TOKEN`, which every run has. */
export const secrets: OpenPath = pathExpr({ kind: "context", name: "secrets" });

/** The `inputs` context of a `workflow_dispatch` or `workflow_call` workflow: `inputs["image-name"]`. */
export const inputs: OpenPath = pathExpr({ kind: "context", name: "inputs" });

/** The `matrix` context: `matrix.os`; values may be objects (`matrix.target.arch`). */
export const matrix: OpenPath = pathExpr({ kind: "context", name: "matrix" });

/** The `steps` context by id, unchecked; step handles are the checked way (`meta.outputs.tags`). */
export const steps: OpenPath = pathExpr({ kind: "context", name: "steps" });

/** The `needs` context by job id, unchecked; job handles are the checked way (`build.outputs.digest`). */
export const needs: OpenPath = pathExpr({ kind: "context", name: "needs" });

/** The `jobs` context of a reusable workflow's `on.workflow_call.outputs`. */
export const jobs: OpenPath = pathExpr({ kind: "context", name: "jobs" });

/** Every context name GitHub's expression language knows, lowercase. */
export const contextNames: readonly string[] = [
  "github",
  "env",
  "vars",
  "secrets",
  "inputs",
  "matrix",
  "strategy",
  "steps",
  "needs",
  "job",
  "jobs",
  "runner",
];

/**
 * The registry: every lint rule, listed explicitly (no discovery, so that a rule is never half-registered).
 * The order here is the order of the docs index and of SARIF's rule list.
 */
import type { AnyRule } from "./types.ts";
import { blanketPermissions } from "./blanket-permissions.ts";
import { botCondition } from "./bot-condition.ts";
import { cacheInPublishJob } from "./cache-in-publish-job.ts";
import { dangerousCheckout } from "./dangerous-checkout.ts";
import { excessivePermission } from "./excessive-permission.ts";
import { githubEnvWrite } from "./github-env-write.ts";
import { hardcodedCredentials } from "./hardcoded-credentials.ts";
import { invalidCron } from "./invalid-cron.ts";
import { invalidSuppression } from "./invalid-suppression.ts";
import { invalidWorkflow } from "./invalid-workflow.ts";
import { missingActionInput } from "./missing-action-input.ts";
import { missingPermission } from "./missing-permission.ts";
import { missingPermissions } from "./missing-permissions.ts";
import { missingVersionComment } from "./missing-version-comment.ts";
import { overprovisionedSecrets } from "./overprovisioned-secrets.ts";
import { persistCredentials } from "./persist-credentials.ts";
import { preferGithubToken } from "./prefer-github-token.ts";
import { secretsInEnv } from "./secrets-in-env.ts";
import { secretsInherit } from "./secrets-inherit.ts";
import { selfHostedPullRequest } from "./self-hosted-pull-request.ts";
import { templateInjection } from "./template-injection.ts";
import { unknownActionInput } from "./unknown-action-input.ts";
import { unknownActivityType } from "./unknown-activity-type.ts";
import { unknownEvent } from "./unknown-event.ts";
import { unknownRunnerLabel } from "./unknown-runner-label.ts";
import { unpinnedImage } from "./unpinned-image.ts";
import { unpinnedUses } from "./unpinned-uses.ts";
import { unsoundCondition } from "./unsound-condition.ts";
import { unsoundContains } from "./unsound-contains.ts";
import { unsecureCommands } from "./unsecure-commands.ts";
import { untrustedArtifact } from "./untrusted-artifact.ts";
import { versionCommentFormat } from "./version-comment-format.ts";
import { versionCommentMismatch } from "./version-comment-mismatch.ts";
import { workflowLevelWrite } from "./workflow-level-write.ts";
import { contextNotAvailable } from "./context-not-available.ts";
import { expressionSyntax } from "./expression-syntax.ts";
import { functionArity } from "./function-arity.ts";
import { needsMissing } from "./needs-missing.ts";
import { stepReference } from "./step-reference.ts";
import { unknownContextProperty } from "./unknown-context-property.ts";
import { unknownEventProperty } from "./unknown-event-property.ts";
import { unknownFunction } from "./unknown-function.ts";

export const RULES: readonly AnyRule[] = [
  // Supply chain: what code runs.
  unpinnedUses,
  unpinnedImage,
  missingVersionComment,
  versionCommentFormat,
  // The GITHUB_TOKEN's permissions.
  missingPermissions,
  blanketPermissions,
  workflowLevelWrite,
  missingPermission,
  excessivePermission,
  // Injection and privileged triggers.
  templateInjection,
  dangerousCheckout,
  githubEnvWrite,
  unsecureCommands,
  // Credentials and secrets.
  persistCredentials,
  secretsInherit,
  secretsInEnv,
  preferGithubToken,
  // Caches and runners.
  cacheInPublishJob,
  selfHostedPullRequest,
  unknownRunnerLabel,
  // Structure: what GitHub would refuse or never run.
  invalidWorkflow,
  unknownEvent,
  unknownActivityType,
  invalidCron,
  unknownActionInput,
  missingActionInput,
  // Expressions: what each ${{ }} reads, where it is written.
  expressionSyntax,
  unknownFunction,
  functionArity,
  contextNotAvailable,
  unknownContextProperty,
  unknownEventProperty,
  stepReference,
  needsMissing,
  // The linter's own input.
  invalidSuppression,
  // Issue 13's catalogue: privileged triggers, caches, conditions, secrets, pins.
  untrustedArtifact,
  botCondition,
  overprovisionedSecrets,
  hardcodedCredentials,
  unsoundCondition,
  unsoundContains,
  versionCommentMismatch,
];

/**
 * Codes the engine itself reports, outside any rule: a file that is not readable YAML. Documented and
 * listed in SARIF like rules, but never run.
 */
export const ENGINE_CODES = [
  {
    id: "yaml-syntax",
    severity: "error" as const,
    confidence: "high" as const,
    summary: "The file is not valid YAML, or not a single mapping, so no rule can read it.",
    fix: "Correct the YAML at the reported line and column.",
    docs: "docs/rules/yaml-syntax.md",
  },
  {
    id: "not-a-workflow",
    severity: "error" as const,
    confidence: "high" as const,
    summary: "The file is neither a workflow (on:, jobs:) nor an action's metadata (runs:), so no rule applies to it.",
    fix: "Lint workflow files and action.yml files only; leave other YAML (dependabot.yml, configs) out of the files given.",
    docs: "docs/rules/not-a-workflow.md",
  },
];

export type { AnyRule };

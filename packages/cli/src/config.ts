/** The shape of `wfgen.config.ts`. Light: the public entry re-exports it. */

/** One entry file and the folder its workflows are written to. */
export interface ProjectConfig {
  /** The TypeScript file whose exported workflows are built, relative to the config file. */
  entry: string;
  /** Output folder, relative to the config file. Default: the top-level `out`, else `.github/workflows`. */
  out?: string;
}

/** `wfgen.config.ts`: every field is optional; flags on the command line win. */
export interface WfgenConfig {
  /** The entry file. Default: `workflows.ts`. */
  entry?: string;
  /** The output folder. Default: `.github/workflows`. */
  out?: string;
  /** Several entries (a monorepo); when given, `entry` is not used. */
  projects?: ProjectConfig[];
  /** Settings of the security linter (`wfgen lint`, and the lint `build` and `check` run); see docs/rules/README.md. */
  lint?: LintConfig;
  /**
   * Write the reason for each granted GITHUB_TOKEN scope as a YAML comment next to it (`packages: write #
   * step "push": ...`). Default: `false` (`wfgen explain` prints the reasons on demand).
   */
  permissionComments?: boolean;
}

/** A lint rule's severity, or `"off"` to not run it. */
export type LintRuleSetting = "off" | "error" | "warning" | "info";

/**
 * Silences one rule's findings, everywhere or only in one workflow, job or step. The reason is required: it
 * says why the finding is acceptable, and reports (`--format json`, SARIF) keep it beside the finding.
 */
export interface LintSuppression {
  /** The rule id, e.g. `"persist-credentials"`. */
  rule: string;
  /** The workflow's file name (`deploy.yml`), with or without `.yml`, or a path ending in it. */
  workflow?: string;
  /** The job id. */
  job?: string;
  /** The step's id, its name, or `#n` (1-based). */
  step?: string;
  reason: string;
  /** Report the finding at this severity instead of silencing it. */
  severity?: "warning" | "info";
}

/** The `lint` section of `wfgen.config.ts`. */
export interface LintConfig {
  /** Per rule id: another severity, or `"off"`. */
  rules?: Record<string, LintRuleSetting>;
  suppressions?: LintSuppression[];
  /** Labels of your self-hosted runners, which `unknown-runner-label` then accepts. */
  runnerLabels?: string[];
}

/** Type the object exported by `wfgen.config.ts`: `export default defineConfig({ ... })`. */
export function defineConfig(config: WfgenConfig): WfgenConfig {
  return config;
}

/**
 * What the linter takes from the CLI for a build (`build`, `check`, and `lint` of workflows.ts, through
 * plan.ts): the config's `lint` section, the typed bindings' action metadata and the offline catalog of
 * release tags. The build itself lints each workflow's model in core (render.ts), so that every finding
 * points at its `workflows.ts` line.
 */
import type { Finding, Lock, RenderLintOptions, SkippedRule, SuppressedFinding } from "@wfgen/core";
import { checkRuleIds, type LintConfigSource } from "./config.ts";

/** Findings of every file, in file order. */
export interface LintRun {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  skipped: SkippedRule[];
}

/** The linter's options for a build; throws CliError (exit 2) when the config names an unknown code. */
export async function buildLintOptions(config: LintConfigSource): Promise<RenderLintOptions> {
  const core = await import("@wfgen/core");
  checkRuleIds(config, core);
  const { actionMetadata } = await import("@wfgen/actions/metadata");
  const { CATALOG } = await import("../github/catalog.gen.ts");
  return {
    tags: (repo: string) => CATALOG[repo],
    ...(config.config.rules && { rules: config.config.rules }),
    suppressions: (config.config.suppressions ?? []).map((s) => ({ ...s, origin: "config" as const })),
    runnerLabels: config.config.runnerLabels ?? [],
    actions: actionMetadata,
  };
}

/**
 * What the build's linter says of a file it generated, read back as YAML (for `wfgen import`, which places
 * each finding in the file it imports): the rules the build runs, and what the build makes of them.
 */
export async function lintGenerated(file: string, content: string, lock: Lock): Promise<Finding[]> {
  const core = await import("@wfgen/core");
  const options = await buildLintOptions({ config: {}, file: undefined });
  const parsed = core.parseYamlSource(content, file);
  // What wfgen generated always parses; if it ever did not, the yaml-syntax finding says so.
  if (!parsed.ok) return core.lintYaml(content, file, options).findings;
  const result = core.lintYamlWith(core.BUILD_LINT_RULES, content, file, options);
  return result.findings.map((finding) => core.asBuiltFinding(finding, parsed.source.value as Record<string, unknown>, lock));
}

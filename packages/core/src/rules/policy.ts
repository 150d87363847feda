/**
 * The one severity model and the one suppression mechanism, for every code: a finding of a lint rule, of
 * the linter itself or of the build goes through here last. The config's per-code setting changes its
 * severity or turns it off; a suppression (a `# wfgen-ignore` comment, workflow()'s third argument, the
 * config) silences it or keeps it at a lower severity. A code the registry marks as not suppressible (GitHub
 * would refuse the file) is reported as it is, whatever they say.
 */
import type { Severity } from "../diagnostics.ts";
import { canonicalCode, codeInfo } from "./codes.ts";
import { inlineMatch, optionMatch, type InlineSuppression } from "./suppress.ts";
import type { Finding, SuppressedFinding, Suppression } from "./types.ts";

/** What the project says about codes. */
export interface Policy {
  /** Per code (id or alias): another severity, or "off". */
  rules?: Readonly<Record<string, "off" | Severity>>;
  /** The DSL's and the config's suppressions. */
  suppressions?: readonly Suppression[];
  /** The file's `# wfgen-ignore` comments (YAML only). */
  inline?: readonly InlineSuppression[];
}

/** A finding before the policy, with the names its step answers to (id, name, `#n`) for suppressions. */
export interface RawFinding {
  finding: Finding;
  stepAliases: readonly string[];
}

/** The per-code settings with every alias replaced by its code's id. */
export function canonicalRules(rules: Readonly<Record<string, "off" | Severity>> | undefined): Record<string, "off" | Severity> {
  const out: Record<string, "off" | Severity> = {};
  for (const [id, setting] of Object.entries(rules ?? {})) out[canonicalCode(id)] = setting;
  return out;
}

/** Apply the policy: what is reported (at which severity) and what is suppressed. */
export function applyPolicy(raw: readonly RawFinding[], policy: Policy): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const rules = canonicalRules(policy.rules);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const { finding: original, stepAliases } of raw) {
    if (codeInfo(original.code)?.suppressible === false) {
      findings.push(original);
      continue;
    }
    const setting = rules[original.code];
    if (setting === "off") continue;
    const finding = setting === undefined || setting === original.severity ? original : { ...original, severity: setting };
    const byComment = policy.inline ? inlineMatch(finding, policy.inline) : undefined;
    if (byComment) {
      suppressed.push({ ...finding, suppression: { origin: "inline", reason: byComment.reason } });
      continue;
    }
    const byOption = optionMatch(finding, policy.suppressions ?? [], stepAliases);
    if (byOption?.severity !== undefined) {
      const where = byOption.origin === "dsl" ? "workflows.ts" : "the config";
      const severity = finding.severity === "info" ? "info" : byOption.severity;
      findings.push({ ...finding, severity, message: `${finding.message} [kept as a ${severity} by ${where}: ${byOption.reason}]` });
      continue;
    }
    if (byOption) {
      suppressed.push({ ...finding, suppression: { origin: byOption.origin ?? "config", reason: byOption.reason } });
      continue;
    }
    findings.push(finding);
  }
  return { findings, suppressed };
}

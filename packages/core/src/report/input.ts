/**
 * What every renderer reads: the findings of one or more lint runs, and the rule descriptions that
 * SARIF and the text renderer's docs links come from.
 */
import type { Severity } from "../diagnostics.ts";
import { allCodes } from "../rules/codes.ts";
import type { Finding, LintResult, SkippedRule, SuppressedFinding } from "../rules/types.ts";

/** The findings to render: one lint result, or several merged with {@link mergeResults}. */
export interface ReportInput {
  findings: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
  skipped?: readonly SkippedRule[];
}

/** What a renderer needs to know about a rule. */
export interface RuleDescriptor {
  id: string;
  severity: Severity;
  confidence: "high" | "medium" | "low";
  summary: string;
  fix: string;
  docs: string;
}

/** Every registered code (rules, the linter's own, the build's), in registry order. */
export function ruleDescriptors(): RuleDescriptor[] {
  return allCodes().map(({ id, severity, confidence, summary, fix, docs }) => ({ id, severity, confidence, summary, fix, docs }));
}

/** The results of several files as one: findings in file order, each rule's skip reported once. */
export function mergeResults(results: readonly LintResult[]): Required<ReportInput> & LintResult {
  const skipped = new Map<string, SkippedRule>();
  for (const result of results) for (const skip of result.skipped) if (!skipped.has(skip.rule)) skipped.set(skip.rule, skip);
  return {
    findings: results.flatMap((r) => r.findings),
    suppressed: results.flatMap((r) => r.suppressed),
    skipped: [...skipped.values()],
  };
}

/** Counts by severity, for summaries and exit codes. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when any finding is at or above `threshold` (the CLI's --fail-on). */
export function failsAt(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((finding) => RANK[finding.severity] >= RANK[threshold]);
}

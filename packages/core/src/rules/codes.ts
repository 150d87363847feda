/**
 * The one code space: every code the build or the linter can report, registered once, with its default
 * severity, summary, fix (for YAML, and for workflows.ts where it differs), docs anchor, whether it can be
 * suppressed, and the ids it was known by before. Lint rules (index.ts), the linter's own codes
 * (ENGINE_CODES) and the build's codes (build-codes.ts) are its three sources; a test checks that every
 * code the sources can report is here and has its docs.
 */
import type { Severity } from "../diagnostics.ts";
import { BUILD_CODES, buildCodeDocs } from "./build-codes.ts";
import { ENGINE_CODES, RULES } from "./index.ts";

/** One registered code. */
export interface CodeInfo {
  id: string;
  severity: Severity;
  confidence: "high" | "medium" | "low";
  summary: string;
  /** The usual fix, for hand-written YAML (for build codes, the same as `fixTs`). */
  fix: string;
  /** The usual fix in workflows.ts. */
  fixTs: string;
  /** `docs/rules/<id>.md`, or a section of a page: `docs/rules/build-checks.md#<id>`. */
  docs: string;
  suppressible: boolean;
  aliases: readonly string[];
  /** `rule`: a lint rule (build and lint); `engine`: the linter's own; `build`: workflows.ts only. */
  kind: "rule" | "engine" | "build";
}

/**
 * Every code, rules first (registry order), then the linter's own, then the build's. Built on first use:
 * rule modules reach this one (through suppress.ts) while the rule list is still being defined.
 */
export function allCodes(): readonly CodeInfo[] {
  return (registry ??= buildRegistry()).codes;
}

/** The registered code `id` names (its own id or an alias), or undefined. */
export function codeInfo(id: string): CodeInfo | undefined {
  return (registry ??= buildRegistry()).byId.get(id);
}

/** The current id of a code given by its id or an old alias; an unknown id is returned as it is. */
export function canonicalCode(id: string): string {
  return codeInfo(id)?.id ?? id;
}

/** Every id and alias that names a code, for suppressions and the config. */
export function knownCodeIds(): ReadonlySet<string> {
  return (registry ??= buildRegistry()).ids;
}

let registry: { codes: readonly CodeInfo[]; byId: Map<string, CodeInfo>; ids: ReadonlySet<string> } | undefined;

function buildRegistry(): NonNullable<typeof registry> {
  const codes: CodeInfo[] = [
    ...RULES.map((rule): CodeInfo => ({
      id: rule.id,
      severity: rule.severity,
      confidence: rule.confidence,
      summary: rule.summary,
      fix: rule.fix,
      fixTs: rule.fixTs ?? rule.fix,
      docs: rule.docs,
      suppressible: rule.suppressible !== false,
      aliases: rule.aliases ?? [],
      kind: "rule",
    })),
    ...ENGINE_CODES.map((code): CodeInfo => ({ ...code, fixTs: code.fix, suppressible: false, aliases: [], kind: "engine" })),
    ...BUILD_CODES.map((code): CodeInfo => ({
      ...code,
      confidence: "high",
      fixTs: code.fix,
      docs: buildCodeDocs(code.id),
      aliases: code.aliases ?? [],
      kind: "build",
    })),
  ];
  const byId = new Map<string, CodeInfo>();
  for (const code of codes) {
    byId.set(code.id, code);
    for (const alias of code.aliases) byId.set(alias, code);
  }
  return { codes, byId, ids: new Set(byId.keys()) };
}

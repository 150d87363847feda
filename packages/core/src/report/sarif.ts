/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`). Only the parts code scanning
 * reads are emitted: the tool's rules with descriptions, help and default level, and results with a rule,
 * level, message and one physical location.
 */
import type { Severity } from "../diagnostics.ts";
import type { Finding, SuppressedFinding } from "../rules/types.ts";
import { ruleDescriptors, type ReportInput, type RuleDescriptor } from "./input.ts";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export interface SarifOptions {
  /** wfgen's version, reported as the driver's version. */
  version?: string;
  /**
   * Base URL the docs pages are published under (e.g. `https://github.com/org/wfgen/blob/main/`); each
   * rule's helpUri is this plus `docs/rules/<id>.md`. SARIF wants an absolute URI, so without it helpUri
   * is left out and the help text names the path.
   */
  docsBaseUrl?: string;
  /** Rules to describe (default: every registered rule and engine code). */
  rules?: readonly RuleDescriptor[];
  /** Include suppressed findings as results carrying `suppressions` (default false). */
  includeSuppressed?: boolean;
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] } };
  results: SarifResult[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: "error" | "warning" | "note" };
  properties: { tags: string[]; precision: "high" | "medium" | "low" };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: "error" | "warning" | "note";
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
  }>;
  suppressions?: Array<{ kind: "inSource" | "external"; justification: string }>;
}

export function sarifReport(input: ReportInput, options: SarifOptions = {}): SarifLog {
  const descriptors = options.rules ?? ruleDescriptors();
  const rules = descriptors.map((rule) => sarifRule(rule, options.docsBaseUrl));
  const index = new Map(descriptors.map((rule, i) => [rule.id, i]));
  const results: SarifResult[] = input.findings.map((f) => result(f, index));
  if (options.includeSuppressed) {
    for (const f of input.suppressed ?? []) {
      results.push({ ...result(f, index), suppressions: [suppression(f)] });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "wfgen", ...(options.version ? { version: options.version } : {}), rules } },
        results,
      },
    ],
  };
}

/** The SARIF log as text, ending with a newline. */
export function renderSarif(input: ReportInput, options: SarifOptions = {}): string {
  return `${JSON.stringify(sarifReport(input, options), null, 2)}\n`;
}

function sarifRule(rule: RuleDescriptor, docsBaseUrl: string | undefined): SarifRule {
  const helpUri = docsBaseUrl ? `${docsBaseUrl.replace(/\/?$/, "/")}${rule.docs}` : undefined;
  return {
    id: rule.id,
    // SARIF's name is an identifier-like display name: PascalCase of the id.
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} Fix: ${rule.fix}` },
    help: {
      text: `${rule.summary}\nFix: ${rule.fix}\nDocs: ${helpUri ?? rule.docs}`,
      markdown: `${rule.summary}\n\n**Fix:** ${rule.fix}\n\nSee [${rule.docs}](${helpUri ?? rule.docs}).`,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ["security", "github-actions"], precision: rule.confidence },
  };
}

function result(f: Finding, index: ReadonlyMap<string, number>): SarifResult {
  const ruleIndex = index.get(f.code);
  if (ruleIndex === undefined) throw new Error(`wfgen bug: finding of unregistered rule "${f.code}"; please report it`);
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
    locations: [
      {
        physicalLocation: {
          // Code scanning wants a path relative to the repository root, with forward slashes.
          artifactLocation: { uri: (f.where.file ?? f.where.workflow ?? "").replace(/\\/g, "/").replace(/^\.\//, "") },
          // A finding without a position (a model linted without locations) points at the file's start.
          region: { startLine: f.where.line ?? 1, startColumn: f.where.column ?? 1 },
        },
      },
    ],
  };
}

function suppression(f: SuppressedFinding): { kind: "inSource" | "external"; justification: string } {
  return { kind: f.suppression.origin === "inline" ? "inSource" : "external", justification: f.suppression.reason };
}

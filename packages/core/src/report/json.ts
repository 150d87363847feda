/**
 * `--format json`: a versioned, flat record per finding. Version 1 is a contract: fields may be added,
 * never renamed or removed without a new version.
 */
import type { Finding, SkippedRule, SuppressedFinding } from "../rules/types.ts";
import type { ReportInput } from "./input.ts";

export interface JsonFinding {
  rule: string;
  severity: Finding["severity"];
  message: string;
  fix?: string;
  file?: string;
  line?: number;
  column?: number;
  workflow?: string;
  job?: string;
  step?: string;
  /** The model path, e.g. ["jobs", "build", "steps", 0, "uses"]. */
  path: Array<string | number>;
  docs: string;
}

export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
  suppressed: Array<JsonFinding & { suppression: SuppressedFinding["suppression"] }>;
  skipped: SkippedRule[];
}

export function jsonReport(input: ReportInput): JsonReport {
  return {
    version: 1,
    findings: input.findings.map(flat),
    suppressed: (input.suppressed ?? []).map((f) => ({ ...flat(f), suppression: f.suppression })),
    skipped: [...(input.skipped ?? [])],
  };
}

/** The JSON report as text, two-space indented, ending with a newline. */
export function renderJson(input: ReportInput): string {
  return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
}

function flat(f: Finding): JsonFinding {
  const { file, line, column, workflow, job, step } = f.where;
  return {
    rule: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(workflow !== undefined ? { workflow } : {}),
    ...(job !== undefined ? { job } : {}),
    ...(step !== undefined ? { step } : {}),
    path: [...f.path],
    docs: f.docs,
  };
}

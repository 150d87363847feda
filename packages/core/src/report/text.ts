/**
 * Human-readable output. Each finding's first line is `file:line:col: severity [id] message`, the form
 * editors and CI problem matchers read; details follow, indented. Colour is the CLI's job: `textReport`
 * gives it the plain segments, `renderText` joins them without any.
 */
import { formatPath, pathContext, type Severity } from "../diagnostics.ts";
import type { Finding } from "../rules/types.ts";
import { countBySeverity, type ReportInput } from "./input.ts";

/** One finding, cut into the segments a terminal may colour separately. */
export interface TextFinding {
  /** `file:line:col` (or `file` alone when the position is unknown). */
  location: string;
  severity: Severity;
  rule: string;
  message: string;
  /** `workflow › job › step`, and the YAML path when the position is in workflows.ts. */
  context: string;
  /** The source line with a caret under the column, when known. */
  excerpt?: { line: number; text: string; column: number };
  fix?: string;
  docs: string;
}

/** The findings of one file, in order. */
export interface TextGroup {
  file: string;
  findings: TextFinding[];
}

/** Findings grouped by file (files in order of first appearance), each cut into segments. */
export function textReport(findings: readonly Finding[]): TextGroup[] {
  const groups = new Map<string, TextGroup>();
  for (const finding of findings) {
    const file = finding.where.file ?? finding.where.workflow ?? "";
    let group = groups.get(file);
    if (!group) groups.set(file, (group = { file, findings: [] }));
    const { line, column } = finding.where;
    group.findings.push({
      location: `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : ""}`,
      severity: finding.severity,
      rule: finding.code,
      message: finding.message,
      context: `${formatPath(finding.where)}${pathContext(finding.where)}`.trim(),
      ...(finding.excerpt !== undefined && line !== undefined ? { excerpt: { line, text: finding.excerpt, column: column ?? 1 } } : {}),
      ...(finding.fix !== undefined ? { fix: finding.fix } : {}),
      docs: finding.docs,
    });
  }
  return [...groups.values()];
}

export interface RenderTextOptions {
  /** Print context, source line, fix and docs under each finding (default true); false gives one line each. */
  details?: boolean;
  /** Print the closing summary line (default true). */
  summary?: boolean;
}

/** The whole report as plain text, ending with a newline. */
export function renderText(input: ReportInput, options: RenderTextOptions = {}): string {
  const details = options.details !== false;
  const out: string[] = [];
  const groups = textReport(input.findings);
  groups.forEach((group, index) => {
    if (index > 0 && details) out.push("");
    for (const f of group.findings) {
      out.push(`${f.location}: ${f.severity} [${f.rule}] ${f.message}`);
      if (!details) continue;
      if (f.context) out.push(`  in ${f.context}`);
      if (f.excerpt) {
        const number = String(f.excerpt.line);
        out.push(`  ${number} | ${f.excerpt.text}`);
        out.push(`  ${" ".repeat(number.length)} | ${caretPad(f.excerpt.text, f.excerpt.column)}^`);
      }
      if (f.fix) out.push(`  fix: ${f.fix}`);
      out.push(`  docs: ${f.docs}`);
    }
  });
  if (options.summary !== false) out.push(...(out.length > 0 && details ? [""] : []), summaryLine(input));
  return `${out.join("\n")}\n`;
}

/** `2 errors, 1 warning in 2 files (3 suppressed)`, or `no findings`. */
export function summaryLine(input: ReportInput): string {
  const counts = countBySeverity(input.findings);
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(plural(counts.info, "info"));
  const files = new Set(input.findings.map((f) => f.where.file)).size;
  const suppressed = input.suppressed?.length ?? 0;
  const tail = suppressed > 0 ? ` (${suppressed} suppressed)` : "";
  return parts.length === 0 ? `no findings${tail}` : `${parts.join(", ")} in ${plural(files, "file")}${tail}`;
}

// Tabs in the source line are kept under the caret so that it lines up in a terminal.
function caretPad(text: string, column: number): string {
  return text.slice(0, Math.max(column - 1, 0)).replace(/[^\t]/g, " ");
}

/**
 * `wfgen lint`'s text output: core's segments (textReport) laid out as core's renderText does, with colours
 * when the style has them and docs as links. Each finding's first line is `file:line:col: severity [id] message`.
 */
import type { Finding, Severity, TextGroup } from "@wfgen/core";
import type { Style } from "../output/style.ts";
import { visible } from "../output/visible.ts";

export interface LintTextOptions {
  /** Only each finding's first line and its fix. */
  quiet: boolean;
  /** The address of a rule's page (`docs/rules/<id>.md`). */
  docsUrl(docs: string): string;
}

/** The findings, grouped by file; empty when there are none. */
export function renderFindings(
  findings: readonly Finding[],
  textReport: (findings: readonly Finding[]) => TextGroup[],
  style: Style,
  options: LintTextOptions,
): string {
  const paint: Record<Severity, (text: string) => string> = { error: style.red, warning: style.yellow, info: style.cyan };
  const out: string[] = [];
  textReport(findings).forEach((group, index) => {
    if (index > 0 && !options.quiet) out.push("");
    for (const f of group.findings) {
      // Messages, paths and source lines quote the linted file, which may hold terminal escapes.
      out.push(
        `${style.bold(`${visible(f.location)}:`)} ${paint[f.severity](f.severity)} ${style.dim(`[${f.rule}]`)} ${visible(f.message)}`,
      );
      if (!options.quiet) {
        if (f.context) out.push(`  in ${visible(f.context)}`);
        if (f.excerpt) {
          const number = String(f.excerpt.line);
          out.push(`  ${style.dim(`${number} |`)} ${visible(f.excerpt.text)}`);
          const before = visible(f.excerpt.text.slice(0, Math.max(f.excerpt.column - 1, 0)));
          const pad = before.replace(/[^\t]/g, " ");
          out.push(`  ${style.dim(`${" ".repeat(number.length)} |`)} ${pad}${paint[f.severity]("^")}`);
        }
      }
      if (f.fix) out.push(`  fix: ${visible(f.fix)}`);
      if (!options.quiet) out.push(`  docs: ${options.docsUrl(f.docs)}`);
    }
  });
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

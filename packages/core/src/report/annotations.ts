/**
 * GitHub workflow-command annotations (`::error file=...,line=...,col=...,title=...::message`), which the
 * runner turns into annotations on the pull request's diff when the CLI runs under GITHUB_ACTIONS=true.
 */
import type { Finding } from "../rules/types.ts";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/** One annotation line per finding. */
export function githubAnnotations(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const properties: string[] = [];
    if (f.where.file !== undefined) properties.push(`file=${escapeProperty(f.where.file)}`);
    if (f.where.line !== undefined) properties.push(`line=${f.where.line}`);
    if (f.where.column !== undefined) properties.push(`col=${f.where.column}`);
    properties.push(`title=${escapeProperty(`[${f.code}] ${f.where.job ? `job ${f.where.job}` : "workflow"}${f.where.step ? ` › step ${f.where.step}` : ""}`)}`);
    const text = [f.message, ...(f.fix ? [`Fix: ${f.fix}`] : []), `Docs: ${f.docs}`].join("\n");
    return `::${COMMAND[f.severity]} ${properties.join(",")}::${escapeData(text)}`;
  });
}

/** The runner's escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** The runner's escaping of a command's property values, where `:` and `,` are delimiters. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

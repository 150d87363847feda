/**
 * GitHub Actions output: workflow commands for annotations, and Markdown for the job summary
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
import { appendFileSync } from "node:fs";

/** Whether we run inside a GitHub Actions job. */
export function inGitHubActions(env: Record<string, string | undefined>): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/** An `::error file=...,line=...::message` line. */
export function errorAnnotation(
  message: string,
  where: { file?: string | undefined; line?: number | undefined; column?: number | undefined },
): string {
  const props: string[] = [];
  if (where.file) props.push(`file=${escapeProperty(where.file)}`);
  if (where.line !== undefined) props.push(`line=${where.line}`);
  if (where.column !== undefined) props.push(`col=${where.column}`);
  props.push("title=wfgen check");
  return `::error ${props.join(",")}::${escapeData(message)}\n`;
}

/** Append Markdown to the job summary file named by `$GITHUB_STEP_SUMMARY`, when there is one. */
export function appendStepSummary(env: Record<string, string | undefined>, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown);
}

/** A fenced block that the content cannot close early, however many backticks it holds. */
export function fenced(info: string, content: string): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}\n${content}${content.endsWith("\n") ? "" : "\n"}${fence}\n`;
}

function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * Small readers the rules share: loose access to plain model data, `uses:` parsing, expressions, secrets
 * and env lookups. Everything here tolerates malformed input, since rules also run on YAML the model refuses.
 */
import { findExpressions } from "../model/expression.ts";
import type { Json, JobView, StepView, UsesRef, WorkflowView } from "./types.ts";

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

/** A scalar as the runner sees it (numbers and booleans become strings), or undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** `true` or `"true"` (any case): how GitHub and actions read boolean inputs. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** `false` or `"false"`. */
export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}

// One definition of a pinned ref, shared with the lockfile: lowercase 40-hex, or any case.
export { isCommitSha, isFullSha as looksLikeSha } from "../lock/intent.ts";

/** Parses a `uses:` value; undefined when it is not a string. */
export function parseUses(value: unknown): UsesRef | undefined {
  if (typeof value !== "string") return undefined;
  const raw = value.trim();
  if (raw.startsWith("docker://")) return { raw, kind: "docker", name: raw.slice("docker://".length) };
  if (raw.startsWith("./") || raw.startsWith("../") || raw.startsWith("$/")) return { raw, kind: "local", name: raw };
  const at = raw.lastIndexOf("@");
  const name = at < 0 ? raw : raw.slice(0, at);
  const ref = at < 0 ? undefined : raw.slice(at + 1);
  const parts = name.split("/");
  const repo = parts.length >= 2 ? `${parts[0]}/${parts[1]}`.toLowerCase() : undefined;
  const kind = /\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(name) ? "reusable" : "action";
  return { raw, kind, name, ...(repo ? { repo } : {}), ...(ref !== undefined ? { ref } : {}) };
}

/** True when the step uses `action` (`owner/repo` or `owner/repo/path`, compared without case), at any ref. */
export function usesAction(step: StepView, action: string): boolean {
  return step.uses?.kind === "action" && step.uses.name.toLowerCase() === action.toLowerCase();
}

/** One `${{ ... }}` in a text: the whole match, the inside, and its index. */
export interface ExpressionMatch {
  text: string;
  inner: string;
  index: number;
}

/** The `${{ ... }}` of a text, found as GitHub finds them (a `}}` inside a quoted string does not close one). */
export function expressionsOf(text: string): ExpressionMatch[] {
  return findExpressions(text).expressions.map(({ start, end, inner }) => ({ text: text.slice(start, end), inner, index: start }));
}

/** `text` with every `${{ }}` replaced by as many spaces, in one pass (offsets and lines stay where they were). */
export function blankExpressions(text: string): string {
  let out = "";
  let last = 0;
  for (const e of expressionsOf(text)) {
    out += text.slice(last, e.index) + " ".repeat(e.text.length);
    last = e.index + e.text.length;
  }
  return out + text.slice(last);
}

/**
 * An expression in a canonical form for matching context paths: lowercase (context names are case-
 * insensitive), no white space around dots, `['key']` as `.key`, and `[0]` or `[*]` as `.*`.
 */
export function normaliseExpression(inner: string): string {
  return inner
    .toLowerCase()
    .replace(/\s*\.\s*/g, ".")
    .replace(/\[\s*'([^']*)'\s*\]/g, ".$1")
    .replace(/\[\s*(?:\d+|\*)\s*\]/g, ".*");
}

/** The secret names an expression reads (`secrets.NAME`, `secrets['NAME']`), uppercased. */
export function secretsRead(text: string): string[] {
  const names: string[] = [];
  for (const { inner } of expressionsOf(text)) {
    for (const match of inner.matchAll(/\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\])/g)) {
      names.push((match[1] ?? match[2]!).toUpperCase());
    }
  }
  return names;
}

/** True when a text reads the workflow's own token: `secrets.GITHUB_TOKEN` or `github.token`. */
export function readsGithubToken(text: string): boolean {
  return expressionsOf(text).some(({ inner }) => /\bgithub\s*\.\s*token\b/i.test(inner)) || secretsRead(text).includes("GITHUB_TOKEN");
}

/** The variables a shell script reads as `$NAME`, `${NAME}` (bash) or `$env:NAME` (PowerShell). */
export function shellVariablesRead(script: string): Set<string> {
  const names = new Set<string>();
  for (const match of script.matchAll(/\$(?:env:)?\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]!);
  return names;
}

/**
 * The value of env variable `name` as a step sees it: the step's own `env:`, then the job's, then the
 * workflow's; with the model path of the entry that sets it.
 */
export function envEntry(
  name: string,
  workflow: WorkflowView,
  job: JobView,
  step?: StepView,
): { value: string; path: (string | number)[] } | undefined {
  const scopes: Array<[Json, (string | number)[]]> = [];
  if (step) scopes.push([step.env, [...step.path, "env"]]);
  scopes.push([job.env, [...job.path, "env"]]);
  scopes.push([workflow.env, ["env"]]);
  for (const [env, path] of scopes) {
    const value = scalarText(env[name]);
    if (value !== undefined) return { value, path: [...path, name] };
  }
  return undefined;
}

/** Resolves `${{ env.NAME }}` references in a text from literal env values, one level deep. */
export function resolveEnv(text: string, workflow: WorkflowView, job: JobView, step?: StepView): string {
  return text.replace(/\$\{\{\s*env\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const entry = envEntry(name, workflow, job, step);
    return entry && !entry.value.includes("${{") ? entry.value : whole;
  });
}

/** The labels of `runs-on` in any of its forms, with the path of each; expressions are kept as written. */
export function runnerLabels(runsOn: unknown, path: (string | number)[]): Array<{ label: string; path: (string | number)[] }> {
  if (typeof runsOn === "string") return [{ label: runsOn, path }];
  if (Array.isArray(runsOn)) {
    return runsOn.flatMap((label, i) => (typeof label === "string" ? [{ label, path: [...path, i] }] : []));
  }
  if (isObject(runsOn)) return runnerLabels(runsOn.labels, [...path, "labels"]);
  return [];
}

/**
 * Events whose runs have the repository's secrets and a token that can write, yet that outsiders set off:
 * a fork's pull request (pull_request_target, and workflow_run after its CI), a comment, an issue or a
 * discussion anyone can open. In the order a message names them.
 */
export const PRIVILEGED_EVENTS = ["pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment"] as const;

/** The first of `events` the workflow runs on, if any. */
export function triggerAmong(workflow: WorkflowView, events: readonly string[]): string | undefined {
  return events.find((event) => workflow.events.has(event));
}

/** Whether the workflow runs on any of `events`. */
export function triggeredBy(workflow: WorkflowView, ...events: string[]): boolean {
  return events.some((event) => workflow.events.has(event));
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

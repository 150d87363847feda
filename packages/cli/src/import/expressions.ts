/**
 * `${{ }}` in imported text, turned into typed references where that changes nothing in the YAML:
 * `${{ github.actor }}` becomes `github.actor`, `${{ steps.meta.outputs.tags }}` becomes
 * `meta.outputs.tags`, and `Log in to ${{ env.REGISTRY }}` a template literal. Every candidate is rendered
 * with wfgen's own renderer and kept only when it gives back the exact text it replaces; anything else
 * (operators, function calls, unusual spacing) stays literal text, which wfgen writes verbatim.
 */
import { env, github, inputs, isExpr, matrix, renderInterpolation, runner, secrets, vars, type Expr } from "@wfgen/core";

/** A piece of text: literal, or one `${{ ... }}` with its inner expression. */
export type Segment = { kind: "text"; text: string } | { kind: "expr"; text: string; inner: string };

/** Split text into literal parts and `${{ }}` expressions; undefined when a `${{` is never closed. */
export function splitExpressions(text: string): Segment[] | undefined {
  const segments: Segment[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf("${{", at);
    if (start === -1) break;
    const end = closing(text, start + 3);
    if (end === -1) return undefined;
    if (start > at) segments.push({ kind: "text", text: text.slice(at, start) });
    segments.push({ kind: "expr", text: text.slice(start, end + 2), inner: text.slice(start + 3, end) });
    at = end + 2;
  }
  if (at < text.length) segments.push({ kind: "text", text: text.slice(at) });
  return segments;
}

/** The index of the `}}` closing an expression whose body starts at `from`; string literals are skipped. */
function closing(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      // '' inside a literal is an escaped quote: toggling twice keeps the state.
      quoted = !quoted;
    } else if (!quoted && c === "}" && text[i + 1] === "}") return i;
  }
  return -1;
}

/** The inner text when `text` is exactly one `${{ ... }}` and nothing else. */
export function wholeExpression(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const segments = splitExpressions(text);
  return segments?.length === 1 && segments[0]!.kind === "expr" ? segments[0]!.inner : undefined;
}

/** A step handle in scope: the const it is bound to, and the outputs its type lets TypeScript read. */
export interface HandleRef {
  name: string;
  /** Output names the handle's type has; `any` for `step()` handles typed with every output read. */
  outputs: ReadonlySet<string>;
}

/** What a reference may resolve to where the text is. */
export interface ExprScope {
  /** Step handles readable here, by step id (only earlier steps of the same job). */
  steps?: ReadonlyMap<string, HandleRef>;
  /** Job handles readable here, by job id (only jobs this job lists in `needs`). */
  needs?: ReadonlyMap<string, HandleRef>;
}

/** TypeScript for a value, and the names it uses that the file must import from `wfgen`. */
export interface TsCode {
  code: string;
  imports: ReadonlySet<string>;
}

// The fields GitHub documents, as wfgen's `github` and `runner` contexts type them: only these compile.
const GITHUB_FIELDS = new Set(
  (
    "action action_path action_ref action_repository action_status actor actor_id api_url base_ref env event " +
    "event_name event_path graphql_url head_ref job path ref ref_name ref_protected ref_type repository " +
    "repository_id repository_owner repository_owner_id repositoryUrl retention_days run_attempt run_id " +
    "run_number secret_source server_url sha token triggering_actor workflow workflow_ref workflow_sha workspace"
  ).split(" "),
);
const RUNNER_FIELDS = new Set(["name", "os", "arch", "temp", "tool_cache", "debug", "environment"]);

const CONTEXTS: Record<string, unknown> = { github, runner, env, vars, secrets, inputs, matrix };

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * TypeScript for `text` where expressions are typed: the reference itself when the text is one
 * expression, a template literal when expressions sit in text. Undefined when any expression cannot be
 * written as a reference that renders the same text; the caller then keeps the string as it is.
 */
export function typedText(text: string, scope: ExprScope): TsCode | undefined {
  if (!text.includes("${{")) return undefined;
  const segments = splitExpressions(text);
  if (!segments) return undefined;
  const imports = new Set<string>();
  const parts: Array<{ text: string } | { code: string }> = [];
  for (const segment of segments) {
    if (segment.kind === "text") {
      parts.push({ text: segment.text });
      continue;
    }
    const reference = typedReference(segment, scope);
    if (!reference) return undefined;
    for (const name of reference.imports) imports.add(name);
    parts.push({ code: reference.code });
  }
  if (parts.length === 1 && "code" in parts[0]!) return { code: parts[0].code, imports };
  const body = parts.map((p) => ("code" in p ? `\${${p.code}}` : escapeTemplate(p.text))).join("");
  return { code: `\`${body}\``, imports };
}

/** One `${{ path }}` as a typed reference, when it renders back to exactly its text. */
function typedReference(segment: Extract<Segment, { kind: "expr" }>, scope: ExprScope): TsCode | undefined {
  const path = segment.inner.trim().split(".");
  if (!path.every((p) => NAME.test(p))) return undefined;
  const [context, ...rest] = path as [string, ...string[]];

  // Handles: their rendering is fixed (`steps.<id>.outputs.<name>`), so compare with that form.
  if ((context === "steps" || context === "needs") && rest.length === 3 && rest[1] === "outputs") {
    const handle = (context === "steps" ? scope.steps : scope.needs)?.get(rest[0]!);
    const output = rest[2]!;
    if (!handle || !handle.outputs.has(output)) return undefined;
    if (segment.text !== `\${{ ${context}.${rest[0]}.outputs.${output} }}`) return undefined;
    return { code: `${handle.name}.outputs${access(output)}`, imports: new Set() };
  }

  const root = CONTEXTS[context];
  if (root === undefined || rest.length === 0) return undefined;
  if (context === "github" && (!GITHUB_FIELDS.has(rest[0]!) || (rest.length > 1 && rest[0] !== "event"))) return undefined;
  if (context === "runner" && (!RUNNER_FIELDS.has(rest[0]!) || rest.length > 1)) return undefined;
  if (["env", "vars", "secrets", "inputs"].includes(context) && rest.length > 1) return undefined;

  // Evaluate the same property accesses on wfgen's own context objects and render the result.
  let value: unknown = root;
  for (const name of rest) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  if (!isExpr(value)) return undefined;
  let rendered: string;
  try {
    rendered = renderInterpolation(value as Expr<unknown>);
  } catch {
    return undefined;
  }
  if (rendered !== segment.text) return undefined;
  return { code: context + rest.map(access).join(""), imports: new Set([context]) };
}

/** `.name`, or `["name-with-dash"]` where a dot cannot reach it in TypeScript. */
function access(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Text as the body of a template literal: backslashes, backticks and `${` escaped. */
export function escapeTemplate(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

/** Every `steps.<id>.outputs.<name>` and `needs.<id>.outputs.<name>` read anywhere in `value`. */
export function collectReads(value: unknown, into: { steps: Map<string, Set<string>>; needs: Map<string, Set<string>> }): void {
  if (typeof value === "string") {
    for (const match of value.matchAll(/\b(steps|needs)\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
      const map = match[1] === "steps" ? into.steps : into.needs;
      let names = map.get(match[2]!);
      if (!names) map.set(match[2]!, (names = new Set()));
      names.add(match[3]!);
    }
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) collectReads(item, into);
}

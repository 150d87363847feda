/**
 * Suppressions. Inline: `# wfgen-ignore <id>[, <id>...]: <reason>` at the end of the offending line, or on
 * its own line above it; when that line starts a step or a job, the whole step or job is covered (a
 * finding points at the key it is about, e.g. `uses:`, which need not be the step's first line). In the DSL and the config: `{ rule, workflow?, job?, step?, reason }`. A reason is
 * required everywhere; an inline suppression without one (or naming no known rule) does not apply and is
 * reported by `invalid-suppression`.
 */
import type { SourceComment, YamlSource } from "../source/yaml.ts";
import { canonicalCode, codeInfo } from "./codes.ts";
import type { Finding, Suppression } from "./types.ts";

const MARKER = /^\s*wfgen-ignore\b/;
const FORM = /^\s*wfgen-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::\s*(.*?))?\s*$/;

/** One `wfgen-ignore` comment, read. */
export interface InlineSuppression {
  comment: SourceComment;
  rules: string[];
  reason: string;
  /** The line it silences, and the last line of the step or job that starts there (else `target`). */
  target: number;
  targetEnd: number;
  /** Why it cannot apply, when it cannot. */
  problem?: string;
}

/** Every `wfgen-ignore` comment of a file, with the line each one targets. */
export function inlineSuppressions(source: YamlSource, known: ReadonlySet<string>): InlineSuppression[] {
  const found: InlineSuppression[] = [];
  for (const comment of source.comments) {
    if (!MARKER.test(comment.text)) continue;
    const target = comment.ownLine ? nextContentLine(source, comment.line) : comment.line;
    const targetEnd = source.blockEnd(target);
    const form = FORM.exec(comment.text);
    if (!form) {
      found.push({ comment, rules: [], reason: "", target, targetEnd, problem: "is not of the form wfgen-ignore <rule-id>: <reason>" });
      continue;
    }
    const rules = form[1]!.split(",").map((id) => id.trim());
    const reason = form[2] ?? "";
    const problem = suppressionProblem(rules, reason, known);
    found.push({ comment, rules, reason, target, targetEnd, ...(problem ? { problem } : {}) });
  }
  return found;
}

/**
 * Why a suppression of `rules` cannot apply: a code that does not exist, one that cannot be suppressed (GitHub
 * would refuse the file whatever the reason), or no reason; undefined when it applies.
 */
export function suppressionProblem(rules: readonly string[], reason: string, known: ReadonlySet<string>): string | undefined {
  const unknown = rules.filter((id) => !known.has(id));
  if (unknown.length > 0) return `names ${unknown.map((id) => `"${id}"`).join(", ")}, which ${unknown.length === 1 ? "is not a rule" : "are not rules"}`;
  const fixed = rules.filter((id) => codeInfo(id)?.suppressible === false);
  if (fixed.length > 0) return `names ${fixed.map((id) => `"${id}"`).join(", ")}, which cannot be suppressed`;
  if (reason.trim() === "") return "gives no reason";
  return undefined;
}

// The line an own-line suppression speaks about: the next one that is neither blank nor only a comment,
// so that several suppressions can be stacked above one line.
function nextContentLine(source: YamlSource, line: number): number {
  for (let n = line + 1; n <= source.lines.length; n++) {
    const text = source.lines[n - 1]!.trim();
    if (text !== "" && !text.startsWith("#")) return n;
  }
  return line;
}

/** The inline suppression that silences `finding`, if any. */
export function inlineMatch(finding: Finding, inline: readonly InlineSuppression[]): InlineSuppression | undefined {
  const line = finding.where.line;
  if (line === undefined) return undefined;
  return inline.find(
    (s) => s.problem === undefined && s.target <= line && line <= s.targetEnd && s.rules.some((id) => canonicalCode(id) === finding.code),
  );
}

/** The DSL or config suppression that silences `finding`, if any. */
export function optionMatch(
  finding: Finding,
  suppressions: readonly Suppression[],
  stepAliases: readonly string[],
): Suppression | undefined {
  return suppressions.find(
    (s) =>
      canonicalCode(s.rule) === finding.code &&
      s.reason.trim() !== "" &&
      (s.workflow === undefined || workflowMatches(s.workflow, finding.where.file, finding.where.workflow)) &&
      (s.job === undefined || s.job === finding.where.job) &&
      (s.step === undefined || stepAliases.includes(s.step)),
  );
}

function workflowMatches(wanted: string, file: string | undefined, workflow: string | undefined): boolean {
  const base = (name: string) => name.replace(/\\/g, "/").split("/").at(-1)!;
  const bare = (name: string) => base(name).replace(/\.ya?ml$/i, "");
  return [file, workflow].some(
    (name) => name !== undefined && (name === wanted || base(name) === wanted || bare(name) === bare(wanted) || name.replace(/\\/g, "/").endsWith(`/${wanted}`)),
  );
}

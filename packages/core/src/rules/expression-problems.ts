/**
 * The rules that check expressions share one analysis of the workflow (validate/: every `${{ }}` parsed
 * once, then the reference and context checks); each rule reports the problems of its own code. Findings
 * point at the column of the name or symbol inside the expression when the YAML text is known.
 */
import type { Severity } from "../diagnostics.ts";
import type { TextPosition, YamlSource } from "../source/yaml.ts";
import { contextProblems } from "../validate/contexts.ts";
import type { ExpressionProblem } from "../validate/problems.ts";
import { referenceProblems } from "../validate/references.ts";
import { defineRule, type Json, type ModelPath } from "./types.ts";

const cache = new WeakMap<object, ExpressionProblem[]>();

/** Every expression problem of a workflow, or of a composite action (a file with `runs:` and no `jobs:`). */
export function expressionProblems(value: Json): ExpressionProblem[] {
  let problems = cache.get(value);
  if (!problems) {
    const action = value.jobs === undefined && value.runs !== null && typeof value.runs === "object";
    problems = action ? contextProblems(value, "action") : [...referenceProblems(value), ...contextProblems(value)];
    cache.set(value, problems);
  }
  return problems;
}

/**
 * A rule that reports the expression problems of code `id`. It visits every level so that each finding
 * names its job and step (and suppressions by job or step apply): the workflow reports what is outside
 * jobs, a job what is outside its steps, a step its own.
 */
export function expressionRule(rule: { id: string; severity: Severity; confidence: "high" | "medium" | "low"; summary: string; fix: string }) {
  return defineRule({
    ...rule,
    visits: ["workflow", "job", "step"],
    documents: ["workflow", "action"],
    check(context) {
      const owner: ModelPath = context.level === "step" ? context.step.path : context.level === "job" ? context.job.path : [];
      const inner = context.level === "step" ? [] : context.level === "job" ? context.job.steps.map((s) => s.path) : context.workflow.jobs.map((j) => j.path);
      for (const problem of expressionProblems(context.workflow.value)) {
        if (problem.code !== rule.id || !within(owner, problem.path) || inner.some((path) => within(path, problem.path))) continue;
        const at = context.source && positionOf(context.source, problem);
        context.report({
          path: problem.path,
          message: problem.message,
          ...(problem.fix ? { fix: problem.fix } : {}),
          ...(problem.severity ? { severity: problem.severity } : {}),
          ...(at ? { at } : {}),
        });
      }
    },
  });
}

function within(prefix: ModelPath, path: ModelPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

// The expression is found in the raw text of its scalar, then the offset inside it is added when the two
// agree on that line (escapes in a quoted scalar, or an offset on a later line, keep the expression's start).
function positionOf(source: YamlSource, problem: ExpressionProblem): TextPosition {
  const needle = problem.text.slice(problem.span.start, problem.span.end);
  let occurrence = 0;
  for (let i = problem.text.indexOf(needle); i >= 0 && i < problem.span.start; i = problem.text.indexOf(needle, i + 1)) occurrence++;
  const start = source.locateText(problem.path, needle, occurrence);
  const head = problem.text.slice(problem.span.start, problem.offset);
  const firstLine = needle.split("\n")[0]!;
  const line = source.lines[start.line - 1] ?? "";
  if (head.includes("\n") || !line.slice(start.column - 1).startsWith(firstLine)) return start;
  return { line: start.line, column: start.column + head.length };
}

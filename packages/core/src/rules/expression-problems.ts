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
export function expressionRule(
  rule: { id: string; severity: Severity; confidence: "high" | "medium" | "low"; summary: string; fix: string; fixTs?: string; aliases?: readonly string[]; suppressible?: boolean },
) {
  return defineRule({
    ...rule,
    visits: ["workflow", "job", "step"],
    documents: ["workflow", "action"],
    check(context) {
      const owner: ModelPath = context.level === "step" ? context.step.path : context.level === "job" ? context.job.path : [];
      for (const problem of problemsByOwner(context.workflow).get(JSON.stringify(owner)) ?? []) {
        if (problem.code !== rule.id) continue;
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

const owners = new WeakMap<object, Map<string, ExpressionProblem[]>>();

/**
 * The problems of a workflow by the step, job or (the root) workflow that reports them: the deepest of
 * them whose path starts the problem's. Computed once, so that each visit reads its own problems instead of
 * filtering all of them (a job with thousands of steps and problems was quadratic).
 */
function problemsByOwner(workflow: { value: Json; jobs: ReadonlyArray<{ path: ModelPath; steps: ReadonlyArray<{ path: ModelPath }> }> }): Map<string, ExpressionProblem[]> {
  let byOwner = owners.get(workflow.value);
  if (byOwner) return byOwner;
  const known = new Set<string>(["[]"]);
  for (const job of workflow.jobs) {
    known.add(JSON.stringify(job.path));
    for (const step of job.steps) known.add(JSON.stringify(step.path));
  }
  byOwner = new Map();
  for (const problem of expressionProblems(workflow.value)) {
    // The longest start of its path that is a step, a job or the root.
    let length = problem.path.length;
    while (!known.has(JSON.stringify(problem.path.slice(0, length)))) length--;
    const key = JSON.stringify(problem.path.slice(0, length));
    const list = byOwner.get(key);
    if (list) list.push(problem);
    else byOwner.set(key, [problem]);
  }
  owners.set(workflow.value, byOwner);
  return byOwner;
}

// Every offset of a needle in an expression's scalar, found once per scalar: counting the occurrences
// before each problem from the start of a large script was quadratic.
const offsetsOf = new WeakMap<YamlSource, Map<string, Map<string, number[]>>>();

function occurrencesBefore(source: YamlSource, text: string, needle: string, end: number): number {
  let byText = offsetsOf.get(source);
  if (!byText) offsetsOf.set(source, (byText = new Map()));
  let byNeedle = byText.get(text);
  if (!byNeedle) byText.set(text, (byNeedle = new Map()));
  let offsets = byNeedle.get(needle);
  if (!offsets) {
    offsets = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) offsets.push(i);
    byNeedle.set(needle, offsets);
  }
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! < end) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The expression is found in the raw text of its scalar, then the offset inside it is added when the two
// agree on that line (escapes in a quoted scalar, or an offset on a later line, keep the expression's start).
function positionOf(source: YamlSource, problem: ExpressionProblem): TextPosition {
  const needle = problem.text.slice(problem.span.start, problem.span.end);
  const occurrence = occurrencesBefore(source, problem.text, needle, problem.span.start);
  const start = source.locateText(problem.path, needle, occurrence);
  const head = problem.text.slice(problem.span.start, problem.offset);
  const firstLine = needle.split("\n")[0]!;
  const line = source.lines[start.line - 1] ?? "";
  if (head.includes("\n") || !line.slice(start.column - 1).startsWith(firstLine)) return start;
  return { line: start.line, column: start.column + head.length };
}

/**
 * What each expression reads, checked against what exists where it is written: its syntax, the functions
 * it calls and their arguments, whether each context and special function is available at that key
 * (GitHub's availability table), and the properties of the contexts whose shape is known: the fixed ones
 * (`github`, `runner`, `job`, `strategy`), those the file declares (`inputs`, `matrix`, `needs.<job>.outputs`,
 * `jobs.<job>.outputs`) and the top-level keys of the events' payloads (`github.event.*`).
 *
 * `steps.<id>` and `needs.<job>` themselves are scoped by references.ts (`step-reference`, `needs-missing`);
 * here only what is read below a step or job that is in scope.
 */
import { contextNames, functionArity, walkReferences } from "../expr/index.ts";
import {
  GITHUB_PROPERTIES,
  JOB_CONTAINER_PROPERTIES,
  JOB_PROPERTIES,
  JOB_RESULT_PROPERTIES,
  JOB_SERVICE_PROPERTIES,
  RUNNER_PROPERTIES,
  SPECIAL_FUNCTIONS,
  STEP_PROPERTIES,
  STRATEGY_PROPERTIES,
} from "../facts/contexts.ts";
import { payloadKeys } from "../facts/event-payloads.ts";
import { isExpressionString } from "../model/expression.ts";
import { closest } from "../model/suggest.ts";
import { eventsOf } from "./event-config.ts";
import { type ExpressionFileKind, modelExpressions, type SiteExpression } from "./expressions.ts";
import { type ExpressionProblem, problemAt } from "./problems.ts";

type Json = Record<string, unknown>;

const FUNCTION_NAMES = ["contains", "startsWith", "endsWith", "format", "join", "toJSON", "fromJSON", "hashFiles", "case", "success", "always", "cancelled", "failure"];

/** Names declared by the file, lowercase; undefined where they cannot be known (an expression in their place). */
interface Declared {
  /** "the workflow" or "the action", for messages. */
  file: string;
  /** `inputs.<name>`. */
  inputs?: ReadonlySet<string>;
  /** Event payload keys for `github.event.<key>`; undefined when an event's payload is not known. */
  payload?: ReadonlySet<string>;
  /** Job id -> its declared outputs (undefined: a reusable workflow call, whose outputs are declared elsewhere). */
  jobOutputs: ReadonlyMap<string, ReadonlySet<string> | undefined>;
}

/** What a job declares for the expressions inside it. */
interface JobScope {
  id: string;
  matrix?: ReadonlySet<string>;
  services?: ReadonlySet<string>;
  needs: ReadonlySet<string>;
  steps: ReadonlySet<string>;
}

/** Every problem of the expressions of a workflow or composite action except reference scoping. */
export function contextProblems(model: Json, kind: ExpressionFileKind = "workflow"): ExpressionProblem[] {
  const found = modelExpressions(model, kind);
  const problems: ExpressionProblem[] = [];
  for (const { site, offset } of found.unclosed) {
    problems.push({
      code: "expression-syntax",
      message: "an expression is opened with ${{ and never closed with }}; GitHub refuses the file",
      path: site.path,
      text: site.text,
      span: { start: offset, end: site.text.length },
      offset,
    });
  }
  const declared = kind === "workflow" ? workflowDeclared(model) : actionDeclared(model);
  const scopes = new Map<string, JobScope>();
  for (const expression of found.expressions) {
    const [root, jobId] = expression.site.path;
    let scope: JobScope | undefined;
    if (kind === "workflow" && root === "jobs" && typeof jobId === "string") {
      scope = scopes.get(jobId) ?? jobScope(jobId, asJson(asJson(model.jobs)[jobId]));
      scopes.set(jobId, scope);
    }
    if (kind === "action") scope = { id: "", needs: new Set(), steps: actionStepIds(model) };
    check(expression, kind, declared, scope, problems);
  }
  return problems;
}

function check(
  expression: SiteExpression,
  kind: ExpressionFileKind,
  declared: Declared,
  scope: JobScope | undefined,
  problems: ExpressionProblem[],
): void {
  const { parsed, site } = expression;
  if (!parsed.ok) {
    const { error } = parsed;
    if (error.kind === "syntax") {
      const shown = abbreviated(expression.text.trim());
      const written = site.condition && !site.text.includes("${{") ? `the condition ${shown}` : `\${{ ${shown} }}`;
      const what = expression.text.trim() === "" ? "an empty ${{ }}" : `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)} in ${written}`;
      problems.push(problemAt(expression, error.offset, { code: "expression-syntax", message: `${what}; GitHub refuses the file` }));
    } else if (error.kind === "unknown-context") {
      // GitHub refuses the file at load, unlike a property it reads as empty: an error, not the rule's warning.
      problems.push(problemAt(expression, error.offset, {
        code: "unknown-context-property",
        severity: "error",
        message: `"${error.token}" is not a context; the contexts are ${contextNames.join(", ")}`,
        fix: "correct the name (a string needs quotes: 'text'); GitHub refuses a workflow that reads an unknown context",
      }));
    } else if (error.kind === "unknown-function") {
      const guess = closest(error.token, FUNCTION_NAMES);
      problems.push(problemAt(expression, error.offset, {
        code: "unknown-function",
        message: `${error.token}() is not a function of GitHub's expressions${guess ? ` (did you mean ${guess}()?)` : ""}; GitHub refuses the file`,
      }));
    } else {
      const arity = functionArity(error.token);
      const takes = !arity
        ? "other arguments"
        : /^Even/.test(error.message)
          ? "an odd number of arguments (pairs of condition and value, then a default)"
          : arity.minArgs === arity.maxArgs
            ? `${arity.minArgs} argument${arity.minArgs === 1 ? "" : "s"}`
            : arity.maxArgs >= 255
              ? `at least ${arity.minArgs} argument${arity.minArgs === 1 ? "" : "s"}`
              : `${arity.minArgs} to ${arity.maxArgs} arguments`;
      problems.push(problemAt(expression, error.offset, {
        code: "function-arity",
        message: `${error.token}() takes ${takes}, and is given too ${/^Too many/.test(error.message) ? "many" : /^Too few/.test(error.message) ? "few" : "an even number"}; GitHub refuses the file`,
      }));
    }
    return;
  }
  const { availability } = site;
  walkReferences(parsed.node, {
    handle: () => {},
    call: (node) => {
      const name = node.name.toLowerCase();
      if (!availability || !SPECIAL_FUNCTIONS.includes(name) || availability.functions.includes(name)) return;
      problems.push(problemAt(expression, parsed.offsets.get(node) ?? 0, {
        code: "context-not-available",
        message: `${node.name}() cannot be used at ${site.key}${availability.functions.length > 0 ? `; here: ${availability.functions.map(named).join(", ")}` : ""}`,
        fix: name === "hashfiles" ? "compute the hash in a step and read it as a step output" : "status functions work in if: of jobs and steps",
      }));
    },
    context: (reference, node) => {
      const at = parsed.offsets.get(node) ?? 0;
      // Scoping of steps inside a workflow's jobs is step-reference's (references.ts).
      const scopedElsewhere = kind === "workflow" && reference.context === "steps" && site.path[0] === "jobs";
      if (availability && !availability.contexts.includes(reference.context) && !scopedElsewhere) {
        problems.push(problemAt(expression, at, {
          code: "context-not-available",
          message: `the ${reference.context} context is not available at ${site.key}; here: ${availability.contexts.join(", ")}`,
        }));
        return;
      }
      const unknown = unknownProperty(reference.context, reference.path, declared, scope);
      if (unknown) problems.push(problemAt(expression, at, unknown));
    },
  });
}

function abbreviated(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function named(fn: string): string {
  return fn === "hashfiles" ? "hashFiles()" : `${fn}()`;
}

type Unknown = { code: string; message: string; fix?: string; severity?: "warning" };

/** The problem with reading `path` below `context`, if it is known not to exist. */
function unknownProperty(context: string, path: readonly string[], declared: Declared, scope: JobScope | undefined): Unknown | undefined {
  const [first, second, third] = path.map((p) => p.toLowerCase());
  if (first === undefined || first === "*") return undefined;
  const shown = `${context}.${path.slice(0, 3).join(".")}`;
  const notIn = (what: string, names: Iterable<string>, fix?: string): Unknown => {
    const known = [...names];
    const guess = closest(what.match(/"([^"]*)"/)?.[1] ?? "", known);
    return {
      code: "unknown-context-property",
      message: `${shown} reads ${what}${guess ? ` (did you mean "${guess}"?)` : listing(known)}`,
      ...(fix ? { fix } : {}),
    };
  };
  switch (context) {
    case "github":
      if (!GITHUB_PROPERTIES.includes(first)) return notIn(`"${path[0]}", which the github context does not have`, GITHUB_PROPERTIES);
      if (first === "event" && second !== undefined && second !== "*" && declared.payload && !declared.payload.has(second)) {
        return {
          code: "unknown-event-property",
          severity: "warning",
          message: `github.event.${path[1]} is not in the payload of ${declared.payload.size > 0 ? "the events this workflow runs on" : "any event"}; it is always empty here`,
          fix: `read a key the payload has (${[...declared.payload].sort().join(", ")}), or add the event that has it to on:`,
        };
      }
      return undefined;
    case "runner":
      return RUNNER_PROPERTIES.includes(first) ? undefined : notIn(`"${path[0]}", which the runner context does not have`, RUNNER_PROPERTIES);
    case "strategy":
      return STRATEGY_PROPERTIES.includes(first) ? undefined : notIn(`"${path[0]}", which the strategy context does not have`, STRATEGY_PROPERTIES);
    case "job":
      if (!JOB_PROPERTIES.includes(first)) return notIn(`"${path[0]}", which the job context does not have`, JOB_PROPERTIES);
      if (first === "container" && second !== undefined && second !== "*" && !JOB_CONTAINER_PROPERTIES.includes(second)) {
        return notIn(`"${path[1]}", which job.container does not have`, JOB_CONTAINER_PROPERTIES);
      }
      if (first === "services" && second !== undefined && second !== "*") {
        if (scope?.services && !scope.services.has(second)) return notIn(`the service "${path[1]}", which job "${scope.id}" does not define`, scope.services);
        if (third !== undefined && third !== "*" && !JOB_SERVICE_PROPERTIES.includes(third)) {
          return notIn(`"${path[2]}", which a service of the job context does not have`, JOB_SERVICE_PROPERTIES);
        }
      }
      return undefined;
    case "matrix":
      if (!scope?.matrix || scope.matrix.has(first)) return undefined;
      return scope.matrix.size === 0
        ? notIn(`"${path[0]}", but job "${scope.id}" has no matrix`, [], "define the key under strategy.matrix (or in an include entry), or correct the name")
        : notIn(`"${path[0]}", which the matrix of job "${scope.id}" does not define`, scope.matrix, "define the key under strategy.matrix (or in an include entry), or correct the name");
    case "inputs":
      if (!declared.inputs || declared.inputs.has(first)) return undefined;
      return notIn(
        declared.inputs.size > 0 ? `the input "${path[0]}", which is not declared` : `the input "${path[0]}", but ${declared.file} declares no inputs`,
        declared.inputs,
        declared.file === "the action" ? "declare the input under inputs:, or correct the name" : "declare the input (on.workflow_dispatch.inputs or on.workflow_call.inputs), or correct the name",
      );
    case "steps":
      if (!scope?.steps.has(first) || second === undefined || second === "*" || STEP_PROPERTIES.includes(second)) return undefined;
      return notIn(`"${path[1]}", which a step does not have`, STEP_PROPERTIES);
    case "needs":
      if (!scope?.needs.has(first)) return undefined;
      return jobResult(shown, first, second, third, path, declared);
    case "jobs":
      if (!declared.jobOutputs.has(first)) return notIn(`the job "${path[0]}", which this workflow does not have`, declared.jobOutputs.keys());
      return jobResult(shown, first, second, third, path, declared);
    default:
      return undefined;
  }
}

function jobResult(shown: string, job: string, second: string | undefined, third: string | undefined, path: readonly string[], declared: Declared): Unknown | undefined {
  if (second === undefined || second === "*") return undefined;
  if (!JOB_RESULT_PROPERTIES.includes(second)) {
    return { code: "unknown-context-property", message: `${shown} reads "${path[1]}", which a job result does not have${listing(JOB_RESULT_PROPERTIES)}` };
  }
  const outputs = declared.jobOutputs.get(job);
  if (second !== "outputs" || third === undefined || third === "*" || outputs === undefined || outputs.has(third)) return undefined;
  return {
    code: "unknown-context-property",
    message: `${shown} reads the output "${path[2]}", which job "${path[0]}" does not declare${listing(outputs)}`,
    fix: `declare it under jobs.${path[0]}.outputs, or correct the name`,
  };
}

function listing(known: Iterable<string>): string {
  const names = [...known];
  return names.length === 0 ? "" : `; known: ${names.join(", ")}`;
}

function workflowDeclared(model: Json): Declared {
  const events = eventsOf(model.on);
  const declared: Declared & { inputs: Set<string>; payload?: Set<string>; jobOutputs: Map<string, Set<string> | undefined> } = {
    file: "the workflow",
    inputs: new Set(),
    jobOutputs: new Map(),
  };
  // The inputs context is filled by workflow_dispatch and workflow_call only; elsewhere every input is empty.
  for (const event of ["workflow_dispatch", "workflow_call"]) {
    for (const name of Object.keys(asJson(asJson(events.get(event)).inputs))) declared.inputs.add(name.toLowerCase());
  }
  // A called workflow sees its caller's event; and an event whose payload is unknown could have any key.
  const payloads = [...events.keys()].map(payloadKeys);
  if (events.size > 0 && !events.has("workflow_call") && payloads.every((keys) => keys !== undefined)) {
    declared.payload = new Set(payloads.flatMap((keys) => keys ?? []));
  }
  for (const [id, job] of Object.entries(asJson(model.jobs))) {
    const value = asJson(job);
    const outputs = value.outputs;
    const known = value.uses !== undefined || (outputs !== undefined && (typeof outputs !== "object" || outputs === null));
    declared.jobOutputs.set(id.toLowerCase(), known ? undefined : new Set(Object.keys(asJson(outputs)).map((k) => k.toLowerCase())));
  }
  return declared;
}

function actionDeclared(model: Json): Declared {
  return { file: "the action", inputs: new Set(Object.keys(asJson(model.inputs)).map((k) => k.toLowerCase())), jobOutputs: new Map() };
}

function actionStepIds(model: Json): ReadonlySet<string> {
  const steps = asJson(model.runs).steps;
  return new Set((Array.isArray(steps) ? steps : []).map((s) => asJson(s).id).filter((id): id is string => typeof id === "string").map((id) => id.toLowerCase()));
}

function jobScope(id: string, job: Json): JobScope {
  const needs = typeof job.needs === "string" ? [job.needs] : Array.isArray(job.needs) ? (job.needs as unknown[]) : [];
  const steps = Array.isArray(job.steps) ? (job.steps as unknown[]) : [];
  const stepIds = steps.flatMap((s) => {
    const step = asJson(s);
    return Array.isArray(step.parallel) ? step.parallel.map((inner: unknown) => asJson(inner).id) : [step.id];
  });
  const matrix = matrixKeys(job);
  const services = job.services;
  return {
    id,
    needs: new Set(needs.filter((n): n is string => typeof n === "string").map((n) => n.toLowerCase())),
    steps: new Set(stepIds.filter((s): s is string => typeof s === "string").map((s) => s.toLowerCase())),
    ...(matrix ? { matrix } : {}),
    ...(services !== null && typeof services === "object" && !Array.isArray(services)
      ? { services: new Set(Object.keys(services).map((k) => k.toLowerCase())) }
      : {}),
  };
}

/**
 * The keys `matrix.<key>` can read in a job: the matrix's own keys and those its include entries add. Undefined
 * (not checked) when the matrix or its include list is an expression, which decides the keys at run time.
 */
function matrixKeys(job: Json): ReadonlySet<string> | undefined {
  const strategy = job.strategy;
  if (strategy === undefined) return new Set();
  if (strategy === null || typeof strategy !== "object" || Array.isArray(strategy)) return undefined;
  const matrix = (strategy as Json).matrix;
  if (matrix === undefined || matrix === null) return new Set();
  if (typeof matrix !== "object" || Array.isArray(matrix)) return undefined;
  const keys = new Set<string>();
  for (const [key, values] of Object.entries(matrix as Json)) {
    if (key === "exclude") continue;
    if (key !== "include") {
      keys.add(key.toLowerCase());
      continue;
    }
    if (!Array.isArray(values)) return undefined;
    for (const entry of values) {
      if (isExpressionString(entry) || entry === null || typeof entry !== "object" || Array.isArray(entry)) return undefined;
      for (const k of Object.keys(entry)) keys.add(k.toLowerCase());
    }
  }
  return keys;
}

function asJson(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}


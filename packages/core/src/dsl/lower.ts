/**
 * Lowering: a workflow definition (expressions, handles, scripts) becomes the plain model (JSON that
 * mirrors the YAML). Here step ids are derived for referenced steps, `sh` scripts move their expressions
 * into `env:`, and every handle reference is checked against GitHub's scoping rules: steps are job-local
 * and only readable after they ran; a job's outputs are readable only by jobs that list it in `needs`.
 */
import {
  collectReferences,
  hasTokens,
  isExpr,
  isScript,
  lowerScript,
  script as scriptOf,
  renderExpression,
  renderInterpolation,
  resolveTokens,
  tokensIn,
  type RenderContext,
  type Script,
} from "../expr/index.ts";
import { WfgenError, type Diagnostic, type Location } from "../diagnostics.ts";
import { closest } from "../model/suggest.ts";
import { resolveCallSite, type CallSite } from "./callsite.ts";
import { valueProblem } from "./values.ts";
import { isJobDefinition, type AnyJob, type JobInput, type StepItem } from "./job.ts";
import { isStepDefinition, type StepDefinition, type StepInput } from "./step.ts";
import type { WorkflowDefinition } from "./workflow.ts";

/**
 * The model of one workflow and the problems found while lowering it. The model is whole even when there
 * are errors, so that the later checks still run on it: a value that could not be lowered stands as `""`,
 * a reference that could not be resolved as `''`, and their model paths are listed in `poisoned`, where a
 * later check's finding would only repeat the error in other words.
 */
export interface LowerResult {
  model: Record<string, unknown>;
  diagnostics: Diagnostic[];
  poisoned: ModelPath[];
}

type ModelPath = ReadonlyArray<string | number>;

/** Where a value is lowered: its model path, and the workflows.ts location its problems point at. */
interface Site {
  readonly path: ModelPath;
  where: () => Location;
}

/**
 * The site of a step's key: its path is made only when a problem is recorded there. Made for every key of
 * every step that holds more than a literal, a path each was a tenth of lowering's garbage.
 */
class KeySite implements Site {
  constructor(
    private readonly step: ModelPath,
    private readonly key: string,
    readonly where: () => Location,
  ) {}

  get path(): ModelPath {
    return [...this.step, this.key];
  }
}

// What an unresolved reference renders as: an empty string literal, a valid expression that reads nothing.
const UNRESOLVED = "''";

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

interface StepEntry {
  input: StepInput;
  handle?: StepDefinition;
  site?: CallSite;
  id?: string;
}

/** Where an expression is being rendered; decides which handles it may read. */
type Position =
  | { kind: "workflow" }
  | { kind: "job" }
  | { kind: "step"; index: number }
  | { kind: "job-outputs" }
  | { kind: "environment" };

interface JobScope {
  id: string;
  needs: Set<string>;
  steps: StepEntry[];
  stepIndex: Map<object, number>;
  site?: CallSite;
}

/** Lower one workflow definition to the model, collecting every problem rather than stopping at the first. */
export function lowerWorkflow(definition: WorkflowDefinition): LowerResult {
  const diagnostics: Diagnostic[] = [];
  const poisoned: ModelPath[] = [];
  const file = definition.file;
  const problem = valueProblem(definition.input);
  if (problem !== undefined) {
    diagnostics.push({
      severity: "error",
      code: "invalid-value",
      message: problem,
      where: { workflow: file, ...resolveCallSite(definition.site) },
    });
    // Nothing was lowered: what later stages would say of the empty model only repeats this.
    return { model: {}, diagnostics, poisoned: [[]] };
  }
  const jobIds = new Map<object, string>();
  const jobOwnerOfStep = new Map<object, string>();
  const jobs = definition.input.jobs ?? {};

  for (const [id, value] of Object.entries(jobs)) {
    if (!isJobDefinition(value)) continue;
    const previous = jobIds.get(value);
    if (previous !== undefined) {
      diagnostics.push({
        severity: "error",
        code: "duplicate-job-handle",
        message: `the same job value is listed twice, as "${previous}" and "${id}"`,
        fix: `call job() once per job; to reuse a definition, write a function that returns a new job()`,
        where: { workflow: file, job: id, path: ["jobs", id], ...resolveCallSite(value.site) },
      });
      continue;
    }
    jobIds.set(value, id);
    for (const item of stepsOf(value.input)) if (isStepDefinition(item)) jobOwnerOfStep.set(item, id);
  }

  // A reference that cannot be resolved is reported at the value that holds it, which is then poisoned,
  // and reads nothing; the rest of the value, and of the workflow, is lowered as usual.
  const context = (scope: JobScope | undefined, position: Position, site: Site): RenderContext => ({
    resolveHandle(handle, path) {
      const tail = renderPath(path);
      try {
        if (isStepDefinition(handle)) return resolveStep(handle, path, tail, scope, position);
        if (isJobDefinition(handle)) return resolveJob(handle, path, tail, scope, position);
      } catch (error) {
        if (!(error instanceof WfgenError)) throw error;
        record(site, error);
        return UNRESOLVED;
      }
      throw new Error("wfgen internal error: an expression refers to an unknown kind of handle");
    },
  });

  // A script reads each reference twice (its text and its env name): each problem is reported once.
  const recorded = new Set<string>();
  const record = (site: Site, error: WfgenError): void => {
    for (const d of error.diagnostics) {
      const key = `${site.path.join("\u0000")}\u0000${d.code}\u0000${d.message}`;
      if (recorded.has(key)) continue;
      recorded.add(key);
      diagnostics.push({ ...d, where: { ...site.where(), path: site.path, ...d.where } });
    }
    poisoned.push(site.path);
  };

  /** Lower one value at `site`; a value that cannot be lowered at all is reported and stands as "". */
  const lowerAt = (site: Site, body: () => unknown): unknown => {
    try {
      return body();
    } catch (error) {
      if (!(error instanceof WfgenError)) throw error;
      record(site, error);
      return "";
    }
  };

  const resolveStep = (
    handle: StepDefinition,
    path: readonly string[],
    tail: string,
    scope: JobScope | undefined,
    position: Position,
  ): string => {
    const owner = jobOwnerOfStep.get(handle);
    const label = stepLabel(handle.input);
    if (!scope || scope.stepIndex.get(handle) === undefined) {
      const here = scope ? `job "${scope.id}"` : "the workflow level";
      throw fail(
        "step-reference",
        owner !== undefined
          ? `${here} reads step ${label} of job "${owner}"; steps are local to their job`
          : `${here} reads step ${label}, which is not a step of this job`,
        owner !== undefined
          ? `declare a job output on "${owner}" (outputs: { name: step.outputs.x }), add "${owner}" to needs, and read it as ${owner}Job.outputs.name`
          : `add the step to the job's steps`,
      );
    }
    const index = scope.stepIndex.get(handle)!;
    const declared = handle.meta.outputs;
    if (declared && path[0] === "outputs" && path[1] !== undefined && !declared.includes(path[1])) {
      throw fail(
        "unknown-context-property",
        `${readerLabel(scope, position)} reads output "${path[1]}" of step ${stepLabel(handle.input, index)} (${handle.meta.action}), which declares ${declared.length ? declared.map((o) => `"${o}"`).join(", ") : "no outputs"}`,
        declared.length ? `read one of its outputs${closestOf(path[1], declared)}` : "remove the read",
      );
    }
    if (position.kind === "job" || position.kind === "workflow") {
      throw fail(
        "step-reference",
        `job "${scope.id}" reads step ${label} in a job-level field, where the steps context does not exist yet`,
        "read step outputs in later steps, in the job's outputs, or in environment.url",
      );
    }
    if (position.kind === "step" && index >= position.index) {
      throw fail(
        "step-reference",
        `step ${stepLabel(scope.steps[position.index]!.input, position.index)} reads step ${label}, which ${index === position.index ? "is itself" : "runs after it"}`,
        "move the step that produces the value before the step that reads it",
      );
    }
    return `steps.${scope.steps[index]!.id!}.${tail}`;
  };

  const resolveJob = (
    handle: AnyJob,
    path: readonly string[],
    tail: string,
    scope: JobScope | undefined,
    position: Position,
  ): string => {
    const id = jobIds.get(handle);
    if (id === undefined) {
      throw fail("needs-missing", "an expression reads a job that is not listed in this workflow's jobs", "add the job to the workflow's jobs");
    }
    const declared = Object.keys(handle.input.outputs ?? {});
    if (path[0] === "outputs" && path[1] !== undefined && !declared.includes(path[1])) {
      throw fail(
        "unknown-context-property",
        `${scope ? `job "${scope.id}"` : "the workflow"} reads output "${path[1]}" of job "${id}", which declares ${declared.length ? declared.map((o) => `"${o}"`).join(", ") : "no outputs"}`,
        declared.length ? `read one of its outputs${closestOf(path[1], declared)}` : `declare it in the outputs of job "${id}"`,
      );
    }
    if (position.kind === "workflow") return `jobs.${id}.${tail}`;
    if (!scope!.needs.has(id)) {
      throw fail(
        "needs-missing",
        `job "${scope!.id}" reads needs.${id}.${tail} but does not list "${id}" in needs`,
        `add ${id} to the needs of job "${scope!.id}"`,
      );
    }
    return `needs.${id}.${tail}`;
  };

  const model: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(definition.input)) {
    if (key === "jobs") continue;
    const site: Site = { path: [key], where: () => ({ workflow: file, ...resolveCallSite(definition.site) }) };
    model[key] = lowerAt(site, () => lowerValue(value, context(undefined, { kind: "workflow" }, site), key === "if"));
  }

  const loweredJobs: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(jobs)) {
    const handle = isJobDefinition(value) ? value : undefined;
    const input = handle ? handle.input : (value as JobInput);
    loweredJobs[id] = lowerJob(id, input, handle?.site);
    if (handle) checkWorkflowEnv(id, handle);
  }
  model.jobs = loweredJobs;
  return { model, diagnostics, poisoned };

  /** A job made for several workflows (`JobMeta.env`) gets the `env` it reads from the workflow. */
  function checkWorkflowEnv(id: string, handle: AnyJob): void {
    const defined = envNames(definition.input.env);
    // An `env` given as one expression is known only when the workflow runs.
    if (!defined) return;
    const missing = (handle.meta.env ?? []).filter((name) => !defined.has(name));
    if (missing.length === 0) return;
    diagnostics.push({
      severity: "error",
      code: "missing-env",
      message: `job "${id}" reads env variables that its workflow does not define: ${missing.join(", ")}`,
      fix: `define ${missing.join(", ")} in the workflow's env`,
      where: { workflow: file, job: id, path: ["jobs", id], ...resolveCallSite(handle.site) },
    });
  }

  function lowerJob(id: string, input: JobInput, site: CallSite | undefined): Record<string, unknown> {
    // Locations are resolved only when a diagnostic needs one: formatting a stack is the costly part.
    const where = (): Location => ({ workflow: file, job: id, path: ["jobs", id], ...resolveCallSite(site) });
    const scope: JobScope = { id, needs: new Set(), steps: [], stepIndex: new Map(), site };
    const out: Record<string, unknown> = {};

    // An entry that names no job is reported here and left out, so that the model's own needs check does
    // not report it a second time.
    const needs = (input as { needs?: unknown }).needs;
    if (needs !== undefined) {
      const list = (Array.isArray(needs) ? needs : [needs]).map((item: unknown) => {
        if (typeof item === "string") return item;
        if (isJobDefinition(item)) {
          const needed = jobIds.get(item);
          if (needed !== undefined) return needed;
          diagnostics.push({
            severity: "error",
            code: "invalid-workflow",
            message: `job "${id}" needs a job that is not listed in this workflow's jobs`,
            fix: "add that job to the workflow's jobs, or remove it from needs",
            where: { ...where(), path: ["jobs", id, "needs"] },
          });
          return "";
        }
        diagnostics.push({
          severity: "error",
          code: "needs-invalid",
          message: `job "${id}" has a needs entry that is neither a job nor a job id`,
          where: { ...where(), path: ["jobs", id, "needs"] },
        });
        return "";
      });
      const kept = list.filter((n) => n !== "");
      for (const n of kept) scope.needs.add(n);
      if (Array.isArray(needs)) out.needs = kept;
      else if (kept.length > 0) out.needs = kept[0];
    }

    const items = stepsOf(input).map((item, index) => {
      if (item !== null && typeof item === "object") return item;
      const path = ["jobs", id, "steps", index];
      diagnostics.push({
        severity: "error",
        code: "invalid-workflow",
        message: `step #${index + 1} of job "${id}" is ${item === null ? "null" : `the ${typeof item} ${JSON.stringify(item)}`}, not a step`,
        fix: 'write the step as an object, { run: "..." } or { uses: "..." }, or leave it out of the list',
        where: { ...where(), path },
      });
      // Lowered as an empty step, whose own findings would only repeat this one.
      poisoned.push(path);
      return {} as StepItem;
    });
    scope.steps = items.map(toStepEntry);
    scope.steps.forEach((entry, index) => entry.handle && scope.stepIndex.set(entry.handle, index));
    assignStepIds(scope, input);

    for (const key of Object.keys(input)) {
      if (key === "needs" || key === "steps" || key === "outputs") continue;
      const value = (input as Record<string, unknown>)[key];
      if (isLiteral(value)) {
        out[key] = value;
        continue;
      }
      const position: Position = key === "environment" ? { kind: "environment" } : { kind: "job" };
      const at: Site = { path: ["jobs", id, key], where };
      out[key] = lowerAt(at, () => lowerValue(value, context(scope, position, at), key === "if"));
    }
    if (input.outputs !== undefined) {
      const at: Site = { path: ["jobs", id, "outputs"], where };
      out.outputs = lowerAt(at, () => lowerValue(input.outputs, context(scope, { kind: "job-outputs" }, at), false));
    }
    if ("steps" in input && input.steps !== undefined) {
      out.steps = scope.steps.map((entry, index) => {
        const path = ["jobs", id, "steps", index];
        const stepWhere = (): Location => ({
          ...where(),
          step: stepLabel(entry.input, index),
          path,
          ...resolveCallSite(entry.site ?? site),
        });
        for (const problem of entry.handle?.meta.problems ?? []) {
          const { key, ...rest } = problem;
          const at = key === undefined ? path : [...path, ...key];
          diagnostics.push({ severity: "error", ...rest, where: { ...stepWhere(), path: at } });
          // A reference the step could not take stands as written; what later checks say of it is this problem.
          if (problem.code === "invalid-uses") poisoned.push(at);
        }
        const position: Position = { kind: "step", index };
        const lowerKey = (key: string, body: (context: RenderContext) => unknown): unknown => {
          const at = new KeySite(path, key, stepWhere);
          return lowerAt(at, () => body(context(scope, position, at)));
        };
        return lowerStep(entry, lowerKey, () => poisoned.push([...path, "env"]));
      });
    }
    return out;
  }
}

/**
 * Lower one step, key by key through `lowerKey` (which reports a key that cannot be lowered and keeps the
 * others). A script's problems also poison the step's `env:`, where its expressions go (`poisonEnv`).
 */
function lowerStep(
  entry: StepEntry,
  lowerKey: (key: string, body: (context: RenderContext) => unknown) => unknown,
  poisonEnv: () => void,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let script: Script | undefined;
  for (const key of Object.keys(entry.input)) {
    if (key === "id") continue;
    const value = (entry.input as Record<string, unknown>)[key];
    if (key === "run" && isScript(value)) {
      script = value;
      continue;
    }
    // Expressions interpolated into a plain `run` string are hoisted exactly as in sh`...`: pasting them into
    // the script text is the script injection wfgen exists to prevent. Literal `${{ }}` text is left alone.
    if (key === "run" && typeof value === "string" && hasTokens(value)) {
      const shell = entry.input.shell;
      script = scriptOf(value, shell === "pwsh" || shell === "powershell" ? "pwsh" : "sh");
      continue;
    }
    // Most keys of most steps: nothing to resolve, and no call site or context to make for it.
    if (isLiteral(value)) out[key] = value;
    else out[key] = lowerKey(key, (context) => lowerValue(value, context, key === "if"));
  }
  if (entry.id !== undefined) out.id = entry.id;
  if (script) {
    const env = (out.env ?? {}) as Record<string, string>;
    const body = script;
    let failed = false;
    const run = lowerKey("run", (context) => {
      const lowered = lowerScript(body, {
        resolveHandle(handle, path) {
          const text = context.resolveHandle(handle, path);
          if (text === UNRESOLVED) failed = true;
          return text;
        },
      }, env);
      if (Object.keys(lowered.env).length > 0) out.env = lowered.env;
      return lowered.run;
    });
    out.run = run;
    if (failed || run === "") poisonEnv();
    // A pwsh`...` script quotes its variables for PowerShell; make the step run it with PowerShell.
    if (script.shell === "pwsh" && out.shell === undefined) out.shell = "pwsh";
  }
  return out;
}

/** A value lowering leaves as it is: a scalar, or text with no expression in it (see lowerValue). */
function isLiteral(value: unknown): boolean {
  return value === null || (typeof value !== "object" && (typeof value !== "string" || !hasTokens(value)));
}

/** Render DSL values into model values; `condition` renders a bare expression (for `if:`). */
function lowerValue(value: unknown, context: RenderContext, condition: boolean): unknown {
  if (typeof value === "string") {
    if (!hasTokens(value)) return value;
    const only = tokensIn(value);
    if (condition && only.length === 1 && value === String(only[0])) return renderExpression(only[0]!, context);
    return resolveTokens(value, context);
  }
  if (value === null || typeof value !== "object") return value;
  if (isExpr(value)) return condition ? renderExpression(value, context) : renderInterpolation(value, context);
  if (isScript(value)) {
    throw fail("script-outside-run", "an sh`...` script is used outside a step's run", "use sh`...` only as a step or as the value of run");
  }
  if (isStepDefinition(value) || isJobDefinition(value)) {
    throw fail("handle-as-value", "a step or job handle is used as a value", "read one of its outputs (handle.outputs.name) instead");
  }
  if (Array.isArray(value)) return value.map((item) => lowerValue(item, context, false));
  const out: Record<string, unknown> = {};
  // Keys, not entries: every object of every workflow passes here, and a pair per key was garbage.
  for (const key of Object.keys(value)) out[key] = lowerValue((value as Record<string, unknown>)[key], context, false);
  return out;
}

/** The names an `env:` defines; none when absent, undefined when it is an expression. */
function envNames(env: unknown): Set<string> | undefined {
  if (env === undefined || env === null) return new Set();
  if (typeof env !== "object" || isExpr(env)) return undefined;
  return new Set(Object.keys(env));
}

function stepsOf(input: JobInput): readonly StepItem[] {
  return ("steps" in input && Array.isArray(input.steps) ? input.steps : []) as readonly StepItem[];
}

function toStepEntry(item: StepItem): StepEntry {
  if (isStepDefinition(item)) return { input: item.input, handle: item, site: item.site, id: item.input.id as string | undefined };
  if (isScript(item)) return { input: { run: item } as StepInput };
  const input = item as StepInput;
  return { input, id: typeof input.id === "string" ? input.id : undefined };
}

/**
 * Give each referenced step without an id a stable one derived from its name or action. Ids the user wrote
 * are checked on the model, with the ids GitHub refuses (validate/ids.ts).
 */
function assignStepIds(scope: JobScope, input: JobInput): void {
  const referenced = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (hasTokens(value)) for (const e of tokensIn(value)) for (const h of collectReferences(e).handles) referenced.add(h.handle);
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (isExpr(value)) {
      for (const h of collectReferences(value).handles) referenced.add(h.handle);
      return;
    }
    if (isScript(value)) {
      for (const part of value.parts) visit(part);
      return;
    }
    if (isStepDefinition(value)) {
      visit(value.input);
      return;
    }
    if (isJobDefinition(value)) return;
    for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item);
  };
  for (const [key, value] of Object.entries(input)) if (key !== "needs") visit(value);

  const used = new Set<string>();
  for (const entry of scope.steps) if (entry.id !== undefined) used.add(entry.id);
  for (const entry of scope.steps) {
    if (entry.id !== undefined || !entry.handle || !referenced.has(entry.handle)) continue;
    const base = deriveId(entry.input);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    entry.id = id;
  }
}

function deriveId(input: StepInput): string {
  const source =
    typeof input.name === "string" && input.name.trim()
      ? input.name
      : typeof input.uses === "string"
        ? (input.uses.split("@")[0]!.split("/").pop() ?? "")
        : "";
  const kebab = source
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  if (!kebab) return "step";
  return /^[a-z_]/.test(kebab) ? kebab : `step-${kebab}`;
}

/** How a step is named in messages: its id, else its name, else its 1-based position. */
export function stepLabel(input: StepInput, index?: number): string {
  // A list entry that is not a step (null, undefined) is reported by lowering; here it only needs a label.
  const { id, name } = (input ?? {}) as { id?: unknown; name?: unknown };
  if (typeof id === "string") return `"${id}"`;
  if (typeof name === "string") return `"${name}"`;
  return index === undefined ? "(unnamed)" : `#${index + 1}`;
}

function renderPath(path: readonly string[]): string {
  return path.map((segment) => (ID.test(segment) ? segment : `['${segment.replaceAll("'", "''")}']`)).join(".").replaceAll(".['", "['");
}

/** Who reads a handle, for messages: the step, or the job-level field. */
function readerLabel(scope: JobScope, position: Position): string {
  return position.kind === "step" ? `step ${stepLabel(scope.steps[position.index]!.input, position.index)}` : `job "${scope.id}"`;
}

/** ` (did you mean "x"?)` when a declared name is close to `name`. */
function closestOf(name: string, declared: readonly string[]): string {
  const guess = closest(name, declared);
  return guess ? ` (did you mean "${guess}"?)` : "";
}

function fail(code: string, message: string, fix: string): WfgenError {
  return new WfgenError({ severity: "error", code, message, fix, where: {} });
}



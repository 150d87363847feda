/**
 * One workflow, from YAML data to the TypeScript tree: `workflow("ci", {...})` with every job in `job()`,
 * typed bindings for the actions wfgen knows, step and job handles for the outputs other steps and jobs
 * read, typed context references where they render the same text, `raw` for keys the model does not know,
 * and the file's comments beside what they describe. What the YAML means is decided before (pins,
 * permissions); this module only chooses how to say it.
 */
import type { model } from "@wfgen/core";
import { bindingFor, fitInput, type ChosenBinding, type InputType } from "./bindings.ts";
import { literal, ts, type Code, type CodeEntry, type CodeItem, type Commented } from "./code.ts";
import type { Notes } from "./comments.ts";
import { collectReads, typedText, wholeExpression, type ExprScope, type HandleRef } from "./expressions.ts";
import type { NameAllocator } from "./names.ts";
import type { PinDecision } from "./pins.ts";
import { isRecord, jobLevel, knownKeys, splitKnown, type RawLevel } from "./raw.ts";
import type { Path } from "./types.ts";

/** How a job's `permissions` is written when the check would refuse it as a checked block. */
export interface PermissionDecision {
  /** The grant the job ran with, written as `unchecked(...)`. */
  grant: model.Permissions;
  /** The YAML had no block on the job: the grant is added (the workflow's block, or write-all). */
  added: boolean;
  /** Why, for the comment above it. */
  why: string;
  /** What import tells the user about it, in one line. */
  note: string;
}

/** A lint finding the build would refuse, carried into `workflow()`'s suppressions as a warning. */
export interface CarriedFinding {
  rule: string;
  job?: string;
  step?: string;
  reason: string;
  /** The finding, for the comment above the suppression. */
  comment: string;
}

/** A top-level declaration of the generated file. */
export interface Statement {
  name: string;
  exported: boolean;
  leading: string[];
  trailing: string[];
  code: Code;
}

/** Everything the file needs from one workflow. */
export interface ConvertedWorkflow {
  statements: Statement[];
  /** Names to import from `wfgen` and from `wfgen/actions`. */
  wfgen: Set<string>;
  actions: Set<string>;
}

export interface ConvertInput {
  value: Record<string, unknown>;
  notes: Notes;
  /** The first argument of `workflow()`. */
  file: string;
  exportName: string;
  names: NameAllocator;
  /** Decisions for each `uses:`, by the path of that value (see `pathKey`). */
  pins: ReadonlyMap<string, PinDecision>;
  /** Jobs whose permissions are written as `unchecked(...)`, by job id. */
  permissions: ReadonlyMap<string, PermissionDecision>;
  /** Findings written as suppressions, the third argument of `workflow()`. */
  suppressions?: readonly CarriedFinding[];
}

/** The key of a path in the decision maps. */
export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

const BINDING_STEP_KEYS = new Set(["uses", "with", "name", "id", "if", "env", "continue-on-error", "timeout-minutes", "background"]);
// Fields whose text GitHub does not evaluate as a template, or where a typed value renders differently.
const LITERAL_STEP_KEYS = new Set(["run", "if", "uses", "id"]);
const LITERAL_JOB_KEYS = new Set(["if", "needs", "permissions", "strategy", "uses", "steps", "outputs", "environment"]);

interface StepHandle extends HandleRef {
  index: number;
  statement?: Statement;
}

/** Convert one workflow. */
export function convertWorkflow(input: ConvertInput): ConvertedWorkflow {
  return new Converter(input).run();
}

class Converter {
  private readonly wfgen = new Set<string>(["workflow", "job"]);
  private readonly actions = new Set<string>();
  private readonly helpers: Statement[] = [];
  private readonly stepHandles = new Map<string, Map<string, StepHandle>>();
  private readonly jobHandles = new Map<string, HandleRef & { statement?: Statement }>();
  private readonly declaredJobs = new Set<string>();
  private readonly notes: Notes;

  constructor(private readonly input: ConvertInput) {
    this.notes = input.notes;
  }

  run(): ConvertedWorkflow {
    const { value } = this.input;
    const jobs = isRecord(value.jobs) ? value.jobs : {};
    this.planHandles(jobs);

    // Declaration order: each job handle after the job handles in its needs and after its own step
    // handles; step handles of the jobs written inline last, so that every const a value reads exists.
    for (const jobId of this.jobOrder(jobs)) {
      this.declareSteps(jobId, jobs);
      const handle = this.jobHandles.get(jobId)!;
      const path = ["jobs", jobId];
      handle.statement = {
        name: handle.name,
        exported: false,
        leading: this.movedNotes(path),
        trailing: [],
        code: this.jobCode(jobId, jobs[jobId] as Record<string, unknown>, path),
      };
      this.declaredJobs.add(jobId);
      this.helpers.push(handle.statement);
    }
    for (const jobId of this.stepHandles.keys()) if (!this.jobHandles.has(jobId)) this.declareSteps(jobId, jobs);

    const definition = this.workflowObject(value);
    const exported: Statement = {
      name: this.input.exportName,
      exported: true,
      leading: [],
      trailing: [...this.notes.footer],
      code: { kind: "call", callee: "workflow", args: [literal(this.input.file), definition, ...this.metaCode()] },
    };
    const statements = [...this.helpers, exported];
    // The file's opening comments describe the workflow: above its first declaration, handles included.
    statements[0]!.leading.unshift(...this.notes.header);
    return { statements, wfgen: this.wfgen, actions: this.actions };
  }

  /** `{ suppressions: [...] }` when findings are carried, each with its comment. */
  private metaCode(): Code[] {
    const carried = this.input.suppressions ?? [];
    if (carried.length === 0) return [];
    const items = carried.map(({ comment, rule, job, step, reason }) => {
      const entries: CodeEntry[] = [{ key: "rule", value: literal(rule) }];
      if (job !== undefined) entries.push({ key: "job", value: literal(job) });
      if (step !== undefined) entries.push({ key: "step", value: literal(step) });
      entries.push({ key: "severity", value: literal("warning") }, { key: "reason", value: literal(reason) });
      return { value: { kind: "object", entries } as Code, leading: [` ${comment}`] };
    });
    return [{ kind: "object", entries: [{ key: "suppressions", value: { kind: "array", items } }], expand: true }];
  }

  private declareSteps(jobId: string, jobs: Record<string, unknown>): void {
    const steps = (jobs[jobId] as Record<string, unknown>).steps as unknown[];
    for (const handle of this.stepHandles.get(jobId)?.values() ?? []) {
      const path = ["jobs", jobId, "steps", handle.index];
      handle.statement = {
        name: handle.name,
        exported: false,
        leading: [...this.movedNotes(path), ...this.usesComments(path, steps[handle.index])],
        trailing: [],
        code: this.stepCode(jobId, steps[handle.index] as Record<string, unknown>, handle.index, path, true),
      };
      this.helpers.push(handle.statement);
    }
  }

  /** The comments of an entry that moves to a const of its own: they go above the const. */
  private movedNotes(path: Path): string[] {
    const notes = this.notes.entry(path);
    return [...notes.leading, ...(notes.trailing !== undefined ? [notes.trailing, ...notes.continued] : [])];
  }

  /** Which steps and jobs become handles: those whose outputs something reads. */
  private planHandles(jobs: Record<string, unknown>): void {
    const neededOutputs = new Set<string>();
    for (const [jobId, job] of Object.entries(jobs)) {
      if (!isRecord(job)) continue;
      const reads = { steps: new Map<string, Set<string>>(), needs: new Map<string, Set<string>>() };
      collectReads(job, reads);
      for (const id of reads.needs.keys()) neededOutputs.add(id);
      if (!Array.isArray(job.steps)) continue;
      const handles = new Map<string, StepHandle>();
      job.steps.forEach((step: unknown, index: number) => {
        if (!isRecord(step) || typeof step.id !== "string" || !reads.steps.has(step.id) || handles.has(step.id)) return;
        const binding = this.bindingOf(["jobs", jobId, "steps", index], step);
        const name = this.input.names.allocate([step.id, `${this.input.exportName} ${step.id}`, `${step.id} step`], "step");
        const outputs = binding ? new Set(binding.major.outputs) : reads.steps.get(step.id)!;
        handles.set(step.id, { name, outputs, index });
      });
      if (handles.size > 0) this.stepHandles.set(jobId, handles);
    }
    for (const jobId of Object.keys(jobs)) {
      const job = jobs[jobId];
      if (!neededOutputs.has(jobId) || !isRecord(job) || !isRecord(job.outputs)) continue;
      const name = this.input.names.allocate([jobId, `${this.input.exportName} ${jobId}`, `${jobId} job`], "job");
      this.jobHandles.set(jobId, { name, outputs: new Set(Object.keys(job.outputs)) });
    }
  }

  /** Job handles in an order where each comes after the handles in its `needs`. */
  private jobOrder(jobs: Record<string, unknown>): string[] {
    const order: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (id: string): void => {
      if (state.has(id)) return;
      state.set(id, "visiting");
      for (const need of needsOf(jobs[id])) if (this.jobHandles.has(need)) visit(need);
      state.set(id, "done");
      order.push(id);
    };
    for (const id of this.jobHandles.keys()) visit(id);
    return order;
  }

  // ---- workflow ----

  private workflowObject(value: Record<string, unknown>): Code {
    const { known, raw } = splitKnown(value, "workflow");
    const entries: CodeEntry[] = [];
    for (const [key, item] of known) {
      const path = [key];
      let code: Code;
      if (key === "jobs" && isRecord(item)) code = this.jobsObject(item);
      else if (key === "on") code = this.onCode(item);
      else if (key === "permissions" || key === "name") code = this.valueCode(item, path, undefined);
      else code = this.valueCode(item, path, {});
      entries.push(this.entry(key, code, path));
    }
    this.addRaw(entries, raw, []);
    return { kind: "object", entries, end: this.notes.end([]), expand: true };
  }

  private onCode(on: unknown): Code {
    if (!isRecord(on)) return this.valueCode(on, ["on"], undefined);
    const entries = Object.entries(on).map(([event, config]) => {
      const path = ["on", event];
      const level: RawLevel = { event };
      const code = isRecord(config) && knownKeys(level) ? this.levelObject(config, level, path, () => undefined) : this.valueCode(config, path, undefined);
      return this.entry(event, code, path);
    });
    return { kind: "object", entries, end: this.notes.end(["on"]) };
  }

  private jobsObject(jobs: Record<string, unknown>): Code {
    const entries = Object.entries(jobs).map(([jobId, job]) => {
      const path = ["jobs", jobId];
      const handle = this.jobHandles.get(jobId);
      if (handle) {
        // Its comments went to the const; keep only the blank line that separated it.
        return { key: jobId, value: ts(handle.name), blank: this.notes.entry(path).blank };
      }
      const code = isRecord(job) ? this.jobCode(jobId, job, path) : this.valueCode(job, path, undefined);
      return this.entry(jobId, code, path);
    });
    return { kind: "object", entries, end: this.notes.end(["jobs"]), expand: true };
  }

  // ---- jobs ----

  private jobCode(jobId: string, job: Record<string, unknown>, path: Path): Code {
    const level = jobLevel(job);
    const needs = this.needsScope(job);
    const allSteps = new Map([...(this.stepHandles.get(jobId) ?? new Map<string, StepHandle>())]);
    const decision = this.input.permissions.get(jobId);
    const { known, raw } = splitKnown(job, level);
    const entries: CodeEntry[] = [];
    if (decision?.added) {
      this.wfgen.add("unchecked");
      entries.push({
        key: "permissions",
        value: { kind: "call", callee: "unchecked", args: [this.valueCode(decision.grant, [...path, "permissions"], undefined)] },
        leading: [` ${decision.why}`],
      });
    }
    for (const [key, value] of known) {
      const at = [...path, key];
      let code: Code;
      if (key === "needs") code = this.needsCode(value, at);
      else if (key === "steps" && Array.isArray(value)) code = this.stepsCode(jobId, value, at);
      else if (key === "permissions" && decision && !decision.added) {
        this.wfgen.add("unchecked");
        code = { kind: "call", callee: "unchecked", args: [this.valueCode(value, at, undefined)] };
        const base = this.entry(key, code, at);
        entries.push({ ...base, leading: [...(base.leading ?? []), ` ${decision.why}`] });
        continue;
      } else if (key === "outputs" || key === "environment") code = this.valueCode(value, at, { steps: allSteps, needs });
      else if (key === "uses" && typeof value === "string") code = literal(this.pinned(at, value).intent);
      else if (LITERAL_JOB_KEYS.has(key)) code = this.valueCode(value, at, undefined);
      else code = this.valueCode(value, at, { needs });
      entries.push(this.usesEntry(key, code, at));
    }
    this.addRaw(entries, raw, path);
    return { kind: "call", callee: "job", args: [{ kind: "object", entries, end: this.notes.end(path), expand: true }] };
  }

  /** The job handles a job may read: jobs in its `needs` whose handle is already declared. */
  private needsScope(job: Record<string, unknown>): Map<string, HandleRef> {
    const scope = new Map<string, HandleRef>();
    for (const need of needsOf(job)) {
      const handle = this.jobHandles.get(need);
      if (handle && this.declaredJobs.has(need)) scope.set(need, handle);
    }
    return scope;
  }

  private needsCode(needs: unknown, path: Path): Code {
    const scope = this.needsScope({ needs });
    const one = (id: unknown): Code => (typeof id === "string" && scope.has(id) ? ts(scope.get(id)!.name) : literal(id as string));
    if (!Array.isArray(needs)) return typeof needs === "string" ? one(needs) : this.valueCode(needs, path, undefined);
    return {
      kind: "array",
      items: needs.map((id, i) => ({ ...this.notesOf([...path, i]), value: one(id) })),
      end: this.notes.end(path),
    };
  }

  // ---- steps ----

  private stepsCode(jobId: string, steps: unknown[], path: Path): Code {
    const handles = this.stepHandles.get(jobId);
    const byIndex = new Map([...(handles?.values() ?? [])].map((h) => [h.index, h]));
    const items: CodeItem[] = steps.map((step, index) => {
      const at = [...path, index];
      const handle = byIndex.get(index);
      if (handle) return { value: ts(handle.name), blank: this.notes.entry(at).blank };
      const code = isRecord(step) ? this.stepCode(jobId, step, index, at, false) : this.valueCode(step, at, undefined);
      const notes = this.notesOf(at);
      const moved = this.usesComments(at, step);
      return { ...notes, ...(moved.length > 0 && { leading: [...(notes.leading ?? []), ...moved] }), value: code };
    });
    return { kind: "array", items, end: this.notes.end(path) };
  }

  /**
   * The comments of a step's `uses:` line when a binding replaces that line: they go above the step. A
   * `# v4.2.2` the lock now carries is dropped (the build writes it back).
   */
  private usesComments(path: Path, step: unknown): string[] {
    if (!isRecord(step) || typeof step.uses !== "string" || !this.bindingOf(path, step)) return [];
    const at = [...path, "uses"];
    const notes = this.notes.entry(at);
    const trailing = notes.trailing !== undefined && !this.pinned(at, step.uses).consumedComment ? [notes.trailing, ...notes.continued] : [];
    return [...notes.leading, ...trailing];
  }

  /** The step handles readable from step `index` of a job: the earlier ones. */
  private stepScope(jobId: string, index: number): Map<string, HandleRef> {
    const scope = new Map<string, HandleRef>();
    for (const [id, handle] of this.stepHandles.get(jobId) ?? []) if (handle.index < index) scope.set(id, handle);
    return scope;
  }

  private stepCode(jobId: string, step: Record<string, unknown>, index: number, path: Path, handle: boolean): Code {
    const scope: ExprScope = { steps: this.stepScope(jobId, index), needs: this.needsScope(this.jobOf(jobId)) };
    const binding = this.bindingOf(path, step);
    if (binding) return this.bindingCall(binding, step, path, scope);
    const object = this.levelObject(step, "step", path, (key) => (LITERAL_STEP_KEYS.has(key) ? undefined : scope));
    if (!handle) return object;
    this.wfgen.add("step");
    const outputs = [...(this.stepHandles.get(jobId)?.get(step.id as string)?.outputs ?? [])];
    return { kind: "call", callee: "step", typeArgs: outputs.map((o) => JSON.stringify(o)).join(" | ") || undefined, args: [object] } as Code;
  }

  private jobOf(jobId: string): Record<string, unknown> {
    const jobs = this.input.value.jobs as Record<string, unknown>;
    return isRecord(jobs[jobId]) ? (jobs[jobId] as Record<string, unknown>) : {};
  }

  /** The binding that can stand for this step exactly, if any. */
  private bindingOf(path: Path, step: Record<string, unknown>): ChosenBinding | undefined {
    if (typeof step.uses !== "string") return undefined;
    const intent = this.pinned([...path, "uses"], step.uses).intent;
    const match = /^([^/@\s]+\/[^/@\s]+)@(v\d+)$/.exec(intent);
    if (!match) return undefined;
    const chosen = bindingFor(match[1]!, match[2]!);
    if (!chosen || chosen.major.uses !== intent) return undefined;
    const known = knownKeys("step")!;
    for (const key of Object.keys(step)) if (known.has(key) && !BINDING_STEP_KEYS.has(key)) return undefined;
    const inputs = chosen.major.inputs;
    const given = step.with;
    if (given === undefined) return Object.values(inputs).some((i) => i.required) ? undefined : chosen;
    // An empty `with:` would disappear through the binding, which writes `with` only when it has inputs.
    if (!isRecord(given) || Object.keys(given).length === 0) return undefined;
    for (const [name, spec] of Object.entries(inputs)) if (spec.required && !(name in given)) return undefined;
    for (const [name, value] of Object.entries(given)) {
      if (!Object.hasOwn(inputs, name)) return undefined;
      const fit = fitInput(inputs[name]!.type, value, wholeExpression(value) !== undefined);
      if (fit === undefined) return undefined;
      if (fit === "expression" && this.expressionInput(value as string, inputs[name]!.type, {}) === undefined) return undefined;
    }
    return chosen;
  }

  /** An input value that is one `${{ }}` for a boolean or number input: a typed reference, or `expr.raw`. */
  private expressionInput(value: string, type: InputType, scope: ExprScope): { code: string; imports: Iterable<string> } | undefined {
    const typed = typedText(value, scope) ?? typedText(value, {});
    if (typed) return typed;
    const inner = wholeExpression(value)!;
    // expr.raw renders `${{ <text trimmed> }}`; only text written that way comes back the same.
    if (value !== `\${{ ${inner.trim()} }}` || inner.trim() === "") return undefined;
    const typeArg = type === "boolean" ? "<boolean>" : type === "number" ? "<number>" : "";
    return { code: `expr.raw${typeArg}(${JSON.stringify(inner.trim())})`, imports: ["expr"] };
  }

  private bindingCall(binding: ChosenBinding, step: Record<string, unknown>, path: Path, scope: ExprScope): Code {
    this.actions.add(binding.importName);
    const { known, raw } = splitKnown(step, "step");
    const entries: CodeEntry[] = [];
    for (const [key, value] of known) {
      const at = [...path, key];
      // The ref is the binding's; the comments of the uses line go with the step (usesComments).
      if (key === "uses") continue;
      if (key === "with") {
        const inputs = Object.entries(value as Record<string, unknown>).map(([name, item]) => {
          const itemPath = [...at, name];
          const type = binding.major.inputs[name]!.type;
          let code: Code;
          if (fitInput(type, item, wholeExpression(item) !== undefined) === "expression") {
            const typed = this.expressionInput(item as string, type, scope)!;
            for (const name_ of typed.imports) this.wfgen.add(name_);
            code = ts(typed.code);
          } else code = this.valueCode(item, itemPath, scope);
          return this.entry(name, code, itemPath);
        });
        entries.push(this.entry(key, { kind: "object", entries: inputs, end: this.notes.end(at) }, at));
        continue;
      }
      entries.push(this.entry(key, this.valueCode(value, at, LITERAL_STEP_KEYS.has(key) ? undefined : scope), at));
    }
    this.addRaw(entries, raw, path);
    const end = this.notes.end(path);
    const args: Code[] = entries.length > 0 || end.length > 0 ? [{ kind: "object", entries, end }] : [];
    return { kind: "call", callee: binding.callee, args };
  }

  // ---- values ----

  /** A mapping at a level that takes `raw`: known keys converted by `scopeOf(key)`, the rest under `raw`. */
  private levelObject(value: Record<string, unknown>, level: RawLevel, path: Path, scopeOf: (key: string) => ExprScope | undefined): Code {
    const { known, raw } = splitKnown(value, level);
    const entries: CodeEntry[] = [];
    for (const [key, item] of known) {
      const at = [...path, key];
      if (key === "uses" && typeof item === "string") {
        entries.push(this.usesEntry(key, literal(this.pinned(at, item).intent), at));
        continue;
      }
      if (key === "parallel" && Array.isArray(item)) {
        const items = item.map((s, i) => {
          const p = [...at, i];
          return { ...this.notesOf(p), value: isRecord(s) ? this.levelObject(s, "parallel-step", p, scopeOf) : this.valueCode(s, p, undefined) };
        });
        entries.push(this.entry(key, { kind: "array", items, end: this.notes.end(at) }, at));
        continue;
      }
      entries.push(this.entry(key, this.valueCode(item, at, scopeOf(key)), at));
    }
    this.addRaw(entries, raw, path);
    return { kind: "object", entries, end: this.notes.end(path) };
  }

  private addRaw(entries: CodeEntry[], raw: Array<[string, unknown]>, path: Path): void {
    if (raw.length === 0) return;
    const items = raw.map(([key, value]) => this.entry(key, this.valueCode(value, [...path, key], undefined), [...path, key]));
    entries.push({
      key: "raw",
      value: { kind: "object", entries: items },
      leading: [" Keys wfgen does not model yet, written to the YAML as they are."],
    });
  }

  /** Plain data as TypeScript; strings become typed references where `scope` allows (undefined: never). */
  private valueCode(value: unknown, path: Path, scope: ExprScope | undefined): Code {
    if (typeof value === "string") {
      const typed = scope ? typedText(value, scope) : undefined;
      if (!typed) return literal(value);
      for (const name of typed.imports) this.wfgen.add(name);
      return ts(typed.code);
    }
    if (Array.isArray(value)) {
      return {
        kind: "array",
        items: value.map((item, i) => ({ ...this.notesOf([...path, i]), value: this.valueCode(item, [...path, i], scope) })),
        end: this.notes.end(path),
      };
    }
    if (isRecord(value)) {
      const entries = Object.entries(value).map(([key, item]) => this.entry(key, this.valueCode(item, [...path, key], scope), [...path, key]));
      return { kind: "object", entries, end: this.notes.end(path) };
    }
    return literal(value as number | boolean | null);
  }

  private pinned(path: Path, uses: string): PinDecision {
    return this.input.pins.get(pathKey(path)) ?? { intent: uses, consumedComment: false };
  }

  /** An entry for `uses`, whose version comment is dropped when the lock carries the tag. */
  private usesEntry(key: string, code: Code, path: Path): CodeEntry {
    const entry = this.entry(key, code, path);
    if (key === "uses" && typeof (code as { value?: unknown }).value === "string") {
      const decision = this.input.pins.get(pathKey(path));
      if (decision?.consumedComment) delete entry.trailing;
    }
    return entry;
  }

  private entry(key: string, value: Code, path: Path): CodeEntry {
    return { key, value, ...this.notesOf(path) };
  }

  private notesOf(path: Path): Commented {
    const notes = this.notes.entry(path);
    return {
      ...(notes.leading.length > 0 && { leading: notes.leading }),
      ...(notes.trailing !== undefined && { trailing: notes.trailing }),
      ...(notes.continued.length > 0 && { continued: notes.continued }),
      ...(notes.blank && { blank: true }),
    };
  }
}

/** The job ids a job lists in `needs`. */
function needsOf(job: unknown): string[] {
  if (!isRecord(job)) return [];
  const needs = job.needs;
  if (typeof needs === "string") return [needs];
  return Array.isArray(needs) ? needs.filter((n): n is string => typeof n === "string") : [];
}

/**
 * The escape hatch, applied: at the levels where wfgen's model takes `raw` (the workflow, a job, a step,
 * an event's configuration), keys the model does not know move under `raw`, which the emitter writes back
 * as given. The known keys are read from the model's own schemas, so a key the model learns later stops
 * going to `raw` without a change here.
 */
import { model } from "@wfgen/core";

/** Where in a workflow a mapping sits, for the levels that take `raw`. */
export type RawLevel = "workflow" | "normal-job" | "call-job" | "step" | "parallel-step" | { event: string };

type Shaped = { shape?: Record<string, unknown>; _zod?: { def: { innerType?: unknown; schema?: unknown; type?: string } } };

/** The object schema inside optional/nullable/refined wrappers, if any. */
function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as Shaped | undefined;
  for (let i = 0; current && i < 8; i++) {
    if (current.shape) return current.shape;
    current = (current._zod?.def.innerType ?? current._zod?.def.schema) as Shaped | undefined;
  }
  return undefined;
}

const cache = new Map<string, ReadonlySet<string> | undefined>();

/** The keys the model knows at `level` (without `raw`); undefined for an event without a mapping form. */
export function knownKeys(level: RawLevel): ReadonlySet<string> | undefined {
  const id = typeof level === "string" ? level : `event:${level.event}`;
  if (cache.has(id)) return cache.get(id);
  let shape: Record<string, unknown> | undefined;
  if (level === "workflow") shape = objectShape(model.WorkflowSchema);
  else if (level === "normal-job") shape = objectShape(model.NormalJobSchema);
  else if (level === "call-job") shape = objectShape(model.CallJobSchema);
  else if (level === "step") shape = objectShape(model.StepSchema);
  else if (level === "parallel-step") shape = objectShape(model.ParallelStepSchema);
  else {
    const events = objectShape(model.OnObjectSchema) ?? {};
    shape = Object.hasOwn(events, level.event) ? objectShape(events[level.event]) : undefined;
  }
  const keys = shape ? new Set(Object.keys(shape).filter((k) => k !== "raw")) : undefined;
  cache.set(id, keys);
  return keys;
}

/** The level of a job: one that calls a reusable workflow has `uses`. */
export function jobLevel(job: Record<string, unknown>): RawLevel {
  return "uses" in job ? "call-job" : "normal-job";
}

/** A mapping split into the keys the model knows and the rest, each in the file's order. */
export function splitKnown(
  value: Record<string, unknown>,
  level: RawLevel,
): { known: Array<[string, unknown]>; raw: Array<[string, unknown]> } {
  const keys = knownKeys(level);
  const known: Array<[string, unknown]> = [];
  const raw: Array<[string, unknown]> = [];
  for (const entry of Object.entries(value)) (keys?.has(entry[0]) ? known : raw).push(entry);
  return { known, raw };
}

/** Whether `value` is a mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The workflow as the DSL takes it in plain objects: unknown keys under `raw` at every level that has one.
 * Used to check the workflow with wfgen's own render before any TypeScript is written.
 */
export function withRaw(workflow: Record<string, unknown>): Record<string, unknown> {
  const out = moveToRaw(workflow, "workflow");
  if (isRecord(out.on)) {
    const on: Record<string, unknown> = {};
    for (const [event, config] of Object.entries(out.on)) {
      on[event] = isRecord(config) && knownKeys({ event }) ? moveToRaw(config, { event }) : config;
    }
    out.on = on;
  }
  if (isRecord(out.jobs)) {
    const jobs: Record<string, unknown> = {};
    for (const [id, job] of Object.entries(out.jobs)) {
      if (!isRecord(job)) {
        jobs[id] = job;
        continue;
      }
      const j = moveToRaw(job, jobLevel(job));
      if (Array.isArray(j.steps)) j.steps = j.steps.map((s: unknown) => (isRecord(s) ? stepWithRaw(s) : s));
      jobs[id] = j;
    }
    out.jobs = jobs;
  }
  return out;
}

function stepWithRaw(step: Record<string, unknown>): Record<string, unknown> {
  const out = moveToRaw(step, "step");
  if (Array.isArray(out.parallel)) {
    out.parallel = out.parallel.map((s: unknown) => (isRecord(s) ? moveToRaw(s, "parallel-step") : s));
  }
  return out;
}

function moveToRaw(value: Record<string, unknown>, level: RawLevel): Record<string, unknown> {
  const { known, raw } = splitKnown(value, level);
  const out = Object.fromEntries(known);
  if (raw.length > 0) out.raw = Object.fromEntries(raw);
  return out;
}

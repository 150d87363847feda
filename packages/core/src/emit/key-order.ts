/**
 * The canonical key order of every GitHub-defined object in a workflow, as data. Keys GitHub defines
 * come in its documentation order (long lists such as `steps` last); keys the user named keep the
 * user's order, never sorted.
 */

/** Names of the object kinds below; each names one entry of {@link SHAPES}. */
export type ShapeName =
  | "workflow"
  | "events"
  | "event"
  | "schedule"
  | "cron"
  | "inputs"
  | "input"
  | "callOutputs"
  | "callOutput"
  | "callSecrets"
  | "callSecret"
  | "jobs"
  | "job"
  | "runsOn"
  | "snapshot"
  | "environment"
  | "concurrency"
  | "defaults"
  | "defaultsRun"
  | "strategy"
  | "matrix"
  | "services"
  | "container"
  | "credentials"
  | "steps"
  | "step"
  | "parallelSteps";

/** What the emitter knows about one kind of object (or of sequence, through `items`). */
export interface Shape {
  /** GitHub's keys, in canonical order; any other key follows them in insertion order. */
  readonly order?: readonly string[];
  /** Keys written after the user's own keys (a matrix's `include` and `exclude`). */
  readonly last?: readonly string[];
  /** The kind of the value under a given key. */
  readonly keys?: Readonly<Record<string, ShapeName>>;
  /** The kind of the value under any other key: the entries of a map whose keys the user names. */
  readonly entries?: ShapeName;
  /** The kind of each item, when the value is a sequence. */
  readonly items?: ShapeName;
  /** Whether a `raw` property holds extra keys, written after all the others as ordinary keys. */
  readonly raw?: boolean;
  /** Whether one blank line separates the entries (or items) of this value. */
  readonly spaced?: boolean;
  /** Keys written unquoted although a YAML 1.1 reader takes them for booleans: GitHub reads them as strings. */
  readonly bareKeys?: readonly string[];
}

/** Every kind of object the emitter orders, by name. */
export const SHAPES: Readonly<Record<ShapeName, Shape>> = {
  workflow: {
    order: ["name", "description", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"],
    keys: { on: "events", defaults: "defaults", concurrency: "concurrency", jobs: "jobs" },
    raw: true,
    spaced: true,
    bareKeys: ["on"],
  },
  events: { keys: { schedule: "schedule" }, entries: "event" },
  event: {
    order: [
      "types",
      "branches",
      "branches-ignore",
      "tags",
      "tags-ignore",
      "paths",
      "paths-ignore",
      "names",
      "versions",
      "workflows",
      "inputs",
      "outputs",
      "secrets",
    ],
    keys: { inputs: "inputs", outputs: "callOutputs", secrets: "callSecrets" },
    raw: true,
  },
  schedule: { items: "cron" },
  cron: { order: ["cron", "timezone"] },
  inputs: { entries: "input" },
  input: { order: ["description", "type", "required", "default", "options"] },
  callOutputs: { entries: "callOutput" },
  callOutput: { order: ["description", "value"] },
  callSecrets: { entries: "callSecret" },
  callSecret: { order: ["description", "required"] },
  jobs: { entries: "job", spaced: true },
  job: {
    order: [
      "name",
      "permissions",
      "needs",
      "if",
      "runs-on",
      "snapshot",
      "environment",
      "concurrency",
      "outputs",
      "env",
      "defaults",
      "timeout-minutes",
      "cancel-timeout-minutes",
      "strategy",
      "continue-on-error",
      "container",
      "services",
      "uses",
      "with",
      "secrets",
      "steps",
    ],
    keys: {
      "runs-on": "runsOn",
      snapshot: "snapshot",
      environment: "environment",
      concurrency: "concurrency",
      defaults: "defaults",
      strategy: "strategy",
      container: "container",
      services: "services",
      steps: "steps",
    },
    raw: true,
  },
  runsOn: { order: ["group", "labels"] },
  snapshot: { order: ["image-name", "if", "version"] },
  environment: { order: ["name", "url", "deployment"] },
  concurrency: { order: ["group", "cancel-in-progress", "queue"] },
  defaults: { order: ["run"], keys: { run: "defaultsRun" } },
  defaultsRun: { order: ["shell", "working-directory"] },
  strategy: { order: ["matrix", "fail-fast", "max-parallel"], keys: { matrix: "matrix" } },
  matrix: { last: ["include", "exclude"] },
  services: { entries: "container" },
  container: {
    order: ["image", "credentials", "env", "ports", "volumes", "options", "entrypoint", "command"],
    keys: { credentials: "credentials" },
  },
  credentials: { order: ["username", "password"] },
  steps: { items: "step", spaced: true },
  step: {
    order: [
      "name",
      "id",
      "if",
      "uses",
      "with",
      "env",
      "working-directory",
      "shell",
      "continue-on-error",
      "timeout-minutes",
      "background",
      "wait",
      "wait-all",
      "cancel",
      "parallel",
      "run",
    ],
    keys: { parallel: "parallelSteps" },
    raw: true,
  },
  parallelSteps: { items: "step" },
};

/** The shape of the value under `key` of an object of shape `shape`; `undefined` for plain user maps. */
export function childShape(shape: Shape | undefined, key: string): Shape | undefined {
  if (shape === undefined) return undefined;
  const name = shape.keys?.[key] ?? shape.entries;
  return name === undefined ? undefined : SHAPES[name];
}

/** The shape of the items of a sequence of shape `shape`. */
export function itemShape(shape: Shape | undefined): Shape | undefined {
  return shape?.items === undefined ? undefined : SHAPES[shape.items];
}

// Each shape's keys ranked: `order` from 0, unknown keys at `order.length`, then `last`.
const RANKS = new Map<Shape, ReadonlyMap<string, number>>(
  Object.values(SHAPES).map((shape) => {
    const order = shape.order ?? [];
    const ranked = [...order, ...(shape.last ?? [])].map((key, i) => [key, i < order.length ? i : i + 1] as const);
    return [shape, new Map(ranked)];
  }),
);

/**
 * The entries of `obj` in emission order, flat: each key followed by its value, `[k0, v0, k1, v1, ...]`. The
 * shape's `order` keys come first, then the other keys in insertion order, then its `last` keys, then the
 * entries of `raw` (when the shape has one). Entries whose value is `undefined` are left out, as JSON does.
 * A `raw` key that repeats another key is an error, since the YAML would hold the key twice.
 *
 * One array per object, where an array for each entry was a tenth of the emitter's garbage
 * (docs/performance.md).
 */
export function orderedEntries(obj: Readonly<Record<string, unknown>>, shape: Shape | undefined): unknown[] {
  const keys = Object.keys(obj);
  // At its full size at once: grown by push, its outgrown copies were as much garbage as the array itself.
  const entries: unknown[] = new Array<unknown>(2 * keys.length);
  const ranks = shape === undefined ? undefined : RANKS.get(shape);
  const hasRaw = shape?.raw === true && Object.hasOwn(obj, "raw");
  let length = 0;
  for (const key of keys) {
    const value = obj[key];
    if (value === undefined || (hasRaw && key === "raw")) continue;
    entries[length++] = key;
    entries[length++] = value;
  }
  entries.length = length;
  if (ranks !== undefined && ranks.size > 0) {
    const unknown = shape?.order?.length ?? 0;
    const rank = (key: unknown): number => ranks.get(key as string) ?? unknown;
    // An insertion sort: stable, so unknown keys keep their insertion order, and for the few keys a
    // GitHub-defined object has, cheaper than Array.prototype.sort, whose scratch arrays were a tenth of
    // the emitter's garbage (docs/performance.md).
    for (let i = 2; i < entries.length; i += 2) {
      const key = entries[i];
      const value = entries[i + 1];
      const at = rank(key);
      let j = i - 2;
      for (; j >= 0 && rank(entries[j]) > at; j -= 2) {
        entries[j + 2] = entries[j];
        entries[j + 3] = entries[j + 1];
      }
      entries[j + 2] = key;
      entries[j + 3] = value;
    }
  }
  if (hasRaw) appendRaw(entries, obj["raw"]);
  return entries;
}

function appendRaw(entries: unknown[], raw: unknown): void {
  if (raw === undefined) return;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new TypeError("`raw` must be an object whose entries are written as extra keys");
  }
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (let i = 0; i < entries.length; i += 2) if (entries[i] === key) throw new Error(`\`raw\` repeats the key "${key}"`);
    entries.push(key, value);
  }
}

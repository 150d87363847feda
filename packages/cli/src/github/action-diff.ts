/**
 * What changed between two versions of an action's metadata, as `wfgen update` reports it: inputs and
 * outputs added or removed, and inputs that became (or stopped being) required. A new required input or a
 * removed output is what breaks a workflow, so those lead the list.
 */
import { parse } from "yaml";

/** One change, already worded, e.g. `+ input "cache-binary" (required)`. */
export type ActionChange = string;

interface Metadata {
  inputs: Map<string, { required: boolean }>;
  outputs: Set<string>;
}

/** The changes from `before` to `after` (two action.yml texts); empty when the interface is the same. */
export function diffActionMetadata(before: string, after: string): ActionChange[] {
  const a = read(before);
  const b = read(after);
  const breaking: ActionChange[] = [];
  const other: ActionChange[] = [];
  for (const [name, input] of b.inputs) {
    const old = a.inputs.get(name);
    if (!old) (input.required ? breaking : other).push(`+ input "${name}"${input.required ? " (required)" : ""}`);
    else if (input.required && !old.required) breaking.push(`~ input "${name}" is now required`);
    else if (!input.required && old.required) other.push(`~ input "${name}" is no longer required`);
  }
  for (const name of a.inputs.keys()) if (!b.inputs.has(name)) breaking.push(`- input "${name}"`);
  for (const name of a.outputs) if (!b.outputs.has(name)) breaking.push(`- output "${name}"`);
  for (const name of b.outputs) if (!a.outputs.has(name)) other.push(`+ output "${name}"`);
  return [...breaking, ...other];
}

function read(text: string): Metadata {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    doc = undefined;
  }
  const root = isObject(doc) ? doc : {};
  const inputs = new Map<string, { required: boolean }>();
  for (const [name, spec] of Object.entries(isObject(root.inputs) ? root.inputs : {})) {
    const s = isObject(spec) ? spec : {};
    // An input with a default is never missing, whatever `required` says: the runner fills it in.
    const required = (s.required === true || s.required === "true") && s.default === undefined;
    inputs.set(name, { required });
  }
  return { inputs, outputs: new Set(Object.keys(isObject(root.outputs) ? root.outputs : {})) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

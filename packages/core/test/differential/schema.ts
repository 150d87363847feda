/**
 * GitHub's workflow schema as its parser ships it (`workflow-v1.0.min.json` in @actions/workflow-parser):
 * a table of named definitions, each a mapping, a sequence, a one-of, or a scalar, and the expression
 * contexts allowed below it. The parser adds a few built-in definitions to the file's own; they are added
 * here the same way, so that every type name the file uses resolves.
 */
import { readFileSync } from "node:fs";

/** A property of a mapping definition: its type name, or its type name and whether it is required. */
export type PropertyRef = string | { type: string; required?: boolean };

/** One definition of the schema. */
export interface Definition {
  context?: string[];
  mapping?: { properties?: Record<string, PropertyRef>; "loose-key-type"?: string; "loose-value-type"?: string };
  sequence?: { "item-type": string };
  "one-of"?: string[];
  string?: { constant?: string; "require-non-empty"?: boolean };
  boolean?: object;
  number?: object;
  null?: object;
  "allowed-values"?: string[];
}

// The parser's built-in definitions (templates/schema/template-schema.js).
const BUILT_IN: Record<string, Definition> = {
  null: { null: {} },
  boolean: { boolean: {} },
  number: { number: {} },
  string: { string: {} },
  sequence: { sequence: { "item-type": "any" } },
  mapping: { mapping: { "loose-key-type": "string", "loose-value-type": "any" } },
  any: { "one-of": ["null", "boolean", "number", "string", "sequence", "mapping"] },
};

/** The definitions of GitHub's workflow schema, by name, built-ins included. */
export function loadWorkflowSchema(): Record<string, Definition> {
  // The package exports its modules only, not the JSON file beside them; core's own dependency is read.
  const file = new URL("../../node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json", import.meta.url);
  const json = JSON.parse(readFileSync(file, "utf8")) as {
    definitions: Record<string, Definition>;
  };
  return { ...BUILT_IN, ...json.definitions };
}

/** The type name and requiredness of a property reference. */
export function property(ref: PropertyRef): { type: string; required: boolean } {
  return typeof ref === "string" ? { type: ref, required: false } : { type: ref.type, required: ref.required === true };
}

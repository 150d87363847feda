// The facts wfgen generates (facts/github.gen.ts) against the schema GitHub's parser ships: every event,
// activity type, filter and permission scope the parser knows is in the facts, with the same levels. A
// parser update that knows more fails here, pointing at gen-facts.mjs's PARSER_ADDITIONS.
import { describe, expect, it } from "vitest";
import { EVENTS, PERMISSION_SCOPES } from "../../src/facts/index.ts";
import { loadWorkflowSchema, property, type Definition } from "./schema.ts";

const schema = loadWorkflowSchema();

// The mapping members of a definition, one-ofs opened one level, as the parser reads a mapping.
function mappings(name: string): Definition[] {
  const definition = schema[name]!;
  return (definition["one-of"] ?? [name]).map((member) => schema[member]!).filter((member) => member.mapping);
}

// The allowed values of a definition or of its one-of members, nested one-ofs included.
function allowedValues(name: string): string[] {
  const definition = schema[name]!;
  return definition["allowed-values"] ?? (definition["one-of"] ?? []).flatMap(allowedValues);
}

// Keys that configure an event rather than filter it; the model spells them out.
const CONFIGURATION = new Set(["inputs", "outputs", "secrets", "types"]);

const events = Object.entries(schema["on-mapping-strict"]!.mapping!.properties!).map(([event, ref]) => [event, property(ref).type] as const);

describe("the facts cover GitHub's workflow schema", () => {
  it.each(events)("%s, its activity types and its filters", (event, type) => {
    expect(Object.keys(EVENTS)).toContain(event);
    const facts = EVENTS[event as keyof typeof EVENTS] as { activityTypes: readonly string[] | null; filters: readonly string[] };
    for (const mapping of mappings(type)) {
      const properties = mapping.mapping!.properties ?? {};
      if (properties.types && facts.activityTypes !== null) {
        expect(facts.activityTypes).toEqual(expect.arrayContaining(allowedValues(property(properties.types).type)));
      }
      expect(facts.filters).toEqual(expect.arrayContaining(Object.keys(properties).filter((key) => !CONFIGURATION.has(key))));
    }
  });

  it("every permission scope, with its levels", () => {
    const scopes = schema["permissions-mapping"]!.mapping!.properties!;
    const levels = Object.fromEntries(
      Object.entries(scopes).map(([scope, ref]) => [scope, allowedValuesOfLevel(property(ref).type)]),
    );
    expect(Object.fromEntries(Object.entries(PERMISSION_SCOPES).map(([scope, values]) => [scope, [...values].sort()]))).toEqual(levels);
  });
});

// permission-level-any is a one-of of single-value definitions (permission-level-read, -write, -no-access).
function allowedValuesOfLevel(name: string): string[] {
  const definition = schema[name]!;
  const values = definition["one-of"]
    ? definition["one-of"].flatMap(allowedValuesOfLevel)
    : definition["allowed-values"] ?? (definition.string?.constant !== undefined ? [definition.string.constant] : []);
  return [...new Set(values)].sort();
}

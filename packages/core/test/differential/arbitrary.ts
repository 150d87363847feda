/**
 * Workflows generated from GitHub's own workflow schema (schema.ts), for the differential test against its
 * parser. Each sample is the value written to YAML (`given`) and the value GitHub's parser reads from it
 * (`expected`): the same, except that a number, boolean or null where the schema takes only a string is
 * read as its string form (`run: true` is the script "true", `ref:` with no value is "").
 *
 * The generator follows the parser's reading rules (templates/template-reader.js) where they decide what
 * is valid:
 * - A one-of is read by the kind of the value: a mapping is matched against the one-of's own mapping
 *   members, a scalar against all of its scalar members, nested one-ofs included.
 * - The expression contexts a definition allows apply to everything below it, and wherever a context is
 *   allowed, a whole value may be an expression, or a string with expressions in it.
 * Strings come from small pools chosen by the definition or key they fill (job ids for `needs`, cron
 * entries for `cron`), so that a good share of the samples are workflows GitHub accepts; the rest are
 * refused by the parser and tell nothing, but cost little.
 */
import fc from "fast-check";
import { loadWorkflowSchema, property, type Definition } from "./schema.ts";

/** One generated workflow: what is written, and what GitHub's parser reads from it. */
export interface Sample {
  given: unknown;
  expected: unknown;
}

// Below this depth mappings take only their required keys and sequences are empty, so generation ends.
const MAX_DEPTH = 8;
// How many optional keys a mapping gets at most: enough to combine keys, few enough to keep files small.
const MAX_OPTIONAL_KEYS = 4;
const MAX_ITEMS = 3;

// Each pool has one pair of names equal but for case, which GitHub refuses to see twice in one mapping.
const JOB_IDS = ["build", "test", "deploy", "lint", "_e2e-2", "Build"];
const STEP_IDS = ["s1", "s2", "setup", "cache", "S1"];
const NAMES = ["target", "dry-run", "_level", "my input", "1st", "Target"];
const KEYS = ["A", "node-version", "FOO_BAR", "x.y", "path", "a"];
const TEXT = ["x", "hello world", "main", "v1.*", "docs/**", "!docs/**", "1.0", "true", "null", "a: b", "multi\nline", "it's"];

// String pools by the definition or key a string fills; anything else takes TEXT (and "" where allowed).
const POOLS: Record<string, readonly string[]> = {
  "job-id": JOB_IDS,
  needs: ["build", "test", "deploy", "missing"],
  "step-id": STEP_IDS,
  "step-wait-target": STEP_IDS,
  "step-cancel-target": STEP_IDS,
  "cron-pattern": ["0 0 * * *", "*/15 9-17 * * 1-5", "30 5 * * MON", "61 * * * *"],
  "timezone-string": ["UTC", "Europe/Paris"],
  "step-uses": ["actions/checkout@v4", "./.github/actions/local", "docker://alpine:3.20", "owner/repo/path@main"],
  uses: ["./.github/workflows/reusable.yml", "owner/repo/.github/workflows/ci.yml@v1", "./.github/workflows/reusable.yml@v1", "ci.yml"],
  "job-if": ["success()", "github.event_name == 'push'", "${{ always() }}", "true", "failure()"],
  "step-if": ["success()", "github.ref == 'refs/heads/main'", "${{ cancelled() }}", "false"],
  "snapshot-if": ["success()", "${{ github.ref == 'x' }}"],
  "runs-on": ["ubuntu-latest", "self-hosted", "windows-latest"],
  shell: ["bash", "pwsh", "sh -e {0}"],
  "working-directory": ["src", "./a b"],
  image: ["node:20", "ghcr.io/owner/image:1"],
  "workflow-dispatch-input-name": NAMES,
  "workflow-call-secret-name": NAMES,
  "workflow-call-output-name": NAMES,
  "workflow-call-inputs": NAMES,
  key: KEYS,
};

/** Workflows generated from GitHub's workflow schema, with the value its parser reads from each. */
export function workflowArbitrary(): fc.Arbitrary<Sample> {
  return new Generator(loadWorkflowSchema()).value("workflow-root-strict", [], "text", 0);
}

class Generator {
  private readonly memo = new Map<string, fc.Arbitrary<Sample>>();

  constructor(private readonly definitions: Record<string, Definition>) {}

  /** A value of definition `name`, below which `outer` contexts are allowed. */
  value(name: string, outer: readonly string[], hint: string, depth: number): fc.Arbitrary<Sample> {
    const definition = this.definition(name);
    const context = merge(outer, definition.context);
    const pool = POOLS[name] ? name : hint;
    const key = `${name}|${context.join(",")}|${pool}|${Math.min(depth, MAX_DEPTH)}`;
    let arbitrary = this.memo.get(key);
    if (arbitrary === undefined) {
      const forms = this.forms(definition, this.scalarLeaves(name), context, pool, depth);
      arbitrary = context.length > 0 ? fc.oneof({ arbitrary: forms, weight: 8 }, { arbitrary: expression(context), weight: 1 }) : forms;
      this.memo.set(key, arbitrary);
    }
    return arbitrary;
  }

  private definition(name: string): Definition {
    const definition = this.definitions[name];
    if (definition === undefined) throw new Error(`GitHub's workflow schema has no definition ${name}`);
    return definition;
  }

  // Every scalar definition a scalar at this place is matched against, one-ofs expanded.
  private scalarLeaves(name: string): Definition[] {
    const definition = this.definition(name);
    const members = definition["one-of"];
    if (members) return members.flatMap((member) => this.scalarLeaves(member));
    if (definition["allowed-values"]) return definition["allowed-values"].map((value) => ({ string: { constant: value } }));
    return definition.mapping || definition.sequence ? [] : [definition];
  }

  private forms(definition: Definition, leaves: Definition[], context: readonly string[], pool: string, depth: number): fc.Arbitrary<Sample> {
    if (definition.mapping) return this.mapping(definition, context, depth);
    if (definition.sequence) return this.sequence(definition, context, pool, depth);
    const members = definition["one-of"];
    if (!members) return fc.oneof(...leaves.map((leaf) => scalar(leaf, leaves, pool)));
    // A one-of's own mapping and sequence members, read with the one-of's contexts; any scalar member.
    const forms = members.flatMap((member) => {
      const inner = this.definition(member);
      return inner.mapping || inner.sequence ? [this.forms(inner, [], context, pool, depth)] : [];
    });
    return fc.oneof(...forms, ...leaves.map((leaf) => scalar(leaf, leaves, pool)));
  }

  private mapping(definition: Definition, context: readonly string[], depth: number): fc.Arbitrary<Sample> {
    const shape = definition.mapping!;
    const properties = Object.entries(shape.properties ?? {}).map(([key, ref]) => ({ key, ...property(ref) }));
    const deep = depth >= MAX_DEPTH;
    const required = properties.filter((p) => p.required);
    const optional = deep ? [] : properties.filter((p) => !p.required);
    const looseKey = shape["loose-key-type"];
    const looseValue = shape["loose-value-type"];
    const looseKeys =
      looseKey === undefined || looseValue === undefined || deep
        ? fc.constant([] as string[])
        : fc.uniqueArray(fc.constantFrom(...(POOLS[looseKey] ?? KEYS)), { minLength: looseKey === "job-id" ? 1 : 0, maxLength: MAX_ITEMS });
    const entry = (key: string, type: string) =>
      this.value(type, context, POOLS[key] ? key : "text", depth + 1).map((sample) => [key, sample] as const);
    return fc
      .tuple(fc.subarray(optional, { maxLength: Math.min(optional.length, MAX_OPTIONAL_KEYS) }), looseKeys)
      .chain(([chosen, loose]) =>
        fc.tuple(
          ...[...required, ...chosen].map((p) => entry(p.key, p.type)),
          ...loose.map((key) => entry(key, looseValue!)),
        ),
      )
      .map((entries) => ({
        given: Object.fromEntries(entries.map(([key, sample]) => [key, sample.given])),
        expected: Object.fromEntries(entries.map(([key, sample]) => [key, sample.expected])),
      }));
  }

  private sequence(definition: Definition, context: readonly string[], pool: string, depth: number): fc.Arbitrary<Sample> {
    if (depth >= MAX_DEPTH) return fc.constant({ given: [], expected: [] });
    const item = this.value(definition.sequence!["item-type"], context, pool, depth + 1);
    return fc.array(item, { maxLength: MAX_ITEMS }).map((items) => ({
      given: items.map((s) => s.given),
      expected: items.map((s) => s.expected),
    }));
  }
}

// A scalar for `leaf`, one of the scalar definitions `leaves` a scalar here is matched against.
function scalar(leaf: Definition, leaves: Definition[], pool: string): fc.Arbitrary<Sample> {
  const same = (value: unknown): Sample => ({ given: value, expected: value });
  if (leaf.null) return fc.constant(same(null));
  if (leaf.boolean) return fc.boolean().map(same);
  if (leaf.number) return fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(1.5, -1)).map(same);
  const string = leaf.string ?? {};
  if (string.constant !== undefined) return fc.constant(same(string.constant));
  const texts = POOLS[pool] ?? (string["require-non-empty"] ? TEXT : ["", ...TEXT]);
  // GitHub reads a number, boolean or null as its string form where no scalar member takes it as it is.
  const native = (value: unknown) => leaves.some((l) => (value === null ? l.null : typeof value === "boolean" ? l.boolean : typeof value === "number" ? l.number : false));
  const converted = fc
    .constantFrom<unknown>(null, true, false, 3, 2.5)
    .map((value) => ({ given: value, expected: native(value) ? value : value === null ? "" : String(value) }));
  return fc.oneof({ arbitrary: fc.constantFrom(...texts).map(same), weight: 6 }, { arbitrary: converted, weight: 1 });
}

// A whole value, or a string with text around it, made of an expression over the contexts allowed here.
function expression(context: readonly string[]): fc.Arbitrary<Sample> {
  const terms = context.map((name) => {
    const call = /^(\w+)\(/.exec(name);
    if (call) return call[1] === "hashFiles" ? "hashFiles('**/lock')" : `${call[1]}()`;
    return PROPERTIES[name] ?? `${name}.x`;
  });
  return fc
    .tuple(fc.constantFrom(...terms, "fromJSON('[1]')"), fc.constantFrom("", "pre-"))
    .map(([term, prefix]) => {
      const text = `${prefix}\${{ ${term} }}`;
      return { given: text, expected: text };
    });
}

const PROPERTIES: Record<string, string> = {
  needs: "needs.build.outputs.x",
  steps: "steps.s1.outputs.x",
  jobs: "jobs.build.outputs.x",
  matrix: "matrix.os",
  strategy: "strategy.job-index",
};

function merge(outer: readonly string[], own: readonly string[] | undefined): readonly string[] {
  if (!own || own.length === 0) return outer;
  const seen = new Set(outer.map((c) => c.toUpperCase()));
  return [...outer, ...own.filter((c) => !seen.has(c.toUpperCase()))];
}

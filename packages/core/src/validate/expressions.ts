/**
 * Every expression of a workflow (or of a composite action), found once: each string of the model with its
 * path, the key of GitHub's context availability table it falls under, and its `${{ }}` parsed by GitHub's
 * parser. Works on the plain model, so it checks hand-written and imported YAML the same way as workflows
 * built from TypeScript; the reference and context checks, and the lint rules, read it.
 */
import { type ParseResult, parseExpression, walkReferences } from "../expr/index.ts";
import { ACTION_AVAILABILITY, type Availability, WORKFLOW_AVAILABILITY } from "../facts/contexts.ts";
import { findExpressions } from "../model/expression.ts";

/** A path in the model: keys and list indexes. */
export type ValuePath = ReadonlyArray<string | number>;

/** One string of the model that holds expressions. */
export interface ExpressionSite {
  path: ValuePath;
  text: string;
  /** The availability table's key it falls under (`jobs.<job_id>.steps.with`); undefined where unrestricted. */
  key?: string;
  availability?: Availability;
  /** A job's or step's `if:`, where the whole text is an expression when it has no `${{`. */
  condition: boolean;
}

/** One expression of a site: where it is written in the site's text, and what GitHub's parser made of it. */
export interface SiteExpression {
  site: ExpressionSite;
  /** The `${{ ... }}` (or the whole bare condition) in the site's text, `end` exclusive. */
  start: number;
  end: number;
  /** Where the expression text itself starts (after `${{`). */
  textStart: number;
  text: string;
  parsed: ParseResult;
}

/** The expressions of a workflow or action, and the `${{` that nothing closes. */
export interface ModelExpressions {
  expressions: SiteExpression[];
  unclosed: Array<{ site: ExpressionSite; offset: number }>;
}

/** The two kinds of file whose expressions GitHub evaluates, each with its availability table. */
export type ExpressionFileKind = "workflow" | "action";

// A path segment after one of these keys is a name the user chose; the table writes it as a placeholder.
const PLACEHOLDERS: Record<ExpressionFileKind, Readonly<Record<string, string>>> = {
  workflow: {
    jobs: "<job_id>",
    outputs: "<output_id>",
    secrets: "<secrets_id>",
    with: "<with_id>",
    services: "<service_id>",
    env: "<env_id>",
    inputs: "<inputs_id>",
  },
  action: { inputs: "<input_id>", outputs: "<output_id>", env: "<env_id>", with: "<with_id>" },
};
const TABLES: Record<ExpressionFileKind, Readonly<Record<string, Availability>>> = {
  workflow: WORKFLOW_AVAILABILITY,
  action: ACTION_AVAILABILITY,
};
const CONDITIONS = new Set(["jobs.<job_id>.if", "jobs.<job_id>.steps.if", "runs.steps.if", "runs.pre-if", "runs.post-if"]);

const cache = new WeakMap<object, ModelExpressions>();

/** Every expression of `model`, parsed (memoised per model object: several rules read the same walk). */
export function modelExpressions(model: Record<string, unknown>, kind: ExpressionFileKind = "workflow"): ModelExpressions {
  const cached = cache.get(model);
  if (cached) return cached;
  const found: ModelExpressions = { expressions: [], unclosed: [] };
  for (const site of sitesOf(model, kind)) {
    if (site.condition && !site.text.includes("${{")) {
      found.expressions.push({ site, start: 0, end: site.text.length, textStart: 0, text: site.text, parsed: parseExpression(site.text) });
      continue;
    }
    const { expressions, unclosed } = findExpressions(site.text);
    for (const span of expressions) {
      found.expressions.push({ site, start: span.start, end: span.end, textStart: span.start + 3, text: span.inner, parsed: parseExpression(span.inner) });
    }
    if (unclosed !== undefined) found.unclosed.push({ site, offset: unclosed });
  }
  cache.set(model, found);
  return found;
}

/** The strings of `model` that contain `${{`, and the bare `if:` conditions. */
function sitesOf(model: Record<string, unknown>, kind: ExpressionFileKind): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  // One path, grown and shrunk along the walk, copied only for the strings that become sites; and the
  // availability key looked up only for a string that can be one (it has `${{`, or it is under an `if`).
  const path: Array<string | number> = [];
  let underIf = 0;
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (!value.includes("${{") && underIf === 0) return;
      const key = availabilityKey(path, kind);
      const condition = key !== undefined && CONDITIONS.has(key);
      if (value.includes("${{") || (condition && value.trim() !== "")) {
        sites.push({ path: [...path], text: value, condition, ...(key ? { key, availability: TABLES[kind][key]! } : {}) });
      }
      return;
    }
    if (value === null || typeof value !== "object") return;
    const step = (segment: string | number, item: unknown): void => {
      const isIf = segment === "if" || segment === "pre-if" || segment === "post-if";
      path.push(segment);
      if (isIf) underIf++;
      walk(item);
      if (isIf) underIf--;
      path.pop();
    };
    if (Array.isArray(value)) value.forEach((item, i) => step(i, item));
    else for (const [k, item] of Object.entries(value)) step(k, item);
  };
  walk(model);
  return sites;
}

/**
 * The key of the availability table a model path falls under: names become placeholders, list indexes
 * and parallel-step groups drop out, and a key the table does not list takes its nearest listed ancestor.
 */
export function availabilityKey(path: ValuePath, kind: ExpressionFileKind): string | undefined {
  const placeholders = PLACEHOLDERS[kind];
  const parts: string[] = [];
  let named = false;
  for (const segment of path) {
    if (typeof segment === "number" || segment === "parallel") continue;
    // After a key such as `jobs` comes a name; the key after that name is a key again (a job named `env`).
    const placeholder: string | undefined = named ? undefined : placeholders[parts.at(-1) ?? ""];
    parts.push(placeholder ?? segment);
    named = placeholder !== undefined;
  }
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join(".");
    if (TABLES[kind][key] !== undefined) return key;
  }
  return undefined;
}

/** The ids read through `<context>.<id>` in an expression (`steps.build.outputs.x` -> `build`). */
export function contextIds(expression: string, context: "steps" | "needs" | "jobs"): string[] {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return [];
  const ids: string[] = [];
  walkReferences(parsed.node, {
    context: (reference) => {
      if (reference.context === context && reference.path[0] !== undefined && reference.path[0] !== "*") ids.push(reference.path[0]);
    },
    handle: () => {},
    call: () => {},
  });
  return ids;
}

/**
 * What every generated binding shares: the value types its inputs take, the step keys it accepts besides
 * `with`, and the one function that turns a call into a step handle. The generated modules stay data plus
 * types; behaviour lives here, once.
 */
import { makeStep, type AnyExpr, type CallSite, type StepDefinition, type StepInput, type StepMeta, type Text } from "@wfgen/core";
import { checkInputs } from "./check.ts";
import { ACTION_TABLE, type TableRef } from "./table.ts";

/** An input whose default is `true`/`false`; the YAML gets a bare boolean. */
export type BooleanInput = boolean | AnyExpr;

/** An input whose default is a number. */
export type NumberInput = number | AnyExpr;

/**
 * An input the action reads as a list. An array is joined with the action's separator when the binding is
 * called (a newline for most, so it renders as a `|` block); a string or an expression is passed as it is,
 * so another step's list output (`meta.outputs.tags`) plugs straight in.
 */
export type ListInput = readonly Text[] | Text;

/** The keys of a plain `uses` step a binding call accepts besides `with`: `uses` is the binding's, `run` no step's. */
export type ActionStepOptions = Pick<
  StepInput,
  "name" | "id" | "if" | "env" | "continue-on-error" | "timeout-minutes" | "background" | "raw"
> & {
  /**
   * Inputs the binding does not know (one a newer release added, say), merged into `with` as given. Known
   * inputs belong in `with`, where their names and types are checked.
   */
  withUnsafe?: Record<string, Text>;
  /**
   * The GITHUB_TOKEN scopes this step needs, when wfgen cannot know them (a `github-script` script, say);
   * they replace the inferred ones. See docs/permissions.md.
   */
  permissions?: StepMeta["permissions"];
};

/** One major of an action, as a generated binding describes it. */
export interface ActionSpec {
  /** The intent written to `uses:`, e.g. `docker/build-push-action@v7`; pinning happens at build time. */
  readonly uses: string;
  /** Separator of each list input. */
  readonly lists: Readonly<Record<string, string>>;
}

/** Build the step for a binding call; `site` is captured by the binding, so errors point at its caller. */
export function actionStep<O extends string>(
  spec: ActionSpec,
  step: ActionStepOptions & { with?: object },
  site: CallSite,
): StepDefinition<O> {
  const { with: given = {}, withUnsafe = {}, permissions, ...keys } = step;
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const separator = spec.lists[name];
    inputs[name] = separator !== undefined && Array.isArray(value) ? value.join(separator) : value;
  }
  for (const [name, value] of Object.entries(withUnsafe)) {
    if (name in inputs) {
      throw new Error(`${spec.uses}: input "${name}" is set in both with and withUnsafe; keep the one in with`);
    }
    inputs[name] = value;
  }
  const input = { ...keys, uses: spec.uses, ...(Object.keys(inputs).length > 0 && { with: inputs }) } as StepInput;
  const known = knownRef(spec.uses);
  const problems = known ? checkInputs(spec.uses, known.inputs, given as Record<string, unknown>) : [];
  return makeStep<O>(
    input,
    {
      action: spec.uses,
      ...(permissions && { permissions }),
      ...(problems.length > 0 && { problems }),
      ...(known && { outputs: known.outputs }),
    },
    site,
  );
}

/** The facts of `owner/repo@ref` in the generated table; undefined for an action it does not hold. */
function knownRef(uses: string): TableRef | undefined {
  const at = uses.lastIndexOf("@");
  const action = uses.slice(0, at).toLowerCase();
  const ref = uses.slice(at + 1);
  const entry = Object.hasOwn(ACTION_TABLE, action) ? ACTION_TABLE[action] : undefined;
  return entry && Object.hasOwn(entry.refs, ref) ? entry.refs[ref] : undefined;
}

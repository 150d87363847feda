/**
 * What every generated binding shares: the value types its inputs take, the step keys it accepts besides
 * `with`, and the one function that turns a call into a step handle. The generated modules stay data plus
 * types; behaviour lives here, once.
 */
import { makeStep, type AnyExpr, type CallSite, type StepDefinition, type StepInput, type StepMeta, type Text } from "@wfgen/core/dsl";
import { checkInputs } from "./check.ts";

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

/** The kind of value an input takes, as the binding's types declare it. */
export type InputKind =
  | "text"
  | "text-or-number"
  | "boolean"
  | "number"
  | "list"
  | { oneOf: ReadonlyArray<string | boolean> };

/** One input of an action, as its binding declares it. */
export interface ActionInput {
  kind: InputKind;
  /** For a list: what an array is joined with. */
  separator?: string;
  /** Required and without a default. */
  required?: true;
}

/**
 * One major of an action, as a generated binding describes it: the facts its types are made of, carried at
 * run time so that `wfgen build` checks a call as the compiler would (a binding `wfgen add` wrote included).
 */
export interface ActionSpec {
  /** The intent written to `uses:`, e.g. `docker/build-push-action@v7`; pinning happens at build time. */
  readonly uses: string;
  /** Every input, by its exact name. */
  readonly inputs: Readonly<Record<string, ActionInput>>;
  /** The outputs the action declares. */
  readonly outputs: readonly string[];
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
    const separator = Object.hasOwn(spec.inputs, name) ? spec.inputs[name]!.separator : undefined;
    inputs[name] = separator !== undefined && Array.isArray(value) ? value.join(separator) : value;
  }
  for (const [name, value] of Object.entries(withUnsafe)) {
    if (name in inputs) {
      throw new Error(`${spec.uses}: input "${name}" is set in both with and withUnsafe; keep the one in with`);
    }
    inputs[name] = value;
  }
  const input = { ...keys, uses: spec.uses, ...(Object.keys(inputs).length > 0 && { with: inputs }) } as StepInput;
  const problems = checkInputs(spec.uses, spec.inputs, given as Record<string, unknown>);
  return makeStep<O>(
    input,
    { action: spec.uses, ...(permissions && { permissions }), ...(problems.length > 0 && { problems }), outputs: spec.outputs },
    site,
  );
}

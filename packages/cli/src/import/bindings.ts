/**
 * Which typed binding (`checkout`, `checkout.v4`, ...) can stand for a `uses:` step, and whether it can
 * take the step's inputs exactly as written. A binding is used only when the TypeScript it leads to
 * compiles and renders the same `with:`; otherwise the step stays a plain object, which always does.
 */
import { ACTION_TABLE, type InputKind } from "@wfgen/actions/table";

/** The type of one input, as the binding declares it. */
export type InputType = InputKind;

/** One major of a binding. */
export interface BindingMajor {
  /** The intent the binding writes, e.g. `actions/checkout@v4`. */
  uses: string;
  inputs: Record<string, { type: InputType; required?: true }>;
  outputs: string[];
  /** List inputs and the separator an array is joined with. */
  lists: Record<string, string>;
}

/** The bindings of one action. */
export interface BindingAction {
  /** The exported function, e.g. `dockerBuildPush`. */
  binding: string;
  /** The major the bare function calls. */
  latest: string;
  majors: Record<string, BindingMajor>;
}

/** `owner/repo` to its bindings. */
export type BindingTable = Record<string, BindingAction>;

/**
 * Every typed binding `wfgen import` may write, by action (`owner/repo`): the majors the bindings of
 * `@wfgen/actions` have, read from its generated table, so import never offers an input or a major they lack.
 */
export const BINDINGS: BindingTable = Object.fromEntries(
  Object.entries(ACTION_TABLE).map(([name, action]) => [
    name,
    {
      binding: action.binding,
      latest: action.latest,
      majors: Object.fromEntries(
        action.majors.map((major) => {
          const ref = action.refs[major]!;
          const inputs = Object.entries(ref.inputs);
          return [
            major,
            {
              uses: ref.uses,
              inputs: Object.fromEntries(
                inputs.map(([input, spec]) => [input, { type: spec.kind, ...(spec.required ? { required: true as const } : {}) }]),
              ),
              outputs: [...ref.outputs],
              lists: Object.fromEntries(inputs.flatMap(([input, spec]) => (spec.separator ? [[input, spec.separator]] : []))),
            },
          ];
        }),
      ),
    },
  ]),
);

/** A binding chosen for a step: the function to call (`checkout` or `checkout.v4`) and its major. */
export interface ChosenBinding {
  /** The name to import from `wfgen/actions`. */
  importName: string;
  /** The callee as written: `checkout` for the latest major, `checkout.v4` for an older one. */
  callee: string;
  major: BindingMajor;
}

/**
 * The binding for `name` (`owner/repo`) at `major` (`v4`), if wfgen has one. The latest major is called
 * bare (`checkout()`), as users write it; older majors by name (`checkout.v4()`).
 */
export function bindingFor(name: string, major: string): ChosenBinding | undefined {
  const action = Object.hasOwn(BINDINGS, name) ? BINDINGS[name] : undefined;
  const spec = action && Object.hasOwn(action.majors, major) ? action.majors[major] : undefined;
  if (!action || !spec) return undefined;
  return {
    importName: action.binding,
    callee: major === action.latest ? action.binding : `${action.binding}.${major}`,
    major: spec,
  };
}

/** How an input value is written for a binding, or undefined when the binding's type cannot take it. */
export type InputFit = "as-is" | "expression" | undefined;

/**
 * Whether `value` (from the YAML) fits the input's declared type as it is. Strings that are exactly one
 * `${{ }}` fit every type through an expression (`expr.raw`); a string where the type wants a boolean or a
 * number does not fit (the binding would write a different YAML scalar), nor does a number for text.
 */
export function fitInput(type: InputType, value: unknown, wholeExpression: boolean): InputFit {
  if (typeof value === "string") {
    if (type === "text" || type === "text-or-number" || type === "list") return "as-is";
    if (typeof type === "object" && type.oneOf.includes(value)) return "as-is";
    return wholeExpression ? "expression" : undefined;
  }
  if (typeof value === "boolean") {
    if (type === "boolean") return "as-is";
    return typeof type === "object" && type.oneOf.includes(value) ? "as-is" : undefined;
  }
  if (typeof value === "number") return type === "number" || type === "text-or-number" ? "as-is" : undefined;
  return undefined;
}

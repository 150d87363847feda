/**
 * `wfgen/actions`: typed bindings for popular actions. Each call is a step whose `with` inputs and outputs
 * are typed after the action's `action.yml`, and checked again by `wfgen build`.
 */
export * from "@wfgen/actions";

/**
 * `wfgen/actions`: typed bindings for popular actions (re-exported from @wfgen/actions, so users install
 * only `wfgen`).
 */
export * from "@wfgen/actions";

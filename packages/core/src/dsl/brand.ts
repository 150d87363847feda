/**
 * Brands for DSL values. `Symbol.for` makes them work across copies of wfgen (the CLI's bundle and the
 * copy a user's helper package may import), where `instanceof` would not.
 */
export const WORKFLOW = Symbol.for("wfgen.workflow");
export const JOB = Symbol.for("wfgen.job");
export const STEP = Symbol.for("wfgen.step");

/** Whether `value` is a workflow created by `workflow()`. */
export function isWorkflowDefinition(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[WORKFLOW] === true;
}

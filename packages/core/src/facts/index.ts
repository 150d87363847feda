// GitHub's facts as typed data: the generated tables, and the literal unions derived from them so that the
// rest of wfgen can key its own tables by event or scope and let the compiler find a missing entry.

import {
  EVENTS,
  EVENT_NAMES,
  PERMISSION_SCOPES,
  WORKFLOW_CALL_INPUT_TYPES,
  WORKFLOW_DISPATCH_INPUT_TYPES,
} from "./github.gen.ts";

export { EVENTS, EVENT_NAMES, PERMISSION_SCOPES, WORKFLOW_CALL_INPUT_TYPES, WORKFLOW_DISPATCH_INPUT_TYPES };

/** The name of an event that can trigger a workflow (`push`, `pull_request`, ...). */
export type EventName = (typeof EVENT_NAMES)[number];

/** The activity types GitHub defines for event `E`; `never` when the event has none or takes any string. */
export type ActivityType<E extends EventName> = (typeof EVENTS)[E]["activityTypes"] extends readonly (infer T)[]
  ? T
  : never;

/** Events whose configuration takes `types` from a fixed list. */
export type EventWithActivityTypes = {
  [E in EventName]: ActivityType<E> extends never ? never : E;
}[EventName];

/** The filter keys (`branches`, `paths-ignore`, ...) that event `E` takes. */
export type EventFilter<E extends EventName> = (typeof EVENTS)[E]["filters"][number];

/** A GITHUB_TOKEN permission scope (`contents`, `id-token`, ...). */
export type PermissionScope = keyof typeof PERMISSION_SCOPES;

/** The levels scope `S` accepts: `id-token` takes only write or none, `models` only read or none. */
export type ScopeLevel<S extends PermissionScope> = (typeof PERMISSION_SCOPES)[S][number];

/** Any permission level. */
export type PermissionLevel = ScopeLevel<PermissionScope>;

/** The value of `type` in a workflow_dispatch input. */
export type WorkflowDispatchInputType = (typeof WORKFLOW_DISPATCH_INPUT_TYPES)[number];

/** The value of `type` in a workflow_call input. */
export type WorkflowCallInputType = (typeof WORKFLOW_CALL_INPUT_TYPES)[number];

/** Every permission scope, in the order of the facts file. */
export const PERMISSION_SCOPE_NAMES = Object.keys(PERMISSION_SCOPES) as PermissionScope[];

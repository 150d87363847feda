// Activity types narrow an event (pull_request: [opened, synchronize]); a type the event does not have
// makes GitHub refuse the workflow, and a typo would otherwise mean the workflow never runs when expected.
import { EVENTS, type EventName } from "../facts/index.ts";
import { closest } from "./suggest.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { isObject, orList } from "./util.ts";

export const unknownActivityType = defineRule({
  id: "unknown-activity-type",
  severity: "error",
  confidence: "high",
  summary: "An event's types: lists an activity type the event does not have.",
  fix: "Use the event's own activity types (see the message), or remove types: to run on all of them.",
  // GitHub refuses the workflow: no reason can make it acceptable.
  suppressible: false,
  visits: ["workflow"],
  check(context) {
    const on = context.workflow.value.on;
    if (!isObject(on)) return;
    for (const [event, config] of Object.entries(on)) {
      if (!(event in EVENTS) || !isObject(config) || config.types === undefined) continue;
      const allowed = EVENTS[event as EventName].activityTypes as readonly string[] | null;
      if (allowed === null) continue;
      const types: Array<{ type: unknown; path: ModelPath }> = Array.isArray(config.types)
        ? config.types.map((type: unknown, i) => ({ type, path: ["on", event, "types", i] }))
        : [{ type: config.types, path: ["on", event, "types"] }];
      if (allowed.length === 0) {
        context.report({
          path: ["on", event, "types"],
          message: `${event} has no activity types, so types: cannot narrow it`,
          fix: `remove types: from ${event}`,
        });
        continue;
      }
      for (const { type, path } of types) {
        if (typeof type === "string" && allowed.includes(type)) continue;
        const guess = typeof type === "string" ? closest(type, allowed) : undefined;
        context.report({
          path,
          message: `${JSON.stringify(type)} is not an activity type of ${event}${guess ? ` (did you mean "${guess}"?)` : ""}; ${event} has ${allowed.length <= 8 ? orList(allowed) : `${allowed.length} types: ${allowed.slice(0, 6).join(", ")}, ...`}`,
          fix: guess ? `write ${guess}` : `use one of ${event}'s types (${allowed.join(", ")}), or remove types: to run on all of them`,
        });
      }
    }
  },
});

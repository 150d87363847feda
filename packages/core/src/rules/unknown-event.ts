// An event GitHub does not know makes the whole workflow invalid (it never runs); usually a typo.
import { EVENT_NAMES } from "../facts/index.ts";
import { closest } from "./suggest.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { isObject } from "./util.ts";

const KNOWN: ReadonlySet<string> = new Set(EVENT_NAMES);

export const unknownEvent = defineRule({
  id: "unknown-event",
  severity: "error",
  confidence: "high",
  summary: "on: names an event that GitHub does not have.",
  fix: "Correct the event name (push, pull_request, workflow_dispatch, schedule, ...).",
  // GitHub refuses the workflow: no reason can make it acceptable.
  suppressible: false,
  visits: ["workflow"],
  check(context) {
    const on = context.workflow.value.on;
    const named: Array<{ name: string; path: ModelPath }> = [];
    if (typeof on === "string") named.push({ name: on, path: ["on"] });
    else if (Array.isArray(on)) on.forEach((name: unknown, i) => typeof name === "string" && named.push({ name, path: ["on", i] }));
    else if (isObject(on)) for (const name of Object.keys(on)) named.push({ name, path: ["on", name] });
    for (const { name, path } of named) {
      if (KNOWN.has(name)) continue;
      const guess = closest(name, EVENT_NAMES);
      context.report({
        path,
        message: `"${name}" is not an event GitHub can trigger a workflow on${guess ? ` (did you mean "${guess}"?)` : ""}; GitHub refuses the whole workflow`,
        fix: guess ? `write ${guess}` : "use one of GitHub's events: push, pull_request, workflow_dispatch, schedule, release, workflow_call, ...",
      });
    }
  },
});

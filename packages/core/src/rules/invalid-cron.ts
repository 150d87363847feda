// GitHub silently never runs a schedule it cannot parse, or one without cron entries; the workflow shows no
// error.
import { cronProblem } from "../validate/cron.ts";
import { EMPTY_SCHEDULE, emptySchedule } from "../validate/schedule.ts";
import { defineRule } from "./types.ts";
import { isObject } from "./util.ts";

export const invalidCron = defineRule({
  id: "invalid-cron",
  severity: "error",
  confidence: "high",
  summary: "An on.schedule cron expression is not a valid five-field POSIX cron, or a schedule has none.",
  fix: 'Write five fields: minute hour day-of-month month day-of-week, e.g. "30 5 * * 1-5".',
  visits: ["workflow"],
  check(context) {
    const on = context.workflow.value.on;
    const empty = emptySchedule(on);
    if (empty) {
      context.report({ path: empty, message: EMPTY_SCHEDULE, fix: 'give schedule its entries, e.g. schedule: [{ cron: "30 5 * * 1-5" }], or remove it' });
    }
    if (!isObject(on) || !Array.isArray(on.schedule)) return;
    on.schedule.forEach((entry: unknown, index) => {
      if (!isObject(entry) || typeof entry.cron !== "string") return;
      const problem = cronProblem(entry.cron);
      if (problem === undefined) return;
      context.report({
        path: ["on", "schedule", index, "cron"],
        message: `the schedule ${problem}`,
        fix: 'write five fields, e.g. "30 5 * * 1-5" (05:30 UTC on weekdays)',
      });
    });
  },
});

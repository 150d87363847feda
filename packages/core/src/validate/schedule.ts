/**
 * Every `on.schedule[].cron` must be a valid five-field cron expression, and a schedule needs at least one:
 * GitHub accepts `on: schedule` and `schedule: []`, but such a workflow never runs on a schedule.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { cronProblem } from "./cron.ts";

/** The model path of a schedule named with no cron entries (`on: schedule`, `schedule: []`), if any. */
export function emptySchedule(on: unknown): (string | number)[] | undefined {
  if (on === "schedule") return ["on"];
  if (Array.isArray(on)) {
    const index = on.indexOf("schedule");
    return index < 0 ? undefined : ["on", index];
  }
  if (on === null || typeof on !== "object") return undefined;
  const schedule = (on as Record<string, unknown>).schedule;
  return Array.isArray(schedule) && schedule.length === 0 ? ["on", "schedule"] : undefined;
}

/** The message for a schedule without cron entries. */
export const EMPTY_SCHEDULE = "schedule has no cron entries, so the workflow never runs on a schedule";

/** Diagnostics for invalid cron expressions in `on.schedule`, and for a schedule without any. */
export function checkSchedule(file: string, on: unknown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const empty = emptySchedule(on);
  if (empty) {
    diagnostics.push({
      severity: "error",
      code: "invalid-cron",
      message: `on: ${EMPTY_SCHEDULE}`,
      fix: "give schedule its entries, e.g. on: { schedule: [{ cron: \"30 5 * * 1-5\" }] }, or remove it",
      where: { workflow: file, path: empty },
    });
  }
  if (on === null || typeof on !== "object" || Array.isArray(on)) return diagnostics;
  const schedule = (on as Record<string, unknown>).schedule;
  if (!Array.isArray(schedule)) return diagnostics;
  schedule.forEach((entry: unknown, index) => {
    const cron = (entry as { cron?: unknown } | null)?.cron;
    if (typeof cron !== "string") return;
    const problem = cronProblem(cron);
    if (!problem) return;
    diagnostics.push({
      severity: "error",
      code: "invalid-cron",
      message: `on.schedule[${index}].cron ${problem}`,
      fix: 'write five fields, e.g. "30 5 * * 1-5" (05:30 UTC on weekdays)',
      where: { workflow: file, path: ["on", "schedule", index, "cron"] },
    });
  });
  return diagnostics;
}

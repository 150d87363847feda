/**
 * Every `on.schedule[].cron` must be a valid five-field cron expression, and a schedule needs at least one:
 * GitHub accepts `on: schedule` and `schedule: []`, but such a workflow never runs on a schedule.
 */
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

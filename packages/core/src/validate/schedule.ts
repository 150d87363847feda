/** Every `on.schedule[].cron` must be a valid five-field cron expression. */
import type { Diagnostic } from "../diagnostics.ts";
import { cronProblem } from "./cron.ts";

/** Diagnostics for invalid cron expressions in `on.schedule`. */
export function checkSchedule(file: string, on: unknown): Diagnostic[] {
  if (on === null || typeof on !== "object" || Array.isArray(on)) return [];
  const schedule = (on as Record<string, unknown>).schedule;
  if (!Array.isArray(schedule)) return [];
  const diagnostics: Diagnostic[] = [];
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
      where: { workflow: file },
    });
  });
  return diagnostics;
}

/**
 * Events that take no configuration (`create`, `fork`, `status`, ...) must be written bare (`create:`).
 * SchemaStore's schema accepts a mapping there and so does the model, so that such files can be read;
 * GitHub's parser refuses them ("A mapping was not expected"), so the build does too.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { EVENTS, type EventName } from "../facts/index.ts";

/** Diagnostics for configuration written under an event that takes none. */
export function checkEventConfig(file: string, on: unknown): Diagnostic[] {
  if (on === null || typeof on !== "object" || Array.isArray(on)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [event, config] of Object.entries(on)) {
    const facts = EVENTS[event as EventName] as { activityTypes: readonly string[] | null; filters: readonly string[] } | undefined;
    if (!facts || facts.activityTypes === null || facts.activityTypes.length > 0 || facts.filters.length > 0) continue;
    // These take configuration the facts do not describe as filters (image_version: names/versions under raw).
    if (event === "schedule" || event === "workflow_dispatch" || event === "workflow_call" || event === "image_version") continue;
    if (config === null || typeof config !== "object" || Object.keys(config).length === 0) continue;
    diagnostics.push({
      severity: "error",
      code: "invalid-workflow",
      message: `on.${event} takes no configuration, but has ${Object.keys(config).map((k) => `"${k}"`).join(", ")}; GitHub refuses the workflow`,
      fix: `write ${event}: null (every ${event} event starts the workflow); filter in a job's if: instead`,
      where: { workflow: file, path: ["on", event] },
    });
  }
  return diagnostics;
}

/** The events of `on:` in any form: a name, a list of names, or a mapping (with each event's configuration, null when bare). */
export function eventsOf(on: unknown): Map<string, unknown> {
  const events = new Map<string, unknown>();
  if (typeof on === "string") {
    events.set(on, null);
  } else if (Array.isArray(on)) {
    for (const name of on) if (typeof name === "string") events.set(name, null);
  } else if (on !== null && typeof on === "object") {
    for (const [name, config] of Object.entries(on)) events.set(name, config ?? null);
  }
  return events;
}

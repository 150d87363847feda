// Everything the workflow model refuses (unknown keys, wrong types, a step that is neither run nor uses),
// with the model's own messages, and what GitHub refuses when it loads the workflow beyond its syntax
// (validate/'s loadProblems: unknown or cyclic needs, ids equal but for case, ...), as the build does.
// Unknown events and activity types are left to their own rules, which say more, so they are removed from
// the copy validated here.
import { EVENTS, type EventName } from "../facts/index.ts";
import { parseWorkflowModel } from "../model/index.ts";
import { loadProblems } from "../validate/index.ts";
import { defineRule } from "./types.ts";
import { isObject } from "./util.ts";

export const invalidWorkflow = defineRule({
  id: "invalid-workflow",
  severity: "error",
  confidence: "high",
  summary: "GitHub would refuse the workflow: a syntax error (unknown key, wrong type, ...) or a broken job graph or id.",
  fix: "Correct the key or value the message names; GitHub refuses a workflow with syntax errors.",
  fixTs: "Correct the key or value the message names in workflows.ts; GitHub refuses a workflow with syntax errors.",
  suppressible: false,
  reportedInBuildBy: "the build reports it, validating the workflow model and running GitHub's own parser",
  aliases: [
    "github-parser",
    "needs-unknown-job",
    "needs-cycle",
    "duplicate-job-id",
    "duplicate-step-id",
    "invalid-job-id",
    "invalid-step-id",
    "local-workflow-ref",
    "container-image-missing",
    "event-takes-no-config",
  ],
  visits: ["workflow"],
  check(context) {
    const value = { ...context.workflow.value, on: knownEventsOnly(context.workflow.value.on) };
    const result = parseWorkflowModel(value);
    if (!result.ok) {
      for (const issue of result.issues) {
        // The model's hint about `raw` speaks to workflows.ts authors; in YAML there is no such key.
        const message = context.source ? issue.message.replace(/; put keys wfgen does not model yet under raw$/, "") : issue.message;
        context.report({ path: issue.path, message, fix: "correct the key or value named, following GitHub's workflow syntax" });
      }
    }
    for (const problem of loadProblems(context.file, value)) {
      context.report({ path: [...(problem.where.path ?? [])], message: problem.message, ...(problem.fix && { fix: problem.fix }) });
    }
  },
});

/**
 * `on:` without the events and activity types GitHub does not have, which unknown-event and
 * unknown-activity-type report; the build validates its model with it too.
 */
export function knownEventsOnly(on: unknown): unknown {
  const known = (name: unknown): name is EventName => typeof name === "string" && name in EVENTS;
  if (typeof on === "string") return known(on) ? on : "workflow_dispatch";
  if (Array.isArray(on)) {
    const kept = on.filter(known);
    return kept.length > 0 ? kept : ["workflow_dispatch"];
  }
  if (!isObject(on)) return on;
  const kept: Record<string, unknown> = {};
  for (const [name, config] of Object.entries(on)) {
    if (!known(name)) continue;
    const allowed = EVENTS[name].activityTypes as readonly string[] | null;
    if (isObject(config) && config.types !== undefined && allowed !== null) {
      const types = (Array.isArray(config.types) ? config.types : [config.types]).filter((t: unknown) => typeof t === "string" && allowed.includes(t));
      const { types: _dropped, ...rest } = config;
      kept[name] = types.length > 0 ? { ...rest, types } : rest;
    } else {
      kept[name] = config;
    }
  }
  return Object.keys(kept).length > 0 || Object.keys(on).length === 0 ? kept : { workflow_dispatch: null };
}

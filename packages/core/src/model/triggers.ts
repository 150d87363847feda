// `on:`, the events that start a workflow. The activity types and filter keys of each event come from
// the facts; which of them an event takes is checked against the facts by triggers.test.ts, so a data
// update that changes an event's shape fails a test instead of drifting silently.

import { z } from "zod";
import { EVENTS, EVENT_NAMES, type EventFilter, type EventName, type EventWithActivityTypes } from "../facts/index.ts";
import {
  WorkflowCallInputsSchema,
  WorkflowCallOutputsSchema,
  WorkflowCallSecretsSchema,
  WorkflowDispatchInputsSchema,
} from "./inputs.ts";
import { expectedMessage, notAllowedMessage } from "./messages.ts";
import { nonEmpty, objectWithRaw, strictObject } from "./object.ts";
import { NonEmptyTextSchema } from "./text.ts";

/**
 * A filter (branches, tags, paths, names, versions, workflows): one non-empty pattern, or a list of them. An
 * empty list is GitHub's to interpret (it matches nothing), not a syntax error.
 */
export const GlobsSchema = z.union([NonEmptyTextSchema, z.array(NonEmptyTextSchema)], {
  error: (issue) => expectedMessage(issue.input, "a pattern or a list of patterns"),
});

function activityTypes<E extends EventWithActivityTypes>(event: E) {
  const values = EVENTS[event].activityTypes;
  // The explicit type argument keeps each event's own literals; inferred, they widen to every event's.
  const one = z.enum<(typeof EVENTS)[E]["activityTypes"]>(values, {
    error: (issue) => notAllowedMessage(issue.input, event, values),
  });
  return z
    .union([one, z.array(one)], {
      error: (issue) => expectedMessage(issue.input, `an activity type of ${event} or a list of them`),
    })
    .optional();
}

function filters<E extends EventName>(event: E) {
  return Object.fromEntries(EVENTS[event].filters.map((key) => [key, GlobsSchema.optional()])) as {
    [K in EventFilter<E>]: z.ZodOptional<typeof GlobsSchema>;
  };
}

// GitHub refuses a filter and its -ignore twin on one event; negated patterns (`!docs/**`) express both.
function exclusiveFilters(config: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const key of ["branches", "tags", "paths"]) {
    if (config[key] !== undefined && config[`${key}-ignore`] !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [`${key}-ignore`],
        message: `${key} and ${key}-ignore cannot both be set; list the exclusions in ${key} as '!pattern'`,
      });
    }
  }
}

// An event that takes no configuration is written `create:` (null). The model still holds a mapping
// written there, as SchemaStore's schema does (import and lint must read such files without losing
// anything); the build refuses it in validate/event-config.ts, since GitHub's own parser does.
function bare(_event: EventName) {
  return z.record(z.string(), z.unknown()).nullable().optional();
}

function typed<E extends EventWithActivityTypes>(event: E) {
  return objectWithRaw({ types: activityTypes(event) }, event)
    .nullable()
    .optional();
}

function typedWithFilters<E extends EventWithActivityTypes>(event: E) {
  return objectWithRaw({ types: activityTypes(event), ...filters(event) }, event)
    .superRefine(exclusiveFilters)
    .nullable()
    .optional();
}

/** One cron entry of `schedule`; `timezone` is an IANA name and defaults to UTC. */
export const ScheduleEntrySchema = strictObject(
  { cron: NonEmptyTextSchema, timezone: NonEmptyTextSchema.optional() },
  "a schedule entry",
);

/** `on.push`: branch, tag and path filters. */
export const PushSchema = objectWithRaw(filters("push"), "push").superRefine(exclusiveFilters);

/** `on.workflow_dispatch`: the inputs of a workflow started by hand. */
export const WorkflowDispatchSchema = objectWithRaw(
  { inputs: WorkflowDispatchInputsSchema.optional() },
  "workflow_dispatch",
);

/** `on.workflow_call`: the inputs, outputs and secrets of a reusable workflow. */
export const WorkflowCallSchema = objectWithRaw(
  {
    inputs: WorkflowCallInputsSchema.optional(),
    outputs: WorkflowCallOutputsSchema.optional(),
    secrets: WorkflowCallSecretsSchema.optional(),
  },
  "workflow_call",
);

/** `on.repository_dispatch`: `types` are the event_type strings sent to the API, so any string goes. */
export const RepositoryDispatchSchema = objectWithRaw(
  {
    types: z
      .union([NonEmptyTextSchema, z.array(NonEmptyTextSchema)], {
        error: (issue) => expectedMessage(issue.input, "an event type or a list of them"),
      })
      .optional(),
  },
  "repository_dispatch",
);

/** The mapping form of `on`: event name to its configuration, or null for the defaults. */
export const OnObjectSchema = nonEmpty(
  strictObject(
    {
      branch_protection_rule: typed("branch_protection_rule"),
      check_run: typed("check_run"),
      check_suite: typed("check_suite"),
      create: bare("create"),
      delete: bare("delete"),
      deployment: bare("deployment"),
      deployment_status: bare("deployment_status"),
      discussion: typed("discussion"),
      discussion_comment: typed("discussion_comment"),
      fork: bare("fork"),
      gollum: bare("gollum"),
      image_version: typedWithFilters("image_version"),
      issue_comment: typed("issue_comment"),
      issues: typed("issues"),
      label: typed("label"),
      merge_group: typedWithFilters("merge_group"),
      milestone: typed("milestone"),
      page_build: bare("page_build"),
      project: typed("project"),
      project_card: typed("project_card"),
      project_column: typed("project_column"),
      public: bare("public"),
      pull_request: typedWithFilters("pull_request"),
      pull_request_comment: typed("pull_request_comment"),
      pull_request_review: typed("pull_request_review"),
      pull_request_review_comment: typed("pull_request_review_comment"),
      pull_request_target: typedWithFilters("pull_request_target"),
      push: PushSchema.nullable().optional(),
      registry_package: typed("registry_package"),
      release: typed("release"),
      repository_dispatch: RepositoryDispatchSchema.nullable().optional(),
      schedule: z.array(ScheduleEntrySchema).optional(),
      status: bare("status"),
      watch: typed("watch"),
      workflow_call: WorkflowCallSchema.nullable().optional(),
      workflow_dispatch: WorkflowDispatchSchema.nullable().optional(),
      workflow_run: typedWithFilters("workflow_run"),
    },
    "on",
  ),
  "no events; on needs at least one event",
);

/**
 * An event named on its own (`on: push`, `on: [push, pull_request]`), which takes its defaults. GitHub also
 * accepts `schedule` named so; without cron entries it never runs, which the invalid-cron rule reports.
 */
export const EventNameSchema = z.enum(EVENT_NAMES, {
  error: (issue) => notAllowedMessage(issue.input, "on", EVENT_NAMES),
});

/** `on:`: one event name, a list of event names, or a mapping of event to configuration. */
export const OnSchema = z.union([EventNameSchema, z.array(EventNameSchema).min(1), OnObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "an event name, a list of event names, or a mapping of events"),
});

/** `on:` of a workflow. */
export type On = z.infer<typeof OnSchema>;

/** The mapping form of `on:`. */
export type OnObject = z.infer<typeof OnObjectSchema>;

/** The configuration of event `E` in the mapping form of `on:` (`null` and absent included). */
export type EventConfig<E extends keyof OnObject> = OnObject[E];

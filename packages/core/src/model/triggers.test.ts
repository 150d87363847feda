import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EVENTS, EVENT_NAMES } from "../facts/index.ts";
import { OnObjectSchema, OnSchema, parseWorkflowModel } from "./index.ts";

function messages(on: unknown): string[] {
  const result = parseWorkflowModel({ on, jobs: { a: { "runs-on": "x", steps: [{ run: "x" }] } } });
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return objectOf(schema.unwrap() as z.ZodType);
  return undefined;
}

// Events whose configuration is not a list of filters: the model spells these out by hand.
const SPECIAL = new Set(["schedule", "workflow_dispatch", "workflow_call"]);

describe("on, checked against the facts", () => {
  it("has a configuration for every event of the facts, and no other", () => {
    expect(Object.keys(OnObjectSchema.shape).sort()).toEqual([...EVENT_NAMES].sort());
  });

  // Events with neither types nor filters take any mapping in the model (the build refuses one, see
  // validate/event-config.ts); the others have exactly their facts' keys.
  const configless = (name: (typeof EVENT_NAMES)[number]) =>
    name !== "image_version" &&
    EVENTS[name].activityTypes !== null &&
    EVENTS[name].activityTypes.length === 0 &&
    EVENTS[name].filters.length === 0;
  it.each(EVENT_NAMES.filter((name) => configless(name) && !SPECIAL.has(name)))("holds whatever is written under %s", (name) => {
    expect(messages({ [name]: { tags: ["v*"] } })).toEqual([]);
    expect(messages({ [name]: null })).toEqual([]);
  });

  it.each(EVENT_NAMES.filter((name) => !SPECIAL.has(name) && !configless(name)))("gives %s the types and filters of the facts", (name) => {
    const { activityTypes, filters } = EVENTS[name];
    const expected = [...(activityTypes === null || activityTypes.length > 0 ? ["types"] : []), ...filters, "raw"];
    const config = objectOf(OnObjectSchema.shape[name]);
    expect(Object.keys(config?.shape ?? {}).sort()).toEqual(expected.sort());
  });

  it.each(EVENT_NAMES.filter((name) => (EVENTS[name].activityTypes ?? []).length > 0))(
    "accepts every activity type of %s and nothing else",
    (name) => {
      expect(messages({ [name]: { types: EVENTS[name].activityTypes } })).toEqual([]);
      expect(messages({ [name]: { types: "no_such_type" } })).toHaveLength(1);
    },
  );
});

describe("on", () => {
  it.each([["push"], [["push", "pull_request"]], [{ push: null, workflow_dispatch: null }]])("accepts %j", (on) => {
    expect(messages(on)).toEqual([]);
  });

  it("refuses an unknown event in each form", () => {
    expect(messages("pushh")).toEqual([
      expect.stringMatching(/^on: 'pushh' is not allowed \(did you mean 'push'\?\); on takes /),
    ]);
    expect(messages(["push", "pul_request"])).toEqual([
      expect.stringMatching(/^on\[1\]: 'pul_request' is not allowed \(did you mean 'pull_request'\?\); on takes /),
    ]);
    expect(messages({ pushh: null })).toEqual(["on.pushh: unknown key 'pushh'; did you mean 'push'?"]);
  });

  it("accepts schedule named without its cron entries, as GitHub does (invalid-cron reports it)", () => {
    expect(messages("schedule")).toEqual([]);
    expect(messages({ schedule: [] })).toEqual([]);
  });

  it("accepts a filter written as one pattern, and an empty list", () => {
    expect(messages({ push: { branches: "main", tags: [] }, merge_group: { branches: "main" } })).toEqual([]);
    expect(messages({ image_version: { names: "my-image", versions: ["1.*"], types: ["ready"] } })).toEqual([]);
  });

  it("refuses an activity type pull_request does not have", () => {
    expect(messages({ pull_request: { types: ["opened", "merged"] } })).toEqual([
      expect.stringMatching(/^on\.pull_request\.types\[1\]: 'merged' is not allowed; pull_request takes assigned, /),
    ]);
  });

  it("takes one activity type without a list", () => {
    expect(messages({ pull_request: { types: "opened" } })).toEqual([]);
    expect(OnSchema.parse({ issues: { types: "labeled" } })).toEqual({ issues: { types: "labeled" } });
  });

  it("refuses a filter with its -ignore twin", () => {
    expect(messages({ push: { branches: ["main"], "branches-ignore": ["dev"] } })).toEqual([
      "on.push.branches-ignore: branches and branches-ignore cannot both be set; list the exclusions in branches as '!pattern'",
    ]);
  });

  it("refuses filters on events that take none", () => {
    expect(messages({ issues: { branches: ["main"] } })).toEqual([
      "on.issues.branches: unknown key 'branches'; issues takes types; put keys wfgen does not model yet under raw",
    ]);
  });

  it("refuses an empty mapping", () => {
    expect(messages({})).toEqual(["on: no events; on needs at least one event"]);
  });

  it("accepts raw on an event configuration", () => {
    expect(messages({ merge_group: { types: ["checks_requested"], raw: { "future-key": ["main"] } } })).toEqual([]);
  });

  it("takes workflow_run's workflows, types and branch filters", () => {
    expect(messages({ workflow_run: { workflows: ["CI"], types: ["completed"], branches: ["main"] } })).toEqual([]);
    expect(messages({ workflow_run: { workflows: ["CI"], tags: ["v*"] } })).toEqual([
      "on.workflow_run.tags: unknown key 'tags'; workflow_run takes types, branches, branches-ignore or workflows; put keys wfgen does not model yet under raw",
    ]);
  });

  it("takes any repository_dispatch type", () => {
    expect(messages({ repository_dispatch: { types: ["deploy", "my-own-event"] } })).toEqual([]);
    expect(messages({ repository_dispatch: { types: "deploy" } })).toEqual([]);
  });

  it("takes cron entries with an optional timezone", () => {
    expect(messages({ schedule: [{ cron: "0 3 * * 1" }, { cron: "0 4 * * *", timezone: "Europe/Paris" }] })).toEqual(
      [],
    );
    expect(messages({ schedule: [{ corn: "* * * * *" }] })).toEqual([
      "on.schedule[0].cron: missing; expected a string",
      "on.schedule[0].corn: unknown key 'corn'; did you mean 'cron'?",
    ]);
  });
});

describe("workflow_dispatch inputs", () => {
  it("take every input type with its own default", () => {
    const inputs = {
      name: { description: "who", required: true, default: "mona" },
      text: { type: "string", default: "" },
      level: { type: "choice", options: ["info", "debug"], default: "info" },
      dry: { type: "boolean", default: false },
      count: { type: "number", default: 3 },
      target: { type: "environment", required: false },
    };
    expect(messages({ workflow_dispatch: { inputs } })).toEqual([]);
  });

  it("refuses an unknown type, a choice without options and a default of the wrong type", () => {
    expect(messages({ workflow_dispatch: { inputs: { a: { type: "text" } } } })).toEqual([
      "on.workflow_dispatch.inputs.a.type: 'text' is not allowed; type takes string, choice, boolean, number or environment",
    ]);
    expect(messages({ workflow_dispatch: { inputs: { a: { type: "choice" } } } })).toEqual([
      "on.workflow_dispatch.inputs.a.options: missing; expected a list",
    ]);
    expect(messages({ workflow_dispatch: { inputs: { a: { type: "string", default: 3 } } } })).toEqual([
      "on.workflow_dispatch.inputs.a.default: expected a string, got 3",
    ]);
    expect(messages({ workflow_dispatch: { inputs: { a: { type: "string", options: ["x"] } } } })).toEqual([
      "on.workflow_dispatch.inputs.a.options: unknown key 'options'; a string input takes description, required, deprecationMessage, type or default",
    ]);
  });

  it("accepts any input name, as GitHub does, and any default for a number input", () => {
    expect(messages({ workflow_dispatch: { inputs: { "1st input": { type: "number", default: "3" } } } })).toEqual([]);
  });
});

describe("workflow_call", () => {
  it("takes typed inputs, outputs and secrets", () => {
    const call = {
      inputs: {
        flag: { type: "boolean", default: "${{ github.event_name == 'push' }}" },
        size: { type: "number", required: true },
        label: { type: "string", default: "x", description: "a label" },
      },
      outputs: { digest: { description: "image digest", value: "${{ jobs.build.outputs.digest }}" } },
      secrets: { token: { required: true }, other: null },
    };
    expect(messages({ workflow_call: call })).toEqual([]);
  });

  it("refuses an input without a type and an output without a value", () => {
    expect(
      messages({ workflow_call: { inputs: { a: { required: true } }, outputs: { b: { description: "x" } } } }),
    ).toEqual([
      "on.workflow_call.inputs.a.type: missing; type takes boolean, number or string",
      "on.workflow_call.outputs.b.value: missing; expected a string",
    ]);
  });
});

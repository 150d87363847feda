import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FACTS_JSON_URL, OUTPUT_URL, renderFacts } from "../../scripts/gen-facts.mjs";
import {
  EVENTS,
  EVENT_NAMES,
  PERMISSION_SCOPES,
  PERMISSION_SCOPE_NAMES,
  WORKFLOW_CALL_INPUT_TYPES,
  WORKFLOW_DISPATCH_INPUT_TYPES,
} from "./index.ts";

describe("github.gen.ts", () => {
  it("is what the generator makes from data/github-facts.json today", () => {
    const json: unknown = JSON.parse(readFileSync(FACTS_JSON_URL, "utf8"));
    expect(readFileSync(OUTPUT_URL, "utf8")).toBe(renderFacts(json));
  });

  it("refuses an event without its filters and a scope without levels", () => {
    const scopes = { contents: ["read", "write", "none"] };
    expect(() => renderFacts({ events: { push: { activity_types: [] } }, permissions: { scopes } })).toThrow(
      "event push has no filters list",
    );
    expect(() => renderFacts({ events: {}, permissions: { scopes: { contents: [] } } })).toThrow(
      "permission scope contents has no levels",
    );
  });
});

describe("the facts", () => {
  it("list every event once, with a table entry each", () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect(Object.keys(EVENTS)).toEqual([...EVENT_NAMES]);
    expect(EVENT_NAMES).toHaveLength(37);
  });

  it("give repository_dispatch arbitrary types and events like push none", () => {
    expect(EVENTS.repository_dispatch.activityTypes).toBeNull();
    expect(EVENTS.push.activityTypes).toEqual([]);
    expect(EVENTS.check_suite.activityTypes).toEqual(["completed"]);
  });

  it("write workflow_run's branch filters out and keep configuration keys out of filters", () => {
    expect(EVENTS.workflow_run.filters).toEqual(["branches", "branches-ignore", "workflows"]);
    expect(EVENTS.push.filters).toEqual([
      "branches",
      "branches-ignore",
      "paths",
      "paths-ignore",
      "tags",
      "tags-ignore",
    ]);
    expect(EVENTS.schedule.filters).toEqual([]);
    expect(EVENTS.workflow_dispatch.filters).toEqual([]);
    expect(EVENTS.workflow_call.filters).toEqual([]);
  });

  it("give every scope its own levels", () => {
    expect(PERMISSION_SCOPE_NAMES).toHaveLength(20);
    expect(PERMISSION_SCOPES["id-token"]).toEqual(["write", "none"]);
    expect(PERMISSION_SCOPES["copilot-requests"]).toEqual(["write", "none"]);
    expect(PERMISSION_SCOPES["vulnerability-alerts"]).toEqual(["read", "none"]);
    expect(PERMISSION_SCOPES.models).toEqual(["read", "none"]);
    expect(PERMISSION_SCOPES.attestations).toEqual(["read", "write", "none"]);
  });

  it("list the input types", () => {
    expect(WORKFLOW_DISPATCH_INPUT_TYPES).toEqual(["string", "choice", "boolean", "number", "environment"]);
    expect(WORKFLOW_CALL_INPUT_TYPES).toEqual(["boolean", "number", "string"]);
  });
});

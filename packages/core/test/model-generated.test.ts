// Generated workflows (test/workflow-arbitrary.ts), where hand-written fixtures would be thin: every event
// with its activity types and filters, every permission scope at every level, any text in a script.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { workflowArbitrary } from "../../../test/workflow-arbitrary.ts";
import { PERMISSION_SCOPES } from "../src/facts/index.ts";
import { checkWithGitHubParser, emitYaml, model } from "../src/index.ts";

describe("generated valid workflows", () => {
  it("are accepted by the model and by GitHub's parser, and re-emitted without loss", () => {
    fc.assert(
      fc.property(workflowArbitrary, (value) => {
        const parsed = model.parseWorkflowModel(value);
        expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.message)).toEqual([]);
        const text = emitYaml(value);
        expect(checkWithGitHubParser("generated.yml", text)).toEqual([]);
        expect(parse(text)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe("generated invalid workflows", () => {
  const scopes = Object.keys(PERMISSION_SCOPES) as Array<keyof typeof PERMISSION_SCOPES>;
  const wrongLevel = fc
    .constantFrom(...scopes)
    .chain((scope) =>
      fc
        .constantFrom("read", "write", "none", "admin", "execute", "Read")
        .filter((level) => !(PERMISSION_SCOPES[scope] as readonly string[]).includes(level))
        .map((level) => [scope, level] as const),
    );

  it("a scope at a level it does not take is refused, at the job or the workflow, naming both", () => {
    fc.assert(
      fc.property(workflowArbitrary, wrongLevel, fc.boolean(), (value, [scope, level], onJob) => {
        const jobs = value.jobs as Record<string, Record<string, unknown>>;
        const [id] = Object.keys(jobs);
        const broken = onJob
          ? { ...value, jobs: { ...jobs, [id!]: { ...jobs[id!], permissions: { [scope]: level } } } }
          : { ...value, permissions: { [scope]: level } };
        const parsed = model.parseWorkflowModel(broken);
        const path = onJob ? `jobs.${id}.permissions.${scope}` : `permissions.${scope}`;
        expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.message)).toEqual([
          expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: '${level}' is not allowed.*; ${scope} takes `)),
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it("an activity type an event does not have is refused", () => {
    fc.assert(
      fc.property(fc.constantFrom("issues", "pull_request", "release", "workflow_run"), fc.constantFrom("exploded", "Opened", "pushed"), (event, type) => {
        const value = { on: { [event]: { types: [type] } }, jobs: { a: { "runs-on": "x", steps: [{ run: "y" }] } } };
        const parsed = model.parseWorkflowModel(value);
        expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.message)).toEqual([
          expect.stringMatching(new RegExp(`^on\\.${event}\\.types\\[0\\]: '${type}' is not allowed.*; ${event} takes `)),
        ]);
      }),
    );
  });
});

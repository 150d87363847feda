// The model's must-pass and must-fail workflows (test/fixtures/model: valid/ and invalid/, one case each),
// and the seed workflows, run as data.

import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFixture, yamlFixtures } from "../../../../test/fixtures.ts";
import { parseWorkflowModel } from "./index.ts";

const VALID = "model/valid/";
const INVALID = "model/invalid/";
const SEED = "seed/";
const yamlFiles = yamlFixtures;

function load(dir: string, name: string): unknown {
  return parse(readFixture(`${dir}${name}`));
}

// Valid fixtures the model refuses on purpose, each with the reason. (None.)
const REFUSED: Record<string, string> = {};

describe("valid workflow fixtures", () => {
  const dir = VALID;
  it.each(yamlFiles(dir).filter((name) => !(name in REFUSED)))("accepts %s", (name) => {
    const result = parseWorkflowModel(load(dir, name));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([]);
  });

  it.each(Object.entries(REFUSED))("refuses %s with the stated reason", (name, message) => {
    const result = parseWorkflowModel(load(dir, name));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

// Every negative fixture is structural, so the model refuses all of them; the expected message pins the
// path and the wording.
const NEGATIVE: Record<string, string[]> = {
  "all-steps-must-contain-run-or-uses.yaml": [
    "jobs.foo.steps[0]: a step needs run or uses (or wait, wait-all, cancel or parallel to coordinate parallel steps)",
  ],
  "bad_pull_request_event_declaration.yaml": [
    "on.pull_request.ignore-paths: unknown key 'ignore-paths'; did you mean 'paths-ignore'?",
  ],
  "container-command-is-invalid.yaml": [
    "jobs.build.container.command: unknown key 'command'; a container takes image, credentials, env, ports, volumes or options",
  ],
  "container-entrypoint-is-invalid.yaml": [
    "jobs.build.container.entrypoint: unknown key 'entrypoint'; a container takes image, credentials, env, ports, volumes or options",
  ],
  "empty_json_must_always_fail.yaml": [
    "on: missing; expected an event name, a list of event names, or a mapping of events",
    "jobs: missing; expected a mapping",
  ],
  "env-must-be-object-or-has-from-json.yaml": [
    "jobs.with.env: expected a mapping of variable names to values or an expression ${{ ... }}, got 'production'",
    // steps[2].env, 'NODE_ENV=${{env}}', has an expression in it, which GitHub's schema accepts wherever
    // the env mapping is (its conversion of a step then refuses anything but a mapping; the model does not).
  ],
  "issue-comment-invalid-type.yaml": [
    "on.issue_comment.types[0]: 'opened' is not allowed; issue_comment takes created, edited or deleted",
  ],
  "permissions-event-has-wrong-level.yaml": [
    "permissions.pages: 'execute' is not allowed; pages takes read, write or none",
  ],
  "permissions-event-has-wrong-property-keys.yaml": [
    expect.stringMatching(/^permissions\.files: unknown key 'files'; permissions takes actions, artifact-metadata, /),
  ],
  "permissions-must-be-object-or-string.yaml": [
    "permissions: expected read-all, write-all, or a map of scope to level such as {}, got 123",
  ],
  "permissions-string-is-not-from-enum.yaml": [
    "permissions: 'speak-all' is not allowed; permissions takes read-all, write-all or a map of scope to level",
  ],
  "reusable-workflow-input-must-declare-type.yaml": [
    "on.workflow_call.inputs.constraints.type: missing; type takes boolean, number or string",
  ],
  "reusable-workflow-uses-has-wrong-filetype.yaml": [
    "jobs.build-and-publish.uses: './.github/workflows/somefile.exe' is not a workflow file; write ./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>",
  ],
  "reusable-workflow-uses-has-wrong-pattern.yaml": [
    "jobs.build-and-publish.uses: 'some-other@String.com' is not a workflow file; write ./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>",
  ],
  "runs-on.yaml": [
    "jobs.self-hosted-custom.runs-on: expected a runner label, a list of labels, or a mapping with group and labels, got null",
  ],
  "steps-must-contain-run-or-uses.yaml": [
    "jobs.a.steps[0]: a step needs run or uses (or wait, wait-all, cancel or parallel to coordinate parallel steps)",
  ],
  "with-must-be-object-or-has-from-json-copy.yaml": [
    `jobs.with.steps[1].with: expected a mapping of input names to values or an expression \${{ ... }}, got '{"node-version":"12"}'`,
  ],
  "workflow_dispatch-inputs-bool-default-.yaml": [
    "on.workflow_dispatch.inputs.bool.default: expected true or false, got 'true'",
  ],
  "workflow_dispatch-inputs-choice-without-options.yaml": [
    "on.workflow_dispatch.inputs.choice.options: missing; expected a list",
  ],
  "workflow_dispatch-inputs-string-default-bool.yaml": [
    "on.workflow_dispatch.inputs.string.default: expected a string, got true",
  ],
};

describe("invalid workflow fixtures", () => {
  const dir = INVALID;

  it("lists every fixture", () => {
    expect(Object.keys(NEGATIVE).sort()).toEqual(yamlFiles(dir));
  });

  it.each(Object.entries(NEGATIVE))("refuses %s", (name, messages) => {
    const result = parseWorkflowModel(load(dir, name));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual(messages);
  });
});

describe("seed workflows", () => {
  it.each(yamlFiles(SEED))("accepts %s", (name) => {
    const result = parseWorkflowModel(load(SEED, name));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([]);
  });
});

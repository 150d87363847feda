// The model's valid workflows and the workflow corpus, modelled and written back by wfgen's emitter
// without loss: the YAML wfgen writes parses to exactly the value the fixture parses to.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFixture, yamlFixtures } from "../../../test/fixtures.ts";
import { emitYaml, model } from "../src/index.ts";

// The corpus templates hold placeholders that are not valid values until someone adopts them.
const TEMPLATES = ["automation/stale.yml", "release/docker-publish.yml", "security/codeql.yml", "security/scorecard.yml"];
const names = [
  ...yamlFixtures("model/valid").map((name) => `model/valid/${name}`),
  ...yamlFixtures("corpus").filter((name) => !TEMPLATES.includes(name)).map((name) => `corpus/${name}`),
];

describe("valid fixtures and the corpus, re-emitted", () => {
  it("finds the fixtures", () => expect(names.length).toBe(55));

  it.each(names)("%s", (name) => {
    const value = parse(readFixture(name));
    const parsed = model.parseWorkflowModel(value);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const text = emitYaml(parsed.workflow as Record<string, unknown>);
    expect(parse(text)).toEqual(value);
  });
});

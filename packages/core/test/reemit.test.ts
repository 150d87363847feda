// SchemaStore's must-pass workflows, modelled and written back by wfgen's emitter without loss: the YAML
// wfgen writes parses to exactly the value the fixture parses to.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitYaml, model } from "../src/index.ts";
import { sharedData } from "./shared-data.ts";

const dir = sharedData("schemas/schemastore-tests/github-workflow/positive");
const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();

describe("SchemaStore positive fixtures, re-emitted", () => {
  it("finds the fixtures", () => expect(names.length).toBe(37));

  it.each(names)("%s", (name) => {
    const value = parse(readFileSync(`${dir}/${name}`, "utf8"));
    const parsed = model.parseWorkflowModel(value);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const text = emitYaml(parsed.workflow as Record<string, unknown>);
    expect(parse(text)).toEqual(value);
  });
});

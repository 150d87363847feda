// `pnpm generate` owns every generated file of the repository (scripts/generators.mjs): each committed
// file must be exactly what its generator makes from its input today. The workflows wfgen generates are
// checked by examples.test.ts (`wfgen check` on each project).
import { describe, expect, test } from "vitest";
import * as docs from "../scripts/docs-sources.ts";
import { generators, staleFiles } from "../scripts/generators.mjs";

describe("pnpm generate", () => {
  test("every generated file is what its generator makes (run `pnpm generate` if not)", async () => {
    expect(await staleFiles(docs)).toEqual([]);
  });

  test("each generator names its output, script and input, and owns its files alone", async () => {
    const owners = new Map<string, string>();
    for (const generator of generators(docs)) {
      expect(generator.output && generator.generator && generator.input, generator.name).toBeTruthy();
      for (const path of (await generator.render()).keys()) {
        expect(owners.get(path), `${path} is written by two generators`).toBeUndefined();
        owners.set(path, generator.name);
      }
    }
    expect(owners.size).toBeGreaterThan(15);
  });
});

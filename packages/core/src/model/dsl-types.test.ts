import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { OUTPUT_URL, REGENERATE, renderDslTypes } from "../../scripts/gen-dsl-types.mjs";
import type { CallJobFields, NormalJobFields, Permissions, PermissionsMap, StepFields, WorkflowFields } from "./dsl-types.gen.ts";
import type * as model from "./index.ts";

describe("dsl-types.gen.ts", () => {
  it("is what the generator makes from the schemas today", async () => {
    const today = await renderDslTypes();
    expect(readFileSync(OUTPUT_URL, "utf8"), `stale: run ${REGENERATE}`).toBe(today);
  }, 60_000);

  it("spells out the types zod infers, both ways", () => {
    expectTypeOf<WorkflowFields>().toExtend<Omit<model.Workflow, "jobs">>();
    expectTypeOf<Omit<model.Workflow, "jobs">>().toExtend<WorkflowFields>();
    expectTypeOf<NormalJobFields>().toExtend<Omit<model.NormalJob, "steps" | "needs" | "outputs" | "permissions">>();
    expectTypeOf<Omit<model.NormalJob, "steps" | "needs" | "outputs" | "permissions">>().toExtend<NormalJobFields>();
    expectTypeOf<CallJobFields>().toExtend<Omit<model.CallJob, "needs" | "outputs" | "permissions">>();
    expectTypeOf<Omit<model.CallJob, "needs" | "outputs" | "permissions">>().toExtend<CallJobFields>();
    expectTypeOf<StepFields>().toExtend<model.Step>();
    expectTypeOf<model.Step>().toExtend<StepFields>();
    expectTypeOf<Permissions>().toExtend<model.Permissions>();
    expectTypeOf<model.Permissions>().toExtend<Permissions>();
    expectTypeOf<PermissionsMap>().toExtend<model.PermissionsMap>();
    expectTypeOf<model.PermissionsMap>().toExtend<PermissionsMap>();
  });
});

// Type-level promises of the model: its types are inferred from the schemas, precisely.

import { describe, expectTypeOf, it } from "vitest";
import type {
  CallJob,
  ExpressionString,
  Job,
  NormalJob,
  On,
  OnObject,
  Permissions,
  PermissionsMap,
  Step,
  Workflow,
} from "./index.ts";

describe("inferred model types", () => {
  it("are not any", () => {
    expectTypeOf<Workflow["on"]>().not.toBeAny();
    expectTypeOf<Workflow["on"]>().toEqualTypeOf<On>();
    expectTypeOf<Workflow["jobs"][string]>().toEqualTypeOf<Job>();
    expectTypeOf<Job>().toEqualTypeOf<NormalJob | CallJob>();
    expectTypeOf<NonNullable<NormalJob["steps"]>[number]>().toEqualTypeOf<Step>();
    expectTypeOf<Step["uses"]>().toEqualTypeOf<string | undefined>();
  });

  it("type activity types and permission levels from the facts", () => {
    expectTypeOf<"opened">().toExtend<NonNullable<NonNullable<OnObject["pull_request"]>["types"]>>();
    expectTypeOf<"merged">().not.toExtend<NonNullable<NonNullable<OnObject["pull_request"]>["types"]>>();
    expectTypeOf<"completed">().not.toExtend<NonNullable<NonNullable<OnObject["pull_request"]>["types"]>>();
    expectTypeOf<NonNullable<NonNullable<OnObject["check_suite"]>["types"]>>().toEqualTypeOf<
      "completed" | "completed"[]
    >();
    expectTypeOf<NonNullable<NonNullable<OnObject["repository_dispatch"]>["types"]>>().toEqualTypeOf<
      string | string[]
    >();
    expectTypeOf<PermissionsMap["id-token"]>().toEqualTypeOf<"write" | "none" | undefined>();
    expectTypeOf<PermissionsMap["models"]>().toEqualTypeOf<"read" | "none" | undefined>();
    expectTypeOf<"read-all">().toExtend<Permissions>();
  });

  it("let an expression stand only where GitHub evaluates one", () => {
    expectTypeOf<"${{ matrix.t }}">().toExtend<ExpressionString>();
    expectTypeOf<"ten">().not.toExtend<NonNullable<NormalJob["timeout-minutes"]>>();
    expectTypeOf<"${{ matrix.t }}">().toExtend<NonNullable<NormalJob["timeout-minutes"]>>();
    expectTypeOf<"ubuntu-latest">().toExtend<NormalJob["runs-on"]>();
  });
});

import { describe, expect, test } from "vitest";
import { childShape, itemShape, orderedEntries, SHAPES, type ShapeName } from "./key-order.ts";

/** The flat entries as pairs. */
const pairs = (flat: unknown[]): [unknown, unknown][] => flat.flatMap((item, i) => (i % 2 === 0 ? [[item, flat[i + 1]] as [unknown, unknown]] : []));
const keysOf = (obj: Record<string, unknown>, shape: ShapeName): unknown[] => pairs(orderedEntries(obj, SHAPES[shape])).map(([key]) => key);

const shuffled = (keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries([...keys].reverse().map((key) => [key, 1]));

describe("canonical key order", () => {
  test.each([
    ["workflow", ["name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"]],
    [
      "job",
      [
        "name",
        "permissions",
        "needs",
        "if",
        "runs-on",
        "snapshot",
        "environment",
        "concurrency",
        "outputs",
        "env",
        "defaults",
        "timeout-minutes",
        "strategy",
        "continue-on-error",
        "container",
        "services",
        "uses",
        "with",
        "secrets",
        "steps",
      ],
    ],
    [
      "step",
      [
        "name",
        "id",
        "if",
        "uses",
        "with",
        "env",
        "working-directory",
        "shell",
        "continue-on-error",
        "timeout-minutes",
        "background",
        "run",
      ],
    ],
    [
      "event",
      [
        "types",
        "branches",
        "branches-ignore",
        "tags",
        "tags-ignore",
        "paths",
        "paths-ignore",
        "workflows",
        "inputs",
        "outputs",
        "secrets",
      ],
    ],
    ["cron", ["cron", "timezone"]],
    ["input", ["description", "type", "required", "default", "options"]],
    ["callOutput", ["description", "value"]],
    ["callSecret", ["description", "required"]],
    ["strategy", ["matrix", "fail-fast", "max-parallel"]],
    ["container", ["image", "credentials", "env", "ports", "volumes", "options"]],
    ["credentials", ["username", "password"]],
    ["environment", ["name", "url", "deployment"]],
    ["concurrency", ["group", "cancel-in-progress", "queue"]],
    ["defaults", ["run"]],
    ["defaultsRun", ["shell", "working-directory"]],
  ] as const)("%s: %j", (shape, order) => {
    expect(keysOf(shuffled(order), shape)).toEqual(order);
  });

  test("unknown keys follow the known ones in insertion order", () => {
    expect(keysOf({ zeta: 1, run: "x", alpha: 2, name: "n" }, "step")).toEqual(["name", "run", "zeta", "alpha"]);
  });

  test("user-named maps and permissions keep the user's order", () => {
    expect(keysOf({ b: 1, a: 2, c: 3 }, "jobs")).toEqual(["b", "a", "c"]);
    expect(pairs(orderedEntries({ packages: "write", contents: "read" }, undefined)).map(([k]) => k)).toEqual([
      "packages",
      "contents",
    ]);
  });

  test("a matrix puts the user's keys first, then include and exclude", () => {
    expect(keysOf({ exclude: [], os: [], include: [], node: [] }, "matrix")).toEqual([
      "os",
      "node",
      "include",
      "exclude",
    ]);
  });

  test("undefined values are left out", () => {
    expect(keysOf({ name: undefined, run: "x" }, "step")).toEqual(["run"]);
  });
});

describe("raw", () => {
  test("its entries come last, in their order, and `raw` itself is not written", () => {
    expect(pairs(orderedEntries({ raw: { z: 1, a: 2 }, run: "x", name: "n" }, SHAPES.step))).toEqual([
      ["name", "n"],
      ["run", "x"],
      ["z", 1],
      ["a", 2],
    ]);
  });

  test("only objects GitHub defines have it; in a user map it is an ordinary key", () => {
    expect(pairs(orderedEntries({ raw: "value" }, childShape(SHAPES.step, "env")))).toEqual([["raw", "value"]]);
  });

  test("it may not repeat a key or be anything but an object", () => {
    expect(() => orderedEntries({ run: "x", raw: { run: "y" } }, SHAPES.step)).toThrow(/repeats the key "run"/);
    expect(() => orderedEntries({ raw: ["x"] }, SHAPES.job)).toThrow(/must be an object/);
  });
});

describe("shapes by path", () => {
  test("paths from the root reach the right tables", () => {
    const job = childShape(childShape(SHAPES.workflow, "jobs"), "any-job-id");
    expect(job).toBe(SHAPES.job);
    expect(itemShape(childShape(job, "steps"))).toBe(SHAPES.step);
    expect(childShape(childShape(job, "services"), "postgres")).toBe(SHAPES.container);
    const events = childShape(SHAPES.workflow, "on");
    expect(childShape(events, "push")).toBe(SHAPES.event);
    expect(itemShape(childShape(events, "schedule"))).toBe(SHAPES.cron);
    const call = childShape(events, "workflow_call");
    expect(childShape(childShape(call, "inputs"), "tag")).toBe(SHAPES.input);
    expect(childShape(childShape(call, "outputs"), "digest")).toBe(SHAPES.callOutput);
    expect(childShape(childShape(call, "secrets"), "token")).toBe(SHAPES.callSecret);
    expect(childShape(job, "env")).toBeUndefined();
    expect(childShape(job, "permissions")).toBeUndefined();
  });

  test("blank lines separate only top-level keys, jobs and steps", () => {
    const spaced = Object.entries(SHAPES)
      .filter(([, shape]) => shape.spaced === true)
      .map(([name]) => name);
    expect(spaced.sort()).toEqual(["jobs", "steps", "workflow"]);
  });
});

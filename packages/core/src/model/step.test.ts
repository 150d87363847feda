import { describe, expect, it } from "vitest";
import { parseWorkflowModel, StepSchema } from "./index.ts";

function messages(...steps: unknown[]): string[] {
  const result = parseWorkflowModel({ on: "push", jobs: { a: { "runs-on": "x", steps } } });
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("steps", () => {
  it("accepts run and uses steps with every key they take", () => {
    expect(
      messages(
        {
          id: "test",
          name: "Test",
          if: "success()",
          run: "npm test",
          env: { CI: true, LEVEL: 2 },
          shell: "bash",
          "working-directory": "app",
          "continue-on-error": "${{ matrix.experimental }}",
          "timeout-minutes": "${{ matrix.t }}",
        },
        { uses: "actions/setup-node@v4", with: { "node-version": 20, cache: "npm", "check-latest": false } },
        { uses: "actions/setup-node@v4", with: "${{ fromJSON(env.SETUP) }}", env: "${{ fromJSON(env.EXTRA) }}" },
      ),
    ).toEqual([]);
  });

  it("refuses run and uses together", () => {
    expect(messages({ run: "make", uses: "actions/checkout@v4" })).toEqual([
      "jobs.a.steps[0]: run and uses cannot both be set; a step either runs a script or uses an action, so split it in two",
    ]);
  });

  it("refuses a step with neither", () => {
    expect(messages({ name: "nothing" })).toEqual([
      "jobs.a.steps[0]: a step needs run or uses (or wait, wait-all, cancel or parallel to coordinate parallel steps)",
    ]);
  });

  it("refuses keys that do not apply to the step's kind", () => {
    expect(messages({ uses: "actions/checkout@v4", shell: "bash" })).toEqual([
      "jobs.a.steps[0].shell: shell does not apply to a uses step, which takes name, id, if, with, env, continue-on-error, timeout-minutes or background",
    ]);
    expect(messages({ run: "make", with: { a: "b" } })).toEqual([
      "jobs.a.steps[0].with: with does not apply to a run step, which takes name, id, if, env, shell, working-directory, continue-on-error, timeout-minutes or background",
    ]);
  });

  it("refuses a plain string where an expression is the only other choice", () => {
    expect(messages({ run: "make", "timeout-minutes": "ten" })).toEqual([
      "jobs.a.steps[0].timeout-minutes: expected a number or an expression ${{ ... }}, got 'ten'",
    ]);
    expect(messages({ run: "make", "continue-on-error": "${{ a }" })).toEqual([
      "jobs.a.steps[0].continue-on-error: expected true or false or an expression ${{ ... }}, got '${{ a }'",
    ]);
  });

  it("accepts text around an expression, which GitHub evaluates as a format string", () => {
    expect(messages({ run: "make", "continue-on-error": "${{ a }} and ${{ b }}", "timeout-minutes": "1${{ matrix.t }}" })).toEqual([]);
  });

  it("reads a number, boolean or null where a string goes as its string form, and keeps with: values as written", () => {
    const result = parseWorkflowModel({
      on: "push",
      jobs: { a: { "runs-on": "x", steps: [{ run: true, name: 3, "working-directory": null }, { uses: "a/b@v1", with: { ref: null } }] } },
    });
    expect(result.ok && result.workflow.jobs.a).toMatchObject({
      steps: [{ run: "true", name: "3", "working-directory": "" }, { with: { ref: null } }],
    });
  });

  it("names an unknown key and the key it resembles", () => {
    expect(messages({ run: "make", working_directory: "app" })).toEqual([
      "jobs.a.steps[0].working_directory: unknown key 'working_directory'; did you mean 'working-directory'?",
    ]);
  });

  it("accepts the parallel-step keys", () => {
    expect(
      messages(
        { id: "server", run: "npm start", background: true },
        { parallel: [{ run: "npm run lint" }, { uses: "actions/setup-python@v5" }] },
        { wait: ["server"] },
        { "wait-all": null },
        { cancel: "server" },
      ),
    ).toEqual([]);
  });

  it("refuses a parallel group inside a parallel group, and accepts an empty one as GitHub does", () => {
    expect(messages({ parallel: [{ parallel: [{ run: "x" }] }] })).toEqual([
      expect.stringMatching(
        /^jobs\.a\.steps\[0\]\.parallel\[0\]\.parallel: unknown key 'parallel'; a step in parallel takes /,
      ),
    ]);
    expect(messages({ parallel: [] })).toEqual([]);
  });

  it("accepts raw, and refuses a modeled key under raw", () => {
    expect(messages({ run: "make", raw: { "future-key": { a: 1 } } })).toEqual([]);
    expect(messages({ run: "make", raw: { shell: "bash" } })).toEqual([
      "jobs.a.steps[0].raw.shell: shell is modeled by wfgen; set it directly, not under raw",
    ]);
  });

  it("keeps the step as written", () => {
    const step = { name: "Build", run: "make", env: { A: "1" }, raw: { x: 1 } };
    expect(StepSchema.parse(step)).toEqual(step);
  });
});

import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { contextNames } from "../expr/index.ts";
import { WORKFLOW_AVAILABILITY } from "../facts/contexts.ts";
import { contextProblems } from "./contexts.ts";
import { availabilityKey } from "./expressions.ts";
import { referenceProblems } from "./references.ts";

type Json = Record<string, unknown>;

// One placement of a value at each key of the availability table, as a whole workflow.
const CALL = { uses: "./.github/workflows/called.yml" };
const RUN = { "runs-on": "ubuntu-latest" };
const jobWith = (job: Json): Json => ({ on: "push", jobs: { build: job } });
const step = (fields: Json): Json => jobWith({ ...RUN, steps: [{ run: "make", ...fields }] });
const PLACEMENTS: Record<string, (x: string) => Json> = {
  "run-name": (x) => ({ "run-name": x, on: "push", jobs: { build: { ...RUN, steps: [{ run: "make" }] } } }),
  concurrency: (x) => ({ concurrency: x, on: "push", jobs: { build: { ...RUN, steps: [{ run: "make" }] } } }),
  env: (x) => ({ env: { A: x }, on: "push", jobs: { build: { ...RUN, steps: [{ run: "make" }] } } }),
  "jobs.<job_id>.concurrency": (x) => jobWith({ ...RUN, concurrency: x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.container": (x) => jobWith({ ...RUN, container: { image: "node", options: x }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.container.credentials": (x) =>
    jobWith({ ...RUN, container: { image: "node", credentials: { username: x, password: "p" } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.container.env.<env_id>": (x) => jobWith({ ...RUN, container: { image: "node", env: { A: x } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.container.image": (x) => jobWith({ ...RUN, container: { image: x }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.continue-on-error": (x) => jobWith({ ...RUN, "continue-on-error": x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.defaults.run": (x) => jobWith({ ...RUN, defaults: { run: { shell: x } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.env": (x) => jobWith({ ...RUN, env: { A: x }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.environment": (x) => jobWith({ ...RUN, environment: x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.environment.url": (x) => jobWith({ ...RUN, environment: { name: "prod", url: x }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.if": (x) => jobWith({ ...RUN, if: x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.name": (x) => jobWith({ ...RUN, name: x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.outputs.<output_id>": (x) => jobWith({ ...RUN, outputs: { o: x }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.runs-on": (x) => jobWith({ "runs-on": x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.secrets.<secrets_id>": (x) => jobWith({ ...CALL, secrets: { s: x } }),
  "jobs.<job_id>.services": (x) => jobWith({ ...RUN, services: { db: { image: "postgres", options: x } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.services.<service_id>.credentials": (x) =>
    jobWith({ ...RUN, services: { db: { image: "postgres", credentials: { username: x, password: "p" } } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.services.<service_id>.env.<env_id>": (x) =>
    jobWith({ ...RUN, services: { db: { image: "postgres", env: { A: x } } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.steps.continue-on-error": (x) => step({ "continue-on-error": x }),
  "jobs.<job_id>.steps.env": (x) => step({ env: { A: x } }),
  "jobs.<job_id>.steps.if": (x) => step({ if: x }),
  "jobs.<job_id>.steps.name": (x) => step({ name: x }),
  "jobs.<job_id>.steps.run": (x) => step({ run: x }),
  "jobs.<job_id>.steps.timeout-minutes": (x) => step({ "timeout-minutes": x }),
  "jobs.<job_id>.steps.with": (x) => jobWith({ ...RUN, steps: [{ uses: "./local", with: { a: x } }] }),
  "jobs.<job_id>.steps.working-directory": (x) => step({ "working-directory": x }),
  "jobs.<job_id>.strategy": (x) => jobWith({ ...RUN, strategy: { matrix: { a: [x] } }, steps: [{ run: "make" }] }),
  "jobs.<job_id>.timeout-minutes": (x) => jobWith({ ...RUN, "timeout-minutes": x, steps: [{ run: "make" }] }),
  "jobs.<job_id>.with.<with_id>": (x) => jobWith({ ...CALL, with: { a: x } }),
  "on.workflow_call.inputs.<inputs_id>.default": (x) => ({
    on: { workflow_call: { inputs: { a: { type: "string", default: x } } } },
    jobs: { build: { ...RUN, steps: [{ run: "make" }] } },
  }),
  "on.workflow_call.outputs.<output_id>.value": (x) => ({
    on: { workflow_call: { outputs: { o: { value: x } } } },
    jobs: { build: { ...RUN, steps: [{ run: "make" }] } },
  }),
};

// Where GitHub's documentation allows more than the schema of GitHub's own workflow parser, wfgen follows the
// documentation (no false error on what GitHub runs); these are the only differences.
const DOCUMENTED_BEYOND_PARSER = new Set([
  "jobs.<job_id>.container.credentials needs",
  "jobs.<job_id>.container.credentials strategy",
  "jobs.<job_id>.container.credentials matrix",
  "jobs.<job_id>.services.<service_id>.credentials needs",
  "jobs.<job_id>.services.<service_id>.credentials strategy",
  "jobs.<job_id>.services.<service_id>.credentials matrix",
]);

function githubRejects(model: Json, context: string): boolean {
  const result = parseWorkflow({ name: "w.yml", content: stringify(model) }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().some((e) => e.message.includes(`Unrecognized named-value: '${context}'`));
}

function weReject(model: Json, context: string): boolean {
  return [...contextProblems(model), ...referenceProblems(model)].some(
    (p) => (p.code === "context-not-available" && p.message.startsWith(`the ${context} context`)) || (p.code === "step-reference" && context === "steps"),
  );
}

describe("the context availability table", () => {
  it("has a placement for every key, and each placement falls under its key", () => {
    expect(Object.keys(PLACEMENTS).sort()).toEqual(Object.keys(WORKFLOW_AVAILABILITY).sort());
    for (const [key, place] of Object.entries(PLACEMENTS)) {
      const problems = contextProblems(place("${{ nope() }}"));
      expect(problems.map((p) => availabilityKey(p.path, "workflow")), key).toEqual([key]);
    }
  });

  it("agrees with GitHub's own workflow parser on every key and context, but for the documented differences", () => {
    const disagreements: string[] = [];
    for (const [key, place] of Object.entries(PLACEMENTS)) {
      for (const context of contextNames) {
        const model = place(key.endsWith(".if") ? `\${{ toJSON(${context}) != '' }}` : `\${{ toJSON(${context}) }}`);
        const github = githubRejects(model, context);
        const ours = weReject(model, context);
        // Never stricter than GitHub's parser; laxer only where the docs say so (and for job if:, which the
        // parser's JavaScript port leaves unchecked).
        if (ours && !github && key !== "jobs.<job_id>.if") disagreements.push(`${key} ${context}: wfgen refuses, GitHub accepts`);
        if (github && !ours && !DOCUMENTED_BEYOND_PARSER.has(`${key} ${context}`)) disagreements.push(`${key} ${context}: GitHub refuses, wfgen accepts`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("the special functions", () => {
  it("are allowed where GitHub's own workflow parser allows them", () => {
    const disagreements: string[] = [];
    for (const [key, place] of Object.entries(PLACEMENTS)) {
      for (const call of ["hashFiles('x')", "success()", "always()", "cancelled()", "failure()"]) {
        const name = call.slice(0, call.indexOf("("));
        const model = place(`\${{ ${call} }}`);
        const result = parseWorkflow({ name: "w.yml", content: stringify(model) }, new NoOperationTraceWriter());
        const github = result.context.errors.getErrors().some((e) => e.message.includes(`Unrecognized function: '${name}'`));
        const ours = contextProblems(model).some((p) => p.code === "context-not-available" && p.message.startsWith(`${name}()`));
        if (ours !== github && key !== "jobs.<job_id>.if") disagreements.push(`${key} ${name}: ${ours ? "wfgen" : "GitHub"} refuses`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("expressions of a composite action", () => {
  const action = (steps: Json[], extra: Json = {}): Json => ({ name: "a", inputs: { version: { default: "1" } }, runs: { using: "composite", steps }, ...extra });

  it("are checked against the action's own table and inputs", () => {
    const problems = contextProblems(
      action(
        [
          { id: "build", run: "make ${{ inputs.verison }} ${{ secrets.TOKEN }}", shell: "bash" },
          { if: "${{ steps.build.outcome == 'success' && success() }}", run: "echo ${{ steps.build.outputs.x }} ${{ hashFiles('x') }}", shell: "bash" },
        ],
        { outputs: { o: { value: "${{ steps.build.outputs.x }} ${{ vars.X }}" } } },
      ),
      "action",
    );
    expect(problems.map((p) => `${p.code}: ${p.message}`)).toEqual([
      'unknown-context-property: inputs.verison reads the input "verison", which is not declared (did you mean "version"?)',
      "context-not-available: the secrets context is not available at runs.steps; here: github, inputs, strategy, matrix, steps, job, runner, env",
      "context-not-available: the vars context is not available at outputs.<output_id>.value; here: github, strategy, matrix, steps, inputs, job, runner, env",
    ]);
  });
});

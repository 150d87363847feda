/**
 * fast-check generation of valid workflows, as plain data: the events, activity types, filters and
 * permission scopes of GitHub's facts, jobs with runners, needs, matrices, containers and services, steps
 * with run or uses. Where a hand-written fixture list would be thin (every event with every type, every
 * scope at every level, any string in a script), the generator covers it.
 */
import fc from "fast-check";
import { EVENTS, PERMISSION_SCOPES } from "../packages/core/src/facts/index.ts";

type Value = Record<string, unknown>;

// Events that need a configuration of their own (crons, workflow names) or that GitHub's parser does not
// know yet are generated apart or not at all.
const SPECIAL = new Set(["schedule", "workflow_run", "workflow_call", "workflow_dispatch", "image_version"]);
const BARE_EVENTS = Object.keys(EVENTS).filter((name) => !SPECIAL.has(name));
// GitHub's parser (@actions/workflow-parser) refuses repository_dispatch as a plain name, in `on: name`
// and in a list; it takes it as a key.
const NAMED_EVENTS = BARE_EVENTS.filter((name) => name !== "repository_dispatch");

const identifier = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/);
// Text with the characters YAML quoting has to care about; no `${{`, which would be an expression.
const text = fc
  .string({ unit: fc.constantFrom(..."abz09 -_:#'\"!&*?|>%@`,[]{}\\\n\t".split("")), minLength: 1, maxLength: 40 })
  .filter((s) => s.trim().length > 0 && !s.includes("${{"));
const pattern = fc.constantFrom("main", "releases/**", "v*", "!v*-rc*", "feature/*", "**.md", "src/**");
const uniqueList = <T>(arb: fc.Arbitrary<T>, max = 3) => fc.uniqueArray(arb, { minLength: 1, maxLength: max });

function eventConfig(name: string): fc.Arbitrary<unknown> {
  const event = EVENTS[name as keyof typeof EVENTS];
  const options: Array<fc.Arbitrary<unknown>> = [fc.constant(null)];
  if (event.activityTypes && event.activityTypes.length > 0) {
    options.push(fc.record({ types: fc.subarray([...event.activityTypes], { minLength: 1 }) }));
  }
  const filters = event.filters as readonly string[];
  if (filters.includes("branches")) {
    options.push(
      fc.record(
        {
          branches: uniqueList(pattern),
          ...(filters.includes("paths") && { paths: uniqueList(pattern) }),
          ...(filters.includes("tags") && { tags: uniqueList(pattern) }),
        },
        { requiredKeys: [] },
      ),
    );
  }
  return fc.oneof(...options);
}

const on: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NAMED_EVENTS),
  uniqueList(fc.constantFrom(...NAMED_EVENTS), 4),
  fc
    .uniqueArray(fc.constantFrom(...BARE_EVENTS), { minLength: 1, maxLength: 4 })
    .chain((names) => fc.tuple(...names.map((name) => eventConfig(name).map((config) => [name, config] as const))))
    .chain((entries) =>
      fc
        .record(
          {
            schedule: uniqueList(fc.constantFrom("0 3 * * *", "*/15 * * * *", "30 1 1,15 * *", "0 0 * * 1-5").map((cron) => ({ cron }))),
            workflow_dispatch: fc.constant(null),
          },
          { requiredKeys: [] },
        )
        .map((extra) => ({ ...Object.fromEntries(entries), ...extra })),
    ),
);

const permissions: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("read-all", "write-all"),
  fc.constant({}),
  fc
    .subarray(Object.keys(PERMISSION_SCOPES), { minLength: 1 })
    .chain((scopes) =>
      fc.tuple(...scopes.map((scope) => fc.constantFrom(...PERMISSION_SCOPES[scope as keyof typeof PERMISSION_SCOPES]).map((level) => [scope, level])))
    )
    .map((entries) => Object.fromEntries(entries)),
);

const env = fc.dictionary(envName, fc.oneof(text, fc.integer({ min: 0, max: 9999 }), fc.boolean()), { minKeys: 1, maxKeys: 3 });

const step = fc.oneof(
  fc.record({ name: text, run: text, env, "working-directory": fc.constantFrom("app", "./src") }, { requiredKeys: ["run"] }),
  fc.record(
    {
      uses: fc.constantFrom("actions/checkout@v4", "actions/setup-node@v4", "./.github/actions/local", "docker://alpine:3.20", "octo-org/tool/sub@v1"),
      with: fc.dictionary(identifier, text, { minKeys: 1, maxKeys: 3 }),
      if: fc.constantFrom("always()", "github.event_name == 'push'", "${{ success() }}"),
      "continue-on-error": fc.boolean(),
    },
    { requiredKeys: ["uses"] },
  ),
);

const strategy = fc.record(
  {
    matrix: fc
      .dictionary(identifier.filter((k) => k !== "include" && k !== "exclude"), uniqueList(fc.oneof(identifier, fc.integer({ min: 1, max: 30 }))), {
        minKeys: 1,
        maxKeys: 2,
      }),
    "fail-fast": fc.boolean(),
    "max-parallel": fc.integer({ min: 1, max: 8 }),
  },
  { requiredKeys: ["matrix"] },
);

const container = fc.oneof(
  fc.constantFrom("node:20", "ghcr.io/octo-org/build:1"),
  fc.record({ image: fc.constantFrom("alpine:3.20", "postgres:16"), env, ports: uniqueList(fc.integer({ min: 1, max: 65535 })), options: fc.constant("--cpus 1") }, { requiredKeys: ["image"] }),
);

/** A job, given the ids of the jobs before it (which it may need). */
function job(earlier: string[]): fc.Arbitrary<Value> {
  return fc.record(
    {
      "runs-on": fc.oneof(fc.constantFrom("ubuntu-latest", "windows-latest", "macos-14"), uniqueList(fc.constantFrom("self-hosted", "linux", "x64"))),
      steps: fc.array(step, { minLength: 1, maxLength: 4 }),
      needs: earlier.length > 0 ? fc.subarray(earlier, { minLength: 1 }) : fc.constant(undefined),
      permissions,
      env,
      strategy,
      container,
      services: fc.dictionary(identifier, fc.record({ image: fc.constantFrom("redis:7", "mysql:8") }), { minKeys: 1, maxKeys: 2 }),
      "timeout-minutes": fc.integer({ min: 1, max: 360 }),
      "continue-on-error": fc.boolean(),
    },
    { requiredKeys: ["runs-on", "steps"] },
  ).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

/** A valid workflow as plain data. */
export const workflowArbitrary: fc.Arbitrary<Value> = fc
  .uniqueArray(identifier, { minLength: 1, maxLength: 3 })
  .chain((ids) => fc.tuple(...ids.map((id, index) => job(ids.slice(0, index)).map((value) => [id, value] as const))))
  .chain((jobs) =>
    fc
      .record({ name: text, on, permissions, env }, { requiredKeys: ["on"] })
      .map((top) => ({ ...top, jobs: Object.fromEntries(jobs) })),
  );

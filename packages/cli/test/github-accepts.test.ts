/**
 * Files GitHub accepts, which import and build once refused. They are imported together, type-checked as a
 * user's editor would, and built; each test checks that its file came back as the same workflow. The
 * workflows are the smallest that show each case.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { read } from "./helpers.ts";
import { expectSameWorkflows, importAndBuild, typeErrors, type RoundTrip, type YamlFiles } from "./import-helpers.ts";

const FILES = {
  "parallel.yml": `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - parallel:
          - id: lint
            run: echo "status=ok" >> "$GITHUB_OUTPUT"
          - run: make test
      - run: echo "\${{ steps.lint.outputs.status }}"
`,
  "empty-input.yml": `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with:
          cache:
`,
  "strategy.yml": `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
    steps:
      - run: make test
`,
  "indirect.yml": `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      version: \${{ steps.v.outputs.version }}
    steps:
      - id: v
        run: echo "version=1" >> "$GITHUB_OUTPUT"
  test:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.build.outputs.version }}"
`,
  "background.yml": `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - id: server
        run: ./serve
        background: true
      - id: warm
        run: ./warm-cache
        background: true
      - wait: warm
      - run: make test
      - cancel: server
      - wait-all:
`,
  "forms.yml": `on:
  push:
    branches: main
    tags: v1
  merge_group:
    branches: [main]
  image_version:
    names: my-image
    versions: ["1.*"]
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      copilot-requests: write
      drives: read
      vulnerability-alerts: read
    services: \${{ fromJSON(vars.SERVICES) }}
    container:
      image: node:22
      credentials: \${{ fromJSON(secrets.REGISTRY) }}
    steps:
      - run: make test
`,
  "scalars.yml": `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    container: null
    steps:
      - name: 1.5
        run: true
`,
} satisfies YamlFiles;

describe("import and build accept what GitHub accepts", () => {
  let trip: RoundTrip;
  beforeAll(async () => {
    trip = await importAndBuild(FILES, [], true);
  }, 120_000);
  afterAll(() => trip.remove());

  const same = (name: keyof typeof FILES) => expectSameWorkflows(trip, { [name]: FILES[name] });

  test("every file is imported, as TypeScript that type-checks, and built", () => {
    expect(trip.imported.stderr).toBe("");
    expect(trip.imported.code).toBe(0);
    expect(typeErrors(join(trip.dir, "workflows.ts"))).toEqual([]);
    expect(trip.built.code).toBe(0);
  });

  test("a step id defined inside a parallel group, read by a later step", () => same("parallel.yml"));

  test("a with: input with no value", () => same("empty-input.yml"));

  test("strategy without matrix", () => same("strategy.yml"));

  test("needs.<job> read by a job that depends on it only through another: built, with a warning", () => {
    same("indirect.yml");
    expect(trip.built.stderr).toContain(
      'warning [needs-missing] indirect.yml › deploy › step #1 (jobs.deploy.steps[0].run)\n  job "deploy" reads needs.build, but depends on "build" only through "test", so needs.build is empty there\n  Fix: add build to the needs of job "deploy"\n',
    );
  });

  test("background steps, wait, wait-all and cancel", () => same("background.yml"));

  test("single-string filters, merge_group and image_version filters, whole-value expressions, newer scopes", () => same("forms.yml"));

  test("scalars GitHub reads as strings are written as those strings", () => {
    const built = parse(read(trip.dir, ".github/workflows/scalars.yml")) as { jobs: { test: Record<string, unknown> } };
    expect(built.jobs.test).toMatchObject({ container: "", steps: [{ name: "1.5", run: "true" }] });
  });
});

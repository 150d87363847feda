/**
 * The workflow model against GitHub's own workflow parser (@actions/workflow-parser, with the syntax GitHub
 * has released turned on, see validate/github-parser.ts). Workflows are generated from the parser's schema
 * (arbitrary.ts); for every one the parser and its conversion accept, wfgen's model must accept it too, and
 * hand on the value GitHub reads, and validate/'s load checks must find nothing.
 *
 * "The value GitHub reads" is the value written, except where GitHub reads a scalar as a string: the model
 * reads a number, boolean or null written where only a string goes as its string form too (`run: true` is
 * "true"), and keeps the numbers, booleans and nulls of `env:`, `with:`, `secrets:` and `ports:` as written,
 * since it writes them back as they were (GitHub hands them to the job as strings all the same).
 *
 * GitHub's service refuses a few things its parser library lets through; wfgen follows the service there,
 * and SERVICE_RULES lists each, recognised by the problem the model or validate/ reports.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { parseWorkflowModel } from "../../src/model/index.ts";
import { githubLoadErrors, loadProblems } from "../../src/validate/index.ts";
import { workflowArbitrary } from "./arbitrary.ts";

const RUNS = 10_000;

interface Problem {
  path: readonly (string | number)[];
  message: string;
  code?: string;
}

const SERVICE_RULES: { rule: string; matches: (problem: Problem) => boolean }[] = [
  {
    rule: "on names at least one event (GitHub: No event triggers defined in `on`)",
    matches: (p) => p.path.length === 1 && p.path[0] === "on" && /no events|at least 1 item/.test(p.message),
  },
  {
    rule: "a job's uses is ./.github/workflows/<file> or <owner>/<repo>/.github/workflows/<file>@<ref>",
    matches: (p) => p.path[0] === "jobs" && p.path[2] === "uses" && p.path.length === 3 && /is not a workflow file/.test(p.message),
  },
  {
    rule: "a call of a workflow of the same repository names no ref",
    matches: (p) => p.path[0] === "jobs" && p.path[2] === "uses" && /a workflow of this repository with a ref/.test(p.message),
  },
  {
    rule: "an event takes a filter or its -ignore twin, not both",
    matches: (p) => /cannot both be set; list the exclusions/.test(p.message),
  },
  {
    rule: "step ids are unique regardless of case (the parser compares them with case)",
    matches: (p) => p.path.at(-1) === "id" && /steps with ids .* ignores case/.test(p.message),
  },
];

/** The problems wfgen finds in `text` that GitHub's service would not refuse, and whether the model parsed it. */
function disagreement(text: string, expected: unknown): string | undefined {
  const value = parse(text) as Record<string, unknown>;
  const result = parseWorkflowModel(value);
  const problems: Problem[] = [
    ...(result.ok ? [] : result.issues),
    ...loadProblems("generated.yml", value).map((d) => ({ path: d.where.path ?? [], message: d.message, code: d.code })),
  ];
  const unexplained = problems.filter((p) => !SERVICE_RULES.some((rule) => rule.matches(p)));
  if (unexplained.length > 0) return unexplained.map((p) => `${p.code ?? "model"}: ${p.message}`).join("\n");
  if (result.ok) return differenceFrom(result.workflow, expected, "workflow");
  return undefined;
}

// Where `actual` differs from GitHub's reading `expected`, or undefined when they agree.
function differenceFrom(actual: unknown, expected: unknown, at: string): string | undefined {
  if (actual === expected) return undefined;
  // A number, boolean or null kept as written where GitHub reads its string form.
  if (typeof expected === "string" && (typeof actual === "number" || typeof actual === "boolean") && String(actual) === expected) return undefined;
  if (expected === "" && actual === null) return undefined;
  if (Array.isArray(actual) && Array.isArray(expected) && actual.length === expected.length) {
    for (const [i, item] of actual.entries()) {
      const found = differenceFrom(item, expected[i], `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isMapping(actual) && isMapping(expected)) {
    const keys = Object.keys(actual);
    if (keys.length !== Object.keys(expected).length) return `${at}: keys ${keys.join(", ")}, GitHub reads ${Object.keys(expected).join(", ")}`;
    for (const key of keys) {
      if (!Object.hasOwn(expected, key)) return `${at}.${key}: not in what GitHub reads`;
      const found = differenceFrom(actual[key], expected[key], `${at}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return `${at}: the model gives ${JSON.stringify(actual)}, GitHub reads ${JSON.stringify(expected)}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

describe("the workflow model against GitHub's workflow parser", () => {
  test(`accepts every one of ${RUNS} generated workflows GitHub accepts, with the value GitHub reads`, async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(workflowArbitrary(), async (sample) => {
        const text = stringify(sample.given);
        if ((await githubLoadErrors("generated.yml", text)).length > 0) return;
        accepted++;
        expect(disagreement(text, sample.expected), text).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    // Most samples must be workflows GitHub accepts, or the comparison says little.
    expect(accepted).toBeGreaterThan(RUNS * 0.4);
  }, 120_000);
});

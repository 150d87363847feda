/**
 * Shared by the fixture, corpus and docs tests: lint with the test capabilities, and print findings in
 * the fixtures' text form (`line:col: severity [id] message`, then the fix, indented).
 */
import type { Finding, LintOptions } from "../../src/rules/types.ts";
import { dataActionMetadata } from "./providers.ts";

let actions: ReturnType<typeof dataActionMetadata> | undefined;

// A few release tags of actions/checkout (from the CLI's catalog), for version-comment-mismatch.
const TAGS: Record<string, Record<string, string>> = {
  "actions/checkout": {
    v4: "11d5960a326750d5838078e36cf38b85af677262",
    "v4.1.0": "8ade135a41bc03ea155e62e844d188df1ea18608",
    "v4.2.1": "eef61447b9ff4aafe5dcd4e0bbf5d482be7e7871",
    "v4.2.2": "11bd71901bbe5b1630ceea73d27597364c9af683",
    "v4.4.0": "11d5960a326750d5838078e36cf38b85af677262",
  },
};

/** The capabilities fixtures are linted with: the action facts of data/actions, wfgen's permissions engine (the default), a small tag catalog. */
export function testOptions(): LintOptions {
  actions ??= dataActionMetadata();
  return { actions, runnerLabels: ["gpu"], tags: (repo) => TAGS[repo] };
}

/** One finding as the expected files write it. */
export function fixtureLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`${f.where.line}:${f.where.column}: ${f.severity} [${f.code}] ${f.message}`, ...(f.fix ? [`  fix: ${f.fix}`] : [])]);
}

/** True when expected files should be rewritten from the current output (WFGEN_UPDATE_FIXTURES=1). */
export const UPDATE = process.env.WFGEN_UPDATE_FIXTURES === "1";

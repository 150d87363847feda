/**
 * Shared by the fixture, corpus and docs tests: lint with the test capabilities, and print findings in
 * the fixtures' text form (`line:col: severity [id] message`, then the fix, indented).
 */
import type { Finding, LintOptions } from "../../src/rules/types.ts";
import { dataActionMetadata } from "./providers.ts";

let actions: ReturnType<typeof dataActionMetadata> | undefined;

/** The capabilities fixtures are linted with: the action facts of data/actions, wfgen's permissions engine (the default). */
export function testOptions(): LintOptions {
  actions ??= dataActionMetadata();
  return { actions, runnerLabels: ["gpu"] };
}

/** One finding as the expected files write it. */
export function fixtureLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`${f.where.line}:${f.where.column}: ${f.severity} [${f.code}] ${f.message}`, ...(f.fix ? [`  fix: ${f.fix}`] : [])]);
}

/** True when expected files should be rewritten from the current output (WFGEN_UPDATE_FIXTURES=1). */
export const UPDATE = process.env.WFGEN_UPDATE_FIXTURES === "1";

/**
 * Shared by the fixture, corpus and docs tests: lint with the test capabilities, and print findings in
 * the fixtures' text form (`line:col: severity [id] message`, then the fix, indented).
 */
import type { Finding, LintOptions } from "../../src/rules/types.ts";
import { sharedActionMetadata } from "./providers.ts";

let actions: ReturnType<typeof sharedActionMetadata> | undefined;

/** The capabilities fixtures are linted with: shared action metadata, wfgen's permissions engine (the default). */
export function testOptions(): LintOptions {
  actions ??= sharedActionMetadata();
  return { actions, runnerLabels: ["gpu"] };
}

/** One finding as the expected files write it. */
export function fixtureLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`${f.where.line}:${f.where.column}: ${f.severity} [${f.code}] ${f.message}`, ...(f.fix ? [`  fix: ${f.fix}`] : [])]);
}

/** True when expected files should be rewritten from the current output (WFGEN_UPDATE_FIXTURES=1). */
export const UPDATE = process.env.WFGEN_UPDATE_FIXTURES === "1";

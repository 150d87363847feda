/** The line `build` and `check` print under lint findings, which point at YAML that may not be written yet. */
import type { LintRun } from "./rendered.ts";

/** A note when `lint` has findings (they are among the diagnostics printed above it), else "". */
export function lintNote(plan: { lint: LintRun }): string {
  if (plan.lint.findings.length === 0) return "";
  return (
    "Lint findings ([rule-id], docs/rules/<rule-id>.md) point at lines of the YAML generated from the source, as " +
    "`wfgen build` writes it; `npx wfgen lint` shows each with its line and fix.\n"
  );
}

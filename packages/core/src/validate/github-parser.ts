/**
 * The last gate before a file is written: GitHub's own workflow parser (the one behind its Actions
 * language service) must read the emitted text with zero errors.
 */
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import type { Diagnostic } from "../diagnostics.ts";

const POSITION = /\(Line: (\d+), Col: (\d+)\): (.*)$/s;

/** GitHub's parser errors for one emitted file, as diagnostics pointing at the YAML line. */
export function checkWithGitHubParser(path: string, content: string): Diagnostic[] {
  const result = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => {
    const m = POSITION.exec(error.message);
    return {
      severity: "error" as const,
      code: "github-parser",
      message: `GitHub's workflow parser rejects the generated ${path}${m ? ` at line ${m[1]}, column ${m[2]}: ${m[3]}` : `: ${error.message}`}`,
      fix: "correct the workflow definition; if the definition is valid, this is a wfgen bug: please report it",
      where: { workflow: path },
    };
  });
}

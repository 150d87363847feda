/**
 * The last gate before a file is written: GitHub's own workflow parser (the one behind its Actions
 * language service) must read the emitted text with zero errors.
 *
 * The parser keeps syntax GitHub has released behind feature flags until its next version: background
 * steps (`background`, `wait`, `wait-all`, `cancel`; GitHub's changelog of 2026-06-25) are refused as
 * "Unexpected value" unless `allowBackgroundSteps` is on, so it is on here. The other flags of
 * @actions/workflow-parser 0.3.61 change completion and warnings only, not what the parser accepts.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { TemplateContext, TemplateValidationErrors } from "@actions/workflow-parser/templates/template-context";
import { getWorkflowSchema } from "@actions/workflow-parser/workflows/workflow-schema";
import type { Diagnostic } from "../diagnostics.ts";

const POSITION = /\(Line: (\d+), Col: (\d+)\): (.*)$/s;

type FeatureFlags = NonNullable<NonNullable<Parameters<typeof convertWorkflowTemplate>[3]>["featureFlags"]>;

// The flags GitHub has released (see the module comment), in the shape of @actions/expressions' FeatureFlags,
// which is not a dependency of ours.
const RELEASED = new Set(["allowBackgroundSteps"]);
const FEATURES = {
  isEnabled: (feature: string) => RELEASED.has(feature),
  getEnabledFeatures: () => [...RELEASED],
} as unknown as FeatureFlags;

function newContext(): TemplateContext {
  const context = new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), new NoOperationTraceWriter());
  context.state.featureFlags = FEATURES;
  return context;
}

/** The messages of GitHub's parser for one workflow text: its schema check, as the language service runs it. */
export function githubParserErrors(path: string, content: string): string[] {
  return parseWorkflow({ name: path, content }, newContext()).context.errors.getErrors().map((error) => error.message);
}

/**
 * The messages of GitHub's parser and of its conversion to a workflow model, which adds the checks of the
 * job graph, ids, cron entries and inputs: everything the parser library refuses in a workflow.
 */
export async function githubLoadErrors(path: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: path, content }, newContext());
  if (parsed.value === undefined || parsed.context.errors.count > 0) return parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, { featureFlags: FEATURES });
  return (template.errors ?? []).map((error) => error.Message);
}

/** GitHub's parser errors for one emitted file, as diagnostics pointing at the YAML line. */
export function checkWithGitHubParser(path: string, content: string): Diagnostic[] {
  return githubParserErrors(path, content).map((error) => {
    const m = POSITION.exec(error);
    return {
      severity: "error" as const,
      code: "invalid-workflow",
      message: `GitHub's workflow parser rejects the generated ${path}${m ? ` at line ${m[1]}, column ${m[2]}: ${m[3]}` : `: ${error}`}`,
      fix: "correct the workflow definition; if the definition is valid, this is a wfgen bug: please report it",
      where: { workflow: path },
    };
  });
}

/**
 * The entry point the CLI uses: turn the workflow values a `workflows.ts` exports into file contents,
 * or diagnostics. Pure: no file system, no process. Everything is validated before anything is returned
 * as writable: the DSL's reference checks, the zod model, the semantic checks, and GitHub's own parser.
 */
import type { Diagnostic } from "./diagnostics.ts";
import { isWorkflowDefinition } from "./dsl/brand.ts";
import { resolveCallSite } from "./dsl/callsite.ts";
import { lowerWorkflow } from "./dsl/lower.ts";
import type { WorkflowDefinition } from "./dsl/workflow.ts";
import { emitYaml } from "./emit/emit.ts";
import { generatedHeader } from "./emit/header.ts";
import { parseWorkflowModel } from "./model/index.ts";
import { checkWithGitHubParser, validateModel } from "./validate/index.ts";

/** One generated file. */
export interface RenderedFile {
  /** File name relative to the output folder, e.g. `deploy-image.yml`. */
  path: string;
  /** Exact bytes to write (UTF-8, LF line endings, ends with a newline). */
  content: string;
  /** The export of `workflows.ts` that produced it. */
  exportName: string;
}

export interface RenderResult {
  files: RenderedFile[];
  /** Errors mean nothing may be written. Warnings and infos are printed. */
  diagnostics: Diagnostic[];
}

export interface RenderOptions {
  /** The source file named in each header, relative to the repository root, e.g. `workflows.ts`. */
  source: string;
  /** Run GitHub's own parser over every emitted file (default true). */
  githubParser?: boolean;
}

/** Render every workflow; `entries` are the exports of the user's entry file. */
export function renderWorkflows(entries: Array<{ exportName: string; value: unknown }>, options: RenderOptions): RenderResult {
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const byPath = new Map<string, string>();
  for (const { exportName, value } of entries) {
    if (!isWorkflowDefinition(value)) continue;
    const definition = value as WorkflowDefinition;
    const previous = byPath.get(definition.file);
    if (previous !== undefined) {
      diagnostics.push({
        severity: "error",
        code: "duplicate-output-file",
        message: `the exports "${previous}" and "${exportName}" both write ${definition.file}`,
        fix: `give one of them another file name (the first argument of workflow())`,
        where: { workflow: definition.file, ...resolveCallSite(definition.site) },
      });
      continue;
    }
    byPath.set(definition.file, exportName);
    const rendered = renderWorkflow(definition, options);
    diagnostics.push(...rendered.diagnostics);
    if (rendered.content !== undefined) files.push({ path: definition.file, content: rendered.content, exportName });
  }
  return { files, diagnostics };
}

/** Render one workflow definition to YAML text, or the diagnostics that prevent it. */
export function renderWorkflow(
  definition: WorkflowDefinition,
  options: RenderOptions,
): { content?: string; diagnostics: Diagnostic[] } {
  const file = definition.file;
  const site = resolveCallSite(definition.site);
  const lowered = lowerWorkflow(definition);
  if (lowered.diagnostics.some((d) => d.severity === "error")) return { diagnostics: lowered.diagnostics };

  const parsed = parseWorkflowModel(lowered.model);
  if (!parsed.ok) {
    return {
      diagnostics: [
        ...lowered.diagnostics,
        ...parsed.issues.map((issue) => ({
          severity: "error" as const,
          code: "invalid-workflow",
          message: issue.message,
          where: { workflow: file, ...locate(issue.path), ...site },
        })),
      ],
    };
  }
  const semantic = validateModel(file, lowered.model);
  const diagnostics = [...lowered.diagnostics, ...semantic.map((d) => ({ ...d, where: { ...site, ...d.where } }))];
  if (semantic.some((d) => d.severity === "error")) return { diagnostics };

  const content = emitYaml(lowered.model, { header: generatedHeader(options.source) });
  if (options.githubParser !== false) {
    const rejected = checkWithGitHubParser(file, content);
    if (rejected.length > 0) return { diagnostics: [...diagnostics, ...rejected] };
  }
  return { content, diagnostics };
}

function locate(path: ReadonlyArray<string | number>): { job?: string; step?: string } {
  if (path[0] !== "jobs" || typeof path[1] !== "string") return {};
  if (path[2] === "steps" && typeof path[3] === "number") return { job: path[1], step: `#${path[3] + 1}` };
  return { job: path[1] };
}

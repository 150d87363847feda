/**
 * The entry point the CLI uses: turn the workflow values a `workflows.ts` exports into file contents,
 * or diagnostics. Pure: no file system, no process. Everything is validated before anything is returned
 * as writable: the DSL's reference checks, the zod model, the semantic checks, and GitHub's own parser.
 */
import type { Diagnostic } from "./diagnostics.ts";
import { isWorkflowDefinition } from "./dsl/brand.ts";
import { resolveCallSite } from "./dsl/callsite.ts";
import { fileNameProblem } from "./dsl/file-name.ts";
import { locateInDefinition } from "./dsl/locate.ts";
import { permissionComments } from "./permissions/comments.ts";
import type { WorkflowDefinition } from "./dsl/workflow.ts";
import { emitYaml } from "./emit/emit.ts";
import { generatedHeader } from "./emit/header.ts";
import { pinModel } from "./lock/pin-model.ts";
import type { Lock } from "./lock/schema.ts";
import { parseWorkflowModel } from "./model/index.ts";
import type { JobPlan } from "./permissions/plan.ts";
import { PermissionPlanner } from "./permissions/planner.ts";
import { checkWithGitHubParser, validateModel } from "./validate/index.ts";

/** One generated file. */
export interface RenderedFile {
  /** File name relative to the output folder, e.g. `deploy-image.yml`. */
  path: string;
  /** Exact bytes to write (UTF-8, LF line endings, ends with a newline). */
  content: string;
  /** The export of `workflows.ts` that produced it. */
  exportName: string;
  /** Each job's permissions as decided, with the needs behind them. */
  permissions: JobPlan[];
}

export interface RenderResult {
  files: RenderedFile[];
  /** Errors mean nothing may be written. Warnings and infos are printed. */
  diagnostics: Diagnostic[];
}

export interface RenderOptions {
  /** The source file named in each header, relative to the repository root, e.g. `workflows.ts`. */
  source: string;
  /** Write the reason for each granted scope as a YAML comment next to it (default false). */
  permissionComments?: boolean;
  /** Run GitHub's own parser over every emitted file (default true). */
  githubParser?: boolean;
  /**
   * The contents of `wfgen.lock.json`. When given, pinning is on: every remote `uses:` is written as
   * `owner/repo@<sha> # <tag>` from it, and an intent it lacks is an error. Default: no pinning.
   */
  lock?: Lock;
}

/** Render every workflow; `entries` are the exports of the user's entry file. */
export function renderWorkflows(entries: Array<{ exportName: string; value: unknown }>, options: RenderOptions): RenderResult {
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Keyed case-insensitively: `CI.yml` and `ci.yml` are one file on macOS and Windows checkouts.
  const byPath = new Map<string, { exportName: string; file: string }>();
  const accepted: Array<{ exportName: string; definition: WorkflowDefinition }> = [];
  for (const { exportName, value } of entries) {
    if (!isWorkflowDefinition(value)) continue;
    const definition = value as WorkflowDefinition;
    // workflow() refuses a bad name; this catches a definition whose file was changed after it.
    const problem = fileNameProblem(definition.file);
    if (problem !== undefined) {
      diagnostics.push({
        severity: "error",
        code: "invalid-file-name",
        message: `export "${exportName}": ${problem}`,
        fix: 'give workflow() a plain file name such as "ci"',
        where: { ...resolveCallSite(definition.site) },
      });
      continue;
    }
    const previous = byPath.get(definition.file.toLowerCase());
    if (previous !== undefined) {
      const files =
        previous.file === definition.file
          ? definition.file
          : `${previous.file} and ${definition.file}, one file on macOS and Windows`;
      diagnostics.push({
        severity: "error",
        code: "duplicate-output-file",
        message: `the exports "${previous.exportName}" and "${exportName}" both write ${files}`,
        fix: `give one of them another file name (the first argument of workflow())`,
        where: { workflow: definition.file, ...resolveCallSite(definition.site) },
      });
      continue;
    }
    byPath.set(definition.file.toLowerCase(), { exportName, file: definition.file });
    accepted.push({ exportName, definition });
  }
  // One planner for the whole render: a job that calls another workflow of the render must grant what
  // that workflow's jobs request, so every workflow is visible to every other.
  const planner = new PermissionPlanner(accepted.map((a) => a.definition));
  for (const { exportName, definition } of accepted) {
    const rendered = renderWorkflow(definition, options, planner);
    diagnostics.push(...rendered.diagnostics);
    if (rendered.content !== undefined) {
      files.push({ path: definition.file, content: rendered.content, exportName, permissions: planner.plan(definition).jobs });
    }
  }
  return { files, diagnostics };
}

/**
 * Render one workflow definition to YAML text, or the diagnostics that prevent it. `planner` holds the
 * other workflows of the render (for reusable-workflow calls); alone, only this one is known.
 */
export function renderWorkflow(
  definition: WorkflowDefinition,
  options: RenderOptions,
  planner: PermissionPlanner = new PermissionPlanner([definition]),
): { content?: string; diagnostics: Diagnostic[] } {
  const file = definition.file;
  // Diagnostics found on the model point back at the workflows.ts line of their step, job or workflow.
  const placed = (d: Diagnostic): Diagnostic => ({ ...d, where: { ...locateInDefinition(definition, d.where), ...d.where } });
  const lowered = planner.lower(definition);
  if (lowered.diagnostics.some((d) => d.severity === "error")) return { diagnostics: lowered.diagnostics };

  // Least privilege: every job's permissions are inferred or checked, and the workflow level gets `{}`.
  const permissions = planner.plan(definition);
  const parsed = parseWorkflowModel(permissions.model);
  if (!parsed.ok) {
    return {
      diagnostics: [
        ...lowered.diagnostics,
        ...parsed.issues.map((issue) => ({
          severity: "error" as const,
          code: "invalid-workflow",
          message: issue.message,
          where: { workflow: file, ...locate(issue.path), ...locateInDefinition(definition, locate(issue.path)) },
        })),
      ],
    };
  }
  const semantic = validateModel(file, permissions.model);
  const diagnostics = [
    ...lowered.diagnostics,
    ...permissions.diagnostics,
    ...semantic.map(placed),
  ];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };

  // Pinning comes last: permissions and validation read the intents (`owner/repo@v7`), not the SHAs.
  const pinned = options.lock ? pinModel(permissions.model, options.lock, file) : undefined;
  if (pinned && pinned.diagnostics.length > 0) {
    diagnostics.push(...pinned.diagnostics.map(placed));
    if (pinned.diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  }
  const comments = [...(pinned?.comments ?? []), ...(options.permissionComments ? permissionComments(permissions) : [])];
  const content = emitYaml(pinned?.model ?? permissions.model, {
    header: generatedHeader(options.source),
    ...(comments.length > 0 && { comments }),
  });
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

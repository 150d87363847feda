/**
 * The first half of a render: the text of each workflow. Lowering (the DSL's references), the permissions
 * planner, pinning and the emitter, with what they find. The checks on top (the zod model, what GitHub
 * refuses at load, the linter's rules, suppressions, GitHub's parser) are render.ts's, in the engine.
 *
 * Its own entry (`@wfgen/core/prepare`), apart from the engine: `build` and `check` of files whose bytes
 * are already on disk need only this half, and loading the other half (zod's model, the rules, GitHub's
 * parser) was a third of a check of 20 workflows (docs/performance.md).
 */
import type { Diagnostic } from "./diagnostics.ts";
import { isWorkflowDefinition } from "./dsl/brand.ts";
import { resolveCallSite } from "./dsl/callsite.ts";
import { fileNameProblem } from "./dsl/file-name.ts";
import type { WorkflowDefinition } from "./dsl/workflow.ts";
import { emitYaml } from "./emit/emit.ts";
import { generatedHeader } from "./emit/header.ts";
import { pinModel, type PinResult } from "./lock/pin-model.ts";
import type { Lock } from "./lock/schema.ts";
import type { ModelPath } from "./lock/sites.ts";
import { permissionComments } from "./permissions/comments.ts";
import type { JobPlan, WorkflowPermissions } from "./permissions/plan.ts";
import { PermissionPlanner } from "./permissions/planner.ts";
import type { Finding, SkippedRule, SuppressedFinding } from "./rules/types.ts";

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
  diagnostics: Finding[];
  /** What a suppression (workflows.ts, the config) silenced. */
  suppressed: SuppressedFinding[];
  /** The rules that did not run, and why. */
  skipped: SkippedRule[];
}

/** The options of the first half: what the text depends on. */
export interface PrepareOptions {
  /** The source file named in each header, relative to the repository root, e.g. `workflows.ts`. */
  source: string;
  /** Write the reason for each granted scope as a YAML comment next to it (default false). */
  permissionComments?: boolean;
  /**
   * The contents of `wfgen.lock.json`. When given, pinning is on: every remote `uses:` is written as
   * `owner/repo@<sha> # <tag>` from it, and an intent it lacks is an error. Default: no pinning.
   */
  lock?: Lock;
  /**
   * What `build` and `check` know of the disk: `read(file)` is the text the output folder holds for `file`
   * (line ends as LF), if any. Bytes on disk were checked by the build that wrote them, so the model's checks
   * and the rules do not run on them again, unless the workflow or `lint` sets what can change findings
   * without changing a byte (see onlyBytesDecide). Such a workflow with nothing found is settled as it is
   * prepared: only its text is kept (the disk's), and a render of settled workflows needs no second half
   * (see unchangedResult).
   */
  disk?: { read: (file: string) => string | undefined; lint: LintSettings };
}

/** The lint settings that can change what the linter says of a text without changing a byte of it. */
export interface LintSettings {
  rules?: object;
  suppressions?: readonly unknown[];
  runnerLabels?: readonly string[];
}

/** One workflow's text and what the stages that made it found. */
export interface PreparedWorkflow {
  exportName: string;
  definition: WorkflowDefinition;
  permissions: WorkflowPermissions;
  pinned: PinResult | undefined;
  /** What lowering and the permissions planner found. */
  own: Diagnostic[];
  /** Where lowering stood a placeholder in for a value: later findings there are not reported. */
  poisoned: ModelPath[];
  /** The YAML, unless lowering, the planner or pinning found an error. */
  content: string | undefined;
  /** Its bytes are on disk and only bytes decide its findings (`disk`): they were checked when written. */
  unchanged: boolean;
  settled?: undefined;
}

/**
 * A workflow whose bytes are on disk, with nothing to report: done. What the stages made of it (the models,
 * the needs) is dropped as soon as it is settled: kept for hundreds of workflows, it was work for the
 * garbage collector on every collection that followed (docs/performance.md).
 */
export interface SettledWorkflow {
  settled: true;
  exportName: string;
  definition: WorkflowDefinition;
  content: string;
  permissions: Pick<WorkflowPermissions, "jobs">;
}

export interface PreparedRender {
  /** Exports that cannot be rendered at all: a bad file name, two exports for one file. */
  problems: Diagnostic[];
  workflows: Array<PreparedWorkflow | SettledWorkflow>;
  planner: PermissionPlanner;
}

/** The text of every workflow; `entries` are the exports of the user's entry file. */
export function prepareWorkflows(entries: Array<{ exportName: string; value: unknown }>, options: PrepareOptions): PreparedRender {
  const problems: Diagnostic[] = [];
  // Keyed case-insensitively: `CI.yml` and `ci.yml` are one file on macOS and Windows checkouts.
  const byPath = new Map<string, { exportName: string; file: string }>();
  const accepted: Array<{ exportName: string; definition: WorkflowDefinition }> = [];
  for (const { exportName, value } of entries) {
    if (!isWorkflowDefinition(value)) continue;
    const definition = value as WorkflowDefinition;
    // workflow() refuses a bad name; this catches a definition whose file was changed after it.
    const problem = fileNameProblem(definition.file);
    if (problem !== undefined) {
      problems.push({
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
      problems.push({
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
  const workflows = accepted.map(({ exportName, definition }) => {
    const prepared = prepareWorkflow(exportName, definition, options, planner);
    if (!prepared.unchanged || prepared.own.length > 0 || (prepared.pinned?.diagnostics ?? []).length > 0) return prepared;
    // A workflow that calls this one plans against it again, if one comes later.
    planner.forget(definition);
    // The disk's copy of the text, equal to the one just made: the new one need not outlive this call.
    const content = options.disk!.read(definition.file)!;
    const settled: SettledWorkflow = { settled: true, exportName, definition, content, permissions: { jobs: prepared.permissions.jobs } };
    return settled;
  });
  return { problems, workflows, planner };
}

/**
 * One workflow's text. `planner` holds the other workflows of the render (for reusable-workflow calls);
 * alone, only this one is known.
 */
export function prepareWorkflow(
  exportName: string,
  definition: WorkflowDefinition,
  options: PrepareOptions,
  planner: PermissionPlanner = new PermissionPlanner([definition]),
): PreparedWorkflow {
  const lowered = planner.lower(definition);
  // Least privilege: every job's permissions are inferred or checked, and the workflow level gets `{}`.
  const permissions = planner.plan(definition);
  const own: Diagnostic[] = [...lowered.diagnostics, ...permissions.diagnostics];
  // Pinning reads the intents (`owner/repo@v7`) that permissions and validation read; an intent the lock
  // lacks stays as written, and is reported once, as missing-pin.
  const pinned = options.lock ? pinModel(permissions.model, options.lock, definition.file) : undefined;
  let content: string | undefined;
  if (![...own, ...(pinned?.diagnostics ?? [])].some((d) => d.severity === "error")) {
    const comments = [...(pinned?.comments ?? []), ...(options.permissionComments ? permissionComments(permissions) : [])];
    content = emitYaml(pinned?.model ?? permissions.model, {
      header: generatedHeader(options.source),
      ...(comments.length > 0 && { comments }),
    });
  }
  const disk = options.disk;
  const unchanged = content !== undefined && disk !== undefined && onlyBytesDecide(definition, disk.lint) && disk.read(definition.file) === content;
  return { exportName, definition, permissions, pinned, own, poisoned: [...lowered.poisoned], content, unchanged };
}

/**
 * The finished render when every workflow was settled as it was prepared (see `disk`); undefined otherwise:
 * render.ts's `finishWorkflows` then runs the checks of the rest.
 */
export function unchangedResult(prepared: PreparedRender): RenderResult | undefined {
  if (prepared.problems.length > 0) return undefined;
  const files: RenderedFile[] = [];
  for (const workflow of prepared.workflows) {
    if (!workflow.settled) return undefined;
    files.push(settledFile(workflow));
  }
  return { files, diagnostics: [], suppressed: [], skipped: [] };
}

/** The file of a settled workflow, as a render returns it. */
export function settledFile({ definition, exportName, content, permissions }: SettledWorkflow): RenderedFile {
  return { path: definition.file, content, exportName, permissions: permissions.jobs };
}

/**
 * Whether the linter's findings on a workflow's text depend on that text alone. Suppressions, severities
 * and runner labels can change since the build that wrote the bytes, so with any of them the bytes on disk
 * say nothing of what the linter says now.
 */
export function onlyBytesDecide(definition: WorkflowDefinition, lint: LintSettings): boolean {
  return (
    (definition.meta?.suppressions ?? []).length === 0 &&
    (lint.suppressions ?? []).length === 0 &&
    Object.keys(lint.rules ?? {}).length === 0 &&
    (lint.runnerLabels ?? []).length === 0
  );
}

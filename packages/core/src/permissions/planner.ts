/**
 * The engine across the workflows of one render. A calling job's needs are what the called workflow's jobs
 * request, so a workflow is planned after the workflows it calls; each is lowered and planned once, and a
 * cycle of calls is cut (GitHub refuses those anyway).
 */
import { resolveCallSite } from "../dsl/callsite.ts";
import { lowerWorkflow, type LowerResult } from "../dsl/lower.ts";
import type { WorkflowDefinition } from "../dsl/workflow.ts";
import { asCallee, planPermissions, type WorkflowPermissions } from "./plan.ts";
import { localWorkflowFile, type Callee } from "./reusable.ts";
import { jobSources } from "./sources.ts";

/** Lowers and plans the workflows of one render, each once. */
export class PermissionPlanner {
  private readonly byFile = new Map<string, WorkflowDefinition>();
  private readonly lowered = new Map<WorkflowDefinition, LowerResult>();
  private readonly plans = new Map<WorkflowDefinition, WorkflowPermissions>();
  private readonly planning = new Set<WorkflowDefinition>();

  /** `definitions` are every workflow of the render: the ones local `uses:` may call. */
  constructor(definitions: Iterable<WorkflowDefinition>) {
    for (const definition of definitions) if (!this.byFile.has(definition.file)) this.byFile.set(definition.file, definition);
  }

  /** The lowered model of a workflow (computed once). */
  lower(definition: WorkflowDefinition): LowerResult {
    let result = this.lowered.get(definition);
    if (result === undefined) {
      result = lowerWorkflow(definition);
      this.lowered.set(definition, result);
    }
    return result;
  }

  /** The permissions of a workflow (computed once). */
  plan(definition: WorkflowDefinition): WorkflowPermissions {
    const done = this.plans.get(definition);
    if (done !== undefined) return done;
    this.planning.add(definition);
    const plan = planPermissions(
      {
        file: definition.file,
        model: this.lower(definition).model,
        jobs: jobSources(definition),
        locate: () => resolveCallSite(definition.site) ?? {},
      },
      (uses) => this.callee(uses),
    );
    this.planning.delete(definition);
    this.plans.set(definition, plan);
    return plan;
  }

  /** Drop what was computed for `definition`; asked again, it is computed again. */
  forget(definition: WorkflowDefinition): void {
    this.lowered.delete(definition);
    this.plans.delete(definition);
  }

  /** The definition that writes `file` (`deploy-image.yml`), if the render has one. */
  byFileName(file: string): WorkflowDefinition | undefined {
    return this.byFile.get(file);
  }

  private callee(uses: string): Callee | undefined {
    const file = localWorkflowFile(uses);
    const definition = file === undefined ? undefined : this.byFile.get(file);
    if (definition === undefined || this.planning.has(definition)) return undefined;
    // A called workflow with lowering errors still has a whole model (see LowerResult): its callers are
    // planned against it, and told nothing of its errors, which it reports itself.
    return asCallee(this.plan(definition));
  }
}

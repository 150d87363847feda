/**
 * Which lockfile each project uses and which intents its workflows state. Projects whose entry files share
 * a folder share one `wfgen.lock.json`, so `pin` must see all their intents before it drops an entry as unused.
 */
import type { IntentUse } from "@wfgen/core";
import type { IO } from "../io.ts";
import { displayPath } from "../paths.ts";
import { loadWorkflows } from "../plan.ts";
import { lockPathOf } from "./lock.ts";
import type { Project } from "./project.ts";

/** One lockfile and the projects it pins. */
export interface LockGroup {
  /** Absolute path of the lockfile. */
  path: string;
  /** Path shown to users. */
  display: string;
  projects: Project[];
}

/** The intents of one project's workflows. */
export interface ProjectIntents {
  project: Project;
  uses: IntentUse[];
}

/** Projects grouped by the lockfile next to their entry, in the order the projects come. */
export function lockGroups(projects: Project[], cwd: string): LockGroup[] {
  const groups = new Map<string, LockGroup>();
  for (const project of projects) {
    const path = lockPathOf(project.entry);
    const group = groups.get(path) ?? { path, display: displayPath(path, cwd), projects: [] };
    group.projects.push(project);
    groups.set(path, group);
  }
  return [...groups.values()];
}

/** Load each project's entry and list the intents of its workflows (lowered, not pinned). */
export async function loadIntents(group: LockGroup, root: string, io: IO): Promise<ProjectIntents[]> {
  const { collectWorkflowIntents } = await import("@wfgen/core");
  const result: ProjectIntents[] = [];
  for (const project of group.projects) {
    const entries = await loadWorkflows(project, root, io.cwd);
    result.push({ project, uses: collectWorkflowIntents(entries) });
  }
  return result;
}

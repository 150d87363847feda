/**
 * `wfgen import` without the file system: workflow YAML texts in, one `workflows.ts` text and the lock's
 * new entries out, with a problem for every file that could not be imported and a note for everything the
 * user should look at. The command (commands/import.ts) reads and writes the files; tests and the
 * benchmark call this directly.
 */
import { checkWithGitHubParser, type Lock } from "@wfgen/core";
import { checkWorkflows } from "./check.ts";
import { convertWorkflow, pathKey, type ConvertedWorkflow } from "./convert.ts";
import { NameAllocator } from "./names.ts";
import { PinPlanner, type PinDecision } from "./pins.ts";
import { isRecord, withRaw } from "./raw.ts";
import { readWorkflow, type WorkflowSource } from "./read.ts";
import { printSource } from "./source.ts";
import type { ImportNote, ImportProblem, Path } from "./types.ts";
import { BINDINGS } from "./bindings.gen.ts";

export type { ImportNote, ImportProblem } from "./types.ts";

/** One YAML file to import. */
export interface ImportFile {
  /** The path shown in messages (relative to where the user runs wfgen). */
  display: string;
  text: string;
}

export interface ImportOptions {
  /** The repository's current `wfgen.lock.json` (an empty lock when there is none). */
  lock: Lock;
  /** ISO time written as `resolvedAt` of the entries import adds. */
  now: string;
  /** Where prettier looks for the project's configuration (the output file's path). */
  prettierConfigFile?: string | undefined;
}

/** One imported workflow. */
export interface ImportedWorkflow {
  file: string;
  /** The first argument of `workflow()`: the output file name. */
  workflow: string;
  exportName: string;
}

export interface ImportResult {
  /** The TypeScript, formatted; undefined when no workflow could be imported. */
  source: string | undefined;
  /** The lock with this import's entries added. */
  lock: Lock;
  /** Intents added to the lock, in order. */
  added: string[];
  imported: ImportedWorkflow[];
  problems: ImportProblem[];
  notes: ImportNote[];
}

// Every name the generated file may import; handles and exports never take one of them.
const IMPORTABLE = [
  "workflow",
  "job",
  "step",
  "unchecked",
  "expr",
  "github",
  "runner",
  "env",
  "vars",
  "secrets",
  "inputs",
  "matrix",
  ...Object.values(BINDINGS).map((b) => b.binding),
];

/** Import `files`; see docs/migrating.md for what changes and what does not. */
export async function importWorkflows(files: ImportFile[], options: ImportOptions): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const notes: ImportNote[] = [];

  // Read, and name each workflow after its file (the build writes it back to the same file name).
  const sources: Array<{ source: WorkflowSource; workflow: string }> = [];
  const byName = new Map<string, string>();
  for (const file of files) {
    const read = readWorkflow(file.text, file.display);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const workflow = workflowName(file.display);
    const previous = byName.get(workflow.toLowerCase());
    if (previous !== undefined) {
      problems.push({ file: file.display, message: `${previous} is imported as ${outputFile(workflow)} already; rename one of the two files` });
      continue;
    }
    byName.set(workflow.toLowerCase(), file.display);
    sources.push({ source: read.source, workflow });
  }

  // Check with the build's own rules; what it would refuse is reported here, with the line.
  const check = checkWorkflows(sources.map((s) => ({ file: outputFile(s.workflow), value: withRaw(s.source.value) })));
  const refused = new Set<string>();
  for (const problem of check.problems) {
    const entry = sources.find((s) => outputFile(s.workflow) === problem.file);
    if (!entry) continue;
    refused.add(problem.file);
    problems.push({ file: entry.source.file, ...entry.source.locate(problem.path), message: `not a workflow wfgen can build: ${problem.message}` });
  }
  // Then GitHub's own parser, on the file as written, so its findings point at the user's lines.
  for (const { source, workflow } of sources) {
    if (refused.has(outputFile(workflow))) continue;
    const rejected = checkWithGitHubParser(source.file, source.text)[0];
    if (rejected === undefined) continue;
    refused.add(outputFile(workflow));
    const at = /at line (\d+), column (\d+): (.*)$/s.exec(rejected.message);
    problems.push({
      file: source.file,
      ...(at && { line: Number(at[1]), column: Number(at[2]) }),
      message: `GitHub's workflow parser rejects it: ${at ? at[3] : rejected.message}`,
    });
  }
  const accepted = sources.filter((s) => !refused.has(outputFile(s.workflow)));

  // Refs: intents and lock entries, in file order.
  const pins = new PinPlanner(options.lock, options.now, "kept as imported by `wfgen import`: not in wfgen's offline catalog, so its ref could not be resolved without the network; delete this entry and run `npx wfgen pin` to pin it");
  const decisions = new Map<WorkflowSource, Map<string, PinDecision>>();
  for (const { source } of accepted) {
    const map = new Map<string, PinDecision>();
    for (const { path, uses } of usesSites(source.value)) {
      const decision = await pins.decide(uses, source.notes.entry(path).trailing);
      map.set(pathKey(path), decision);
      if (decision.unpinned) {
        notes.push({ file: source.file, ...source.locate(path), message: `${decision.intent} is not in wfgen's offline catalog; its ref is kept as written (unpinned in wfgen.lock.json). Run \`npx wfgen pin\` after deleting that entry to pin it.` });
      }
    }
    decisions.set(source, map);
  }

  // Names: the exports first, so they get the plain names; then handles as conversion needs them.
  const names = new NameAllocator(IMPORTABLE);
  const exports = accepted.map((s) => names.allocate(s.workflow.replace(/\.ya?ml$/, ""), "workflow"));
  const converted: ConvertedWorkflow[] = [];
  const imported: ImportedWorkflow[] = [];
  accepted.forEach(({ source, workflow }, i) => {
    const permissions = check.permissions.get(outputFile(workflow)) ?? new Map();
    for (const [job, decision] of permissions) {
      notes.push({
        file: source.file,
        ...source.locate(["jobs", job]),
        message: decision.added
          ? `job "${job}": permissions written as unchecked(${JSON.stringify(decision.grant)}), the grant it ran with, because wfgen cannot check or infer them`
          : `job "${job}": permissions kept as written, as unchecked(...), because wfgen's check would refuse them`,
      });
    }
    converted.push(
      convertWorkflow({
        value: source.value,
        notes: source.notes,
        file: workflow,
        exportName: exports[i]!,
        names,
        pins: decisions.get(source)!,
        permissions,
      }),
    );
    imported.push({ file: source.file, workflow, exportName: exports[i]! });
  });

  let text: string | undefined;
  if (converted.length > 0) {
    text = await printSource(
      {
        header: [
          " GitHub Actions workflows, imported from YAML by `wfgen import`.",
          " `npx wfgen build` writes each exported workflow to .github/workflows/<name>.yml.",
        ],
        wfgen: new Set(converted.flatMap((c) => [...c.wfgen])),
        actions: new Set(converted.flatMap((c) => [...c.actions])),
        statements: converted.flatMap((c) => c.statements),
      },
      options.prettierConfigFile,
    );
  }
  return { source: text, lock: pins.merged(), added: [...pins.added.keys()], imported, problems, notes };
}

/** The name `workflow()` gets: the file's name without `.yml`; a `.yaml` extension is kept, so the build writes the same file. */
function workflowName(display: string): string {
  const base = display.split(/[\\/]/).pop()!;
  return base.replace(/\.yml$/i, "");
}

/** The file the build writes for a workflow name. */
function outputFile(workflow: string): string {
  return /\.ya?ml$/.test(workflow) ? workflow : `${workflow}.yml`;
}

/** Every `uses:` that can be pinned: steps' and reusable-workflow calls'. */
function usesSites(value: Record<string, unknown>): Array<{ path: Path; uses: string }> {
  const sites: Array<{ path: Path; uses: string }> = [];
  if (!isRecord(value.jobs)) return sites;
  for (const [id, job] of Object.entries(value.jobs)) {
    if (!isRecord(job)) continue;
    if (typeof job.uses === "string") sites.push({ path: ["jobs", id, "uses"], uses: job.uses });
    if (!Array.isArray(job.steps)) continue;
    job.steps.forEach((step: unknown, i: number) => {
      if (isRecord(step) && typeof step.uses === "string") sites.push({ path: ["jobs", id, "steps", i, "uses"], uses: step.uses });
    });
  }
  return sites;
}

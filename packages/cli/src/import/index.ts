/**
 * `wfgen import` without the file system: workflow YAML texts in, one `workflows.ts` text and the lock's
 * new entries out, with a problem for every file that could not be imported and a note for everything the
 * user should look at. The command (commands/import.ts) reads and writes the files; tests and the
 * benchmark call this directly.
 */
import { checkWithGitHubParser, fileNameProblem, model, type Finding, type Lock } from "@wfgen/core";
import { BINDINGS } from "./bindings.ts";
import { checkWorkflows } from "./check.ts";
import { convertWorkflow, pathKey, type CarriedFinding } from "./convert.ts";
import { NameAllocator } from "./names.ts";
import { PinPlanner, type PinDecision } from "./pins.ts";
import { isRecord, withRaw } from "./raw.ts";
import { readWorkflow, type WorkflowSource } from "./read.ts";
import { SourcePrinter } from "./source.ts";
import { Formatter } from "./format.ts";
import { lintGenerated } from "../lint/rendered.ts";
import type { ImportNote, ImportProblem, Path } from "./types.ts";

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
  /** The first argument of `workflow()`. */
  workflow: string;
  /** The file `wfgen build` writes for it, in the output folder: `ci.yml`. */
  output: string;
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
  // Started first: a large import's formatting workers load prettier while the YAML is read and checked.
  const formatter = await Formatter.create(files.reduce((sum, f) => sum + f.text.length, 0));
  try {
    return await importWith(formatter, files, options);
  } finally {
    await formatter.close();
  }
}

async function importWith(formatter: Formatter, files: ImportFile[], options: ImportOptions): Promise<ImportResult> {
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
    const badName = fileNameProblem(workflow);
    if (badName !== undefined) {
      problems.push({ file: file.display, message: `cannot keep its file name for workflow(): ${badName}; rename the file first` });
      continue;
    }
    const previous = byName.get(workflow.toLowerCase());
    if (previous !== undefined) {
      problems.push({ file: file.display, message: `${previous} is imported as ${outputFile(workflow)} already; rename one of the two files, or import each folder into a TypeScript file of its own with --per-folder` });
      continue;
    }
    byName.set(workflow.toLowerCase(), file.display);
    // `run: true` is the script "true" to GitHub, and a string in the TypeScript written from it.
    sources.push({ source: { ...read.source, value: model.withStringsAsRead(read.source.value) }, workflow });
  }

  // Refs first: intents and lock entries, in file order, so that the check renders what the build will.
  const pins = new PinPlanner(options.lock, options.now, UNPINNED_REASON);
  const decisions = new Map<WorkflowSource, Map<string, PinDecision>>();
  for (const { source } of sources) {
    const map = new Map<string, PinDecision>();
    for (const { path, uses } of usesSites(source.value)) map.set(pathKey(path), await pins.decide(uses, source.notes.entry(path).trailing));
    decisions.set(source, map);
  }
  const lock = pins.merged();

  // Check with the build's own rules; what it would refuse is reported here, with the line.
  const check = checkWorkflows(
    sources.map((s) => ({ file: outputFile(s.workflow), value: withRaw(withIntents(s.source.value, decisions.get(s.source)!)) })),
    lock,
  );
  const refused = new Set<string>();
  for (const problem of check.problems) {
    const entry = sources.find((s) => outputFile(s.workflow) === problem.file);
    if (!entry) continue;
    refused.add(problem.file);
    problems.push({ file: entry.source.file, ...entry.source.locate(problem.path), message: `not a workflow wfgen can build: ${problem.message}` });
  }
  // GitHub's own parser, on the file as written, so its findings point at the user's lines. A file the
  // build's checks refuse is read by it too: every problem of a file is reported at once.
  for (const entry of sources) {
    if (!refused.has(outputFile(entry.workflow))) continue;
    problems.push(...githubParserProblems(entry.source));
  }
  const candidates = sources.filter((s) => !refused.has(outputFile(s.workflow)));

  // Names: the exports first, so they get the plain names; then handles as conversion needs them.
  const names = new NameAllocator(IMPORTABLE);
  const exports = new Map(
    candidates.map((s) => {
      const base = s.workflow.replace(/\.ya?ml$/, "");
      return [s, names.allocate([base, `${base} workflow`], "workflow")];
    }),
  );

  // Then one workflow at a time: each is printed, and sent to the formatter, as soon as it is converted,
  // so that formatting (in workers, for a large import) overlaps with the checks of the next ones.
  const printer = await SourcePrinter.create(options.prettierConfigFile, formatter);
  const imported: ImportedWorkflow[] = [];
  const wfgen = new Set<string>();
  const actions = new Set<string>();
  const unpinnedNoted = new Set<string>();
  const used = new Set<string>();
  for (const entry of candidates) {
    const { source, workflow } = entry;
    const file = outputFile(workflow);
    const rejected = githubParserProblems(source);
    if (rejected.length > 0) {
      problems.push(...rejected);
      continue;
    }

    // What the build's linter would refuse in what it writes: the YAML ran this way, so it is imported as
    // it was, with a suppression in workflows.ts that keeps the finding reported as a warning (the first
    // build writes the file back), and noted.
    const content = check.rendered.get(file);
    const findings = content === undefined ? [] : await lintGenerated(file, content, lock);
    const suppressions = carriedFindings(findings);
    for (const finding of findings) {
      if (finding.severity !== "error") continue;
      notes.push({
        file: source.file,
        ...source.locate(finding.path),
        message: `[${finding.code}] ${finding.message}: wfgen build would refuse this; imported as it ran, with a suppression in workflows.ts that reports it as a warning until it is fixed${finding.fix ? ` (${finding.fix})` : ""}`,
      });
    }

    for (const { path } of usesSites(source.value)) {
      const decision = decisions.get(source)!.get(pathKey(path))!;
      used.add(decision.intent);
      if (decision.unpinned && !unpinnedNoted.has(decision.intent)) {
        unpinnedNoted.add(decision.intent);
        notes.push({ file: source.file, ...source.locate(path), message: `${decision.intent} is not in wfgen's offline catalog; its ref is kept as written (unpinned in wfgen.lock.json). Run \`npx wfgen pin\` after deleting that entry to pin it.` });
      }
    }
    const permissions = check.permissions.get(file) ?? new Map();
    for (const [job, decision] of permissions) {
      notes.push({
        file: source.file,
        ...source.locate(["jobs", job]),
        message: `job "${job}": ${decision.note}`,
      });
    }

    const exportName = exports.get(entry)!;
    const converted = convertWorkflow({ value: source.value, notes: source.notes, file: workflow, exportName, names, pins: decisions.get(source)!, permissions, suppressions });
    for (const name of converted.wfgen) wfgen.add(name);
    for (const name of converted.actions) actions.add(name);
    printer.add(converted.statements);
    imported.push({ file: source.file, workflow, output: file, exportName });
  }

  const text =
    imported.length === 0
      ? undefined
      : await printer.finish(
          [
            " GitHub Actions workflows, imported from YAML by `wfgen import`.",
            " `npx wfgen build` writes each exported workflow to .github/workflows/<name>.yml.",
          ],
          wfgen,
          actions,
        );
  // Only the entries the imported workflows use (a refused file's refs are not added).
  const added = [...pins.added.keys()].filter((key) => used.has(key));
  const merged = { ...options.lock, actions: { ...options.lock.actions, ...Object.fromEntries(added.map((k) => [k, pins.added.get(k)!])) } };
  // A problem reported twice at one place (a value read in two fields, say) is said once; each file's
  // problems together, in the order of the files.
  const seen = new Set<string>();
  const order = new Map(files.map((f, i) => [f.display, i]));
  const unique = problems
    .filter((p) => {
      const key = `${p.file}:${p.line ?? ""}:${p.column ?? ""}:${p.message}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return { source: text, lock: merged, added, imported, problems: unique, notes };
}

/** What GitHub's workflow parser rejects in the file as written, each at the line it reports. */
function githubParserProblems(source: WorkflowSource): ImportProblem[] {
  return checkWithGitHubParser(source.file, source.text).map((rejected) => {
    const at = /at line (\d+), column (\d+): (.*)$/s.exec(rejected.message);
    return {
      file: source.file,
      ...(at && { line: Number(at[1]), column: Number(at[2]) }),
      message: `GitHub's workflow parser rejects it: ${at ? at[3] : rejected.message}`,
    };
  });
}

const UNPINNED_REASON =
  "kept as imported by `wfgen import`: not in wfgen's offline catalog, so its ref could not be resolved without the network; delete this entry and run `npx wfgen pin` to pin it";

const CARRIED_REASON = "wfgen import: the imported YAML ran this way; fix it, then delete this suppression";

/** One suppression per rule and place (workflow, job or step) of the error findings, in order. */
function carriedFindings(findings: readonly Finding[]): CarriedFinding[] {
  const out = new Map<string, CarriedFinding>();
  for (const finding of findings) {
    if (finding.severity !== "error") continue;
    const [jobs, job, steps, step] = finding.path;
    const at = {
      ...(jobs === "jobs" && typeof job === "string" && { job }),
      ...(jobs === "jobs" && steps === "steps" && typeof step === "number" && { step: `#${step + 1}` }),
    };
    const key = JSON.stringify([finding.code, at]);
    if (out.has(key)) continue;
    out.set(key, { rule: finding.code, ...at, reason: CARRIED_REASON, comment: `wfgen build refuses this: [${finding.code}] ${finding.message.replace(/\s+/g, " ")}` });
  }
  return [...out.values()];
}

/** The workflow with each `uses:` replaced by its intent, as the TypeScript states it. */
function withIntents(value: Record<string, unknown>, decisions: ReadonlyMap<string, PinDecision>): Record<string, unknown> {
  const out = structuredClone(value);
  for (const { path } of usesSites(value)) {
    const decision = decisions.get(pathKey(path));
    if (!decision) continue;
    let node = out as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = decision.intent;
  }
  return out;
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

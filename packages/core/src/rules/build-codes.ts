/**
 * The codes only `wfgen build` (and `check`, `lint` of workflows.ts, `explain`) reports: problems of the
 * TypeScript itself (a handle used as a value), of the files the build writes, of the lockfile, and of the
 * permissions the planner decides. Problems a hand-written workflow can have too are lint rules (rules/),
 * reported by the build under the rule's id. Each code has a section of docs/rules/build-checks.md.
 */
import type { Severity } from "../diagnostics.ts";

/** A code of the build, as the registry (codes.ts) holds it. */
export interface BuildCode {
  id: string;
  severity: Severity;
  summary: string;
  /** The usual fix, for workflows.ts. */
  fix: string;
  /** False when no reason can make the problem acceptable: the build could not write a working file. */
  suppressible: boolean;
  aliases?: readonly string[];
}

const PAGE = "docs/rules/build-checks.md";

/** The docs anchor of a build code: its section of docs/rules/build-checks.md. */
export function buildCodeDocs(id: string): string {
  return `${PAGE}#${id}`;
}

export const BUILD_CODES: readonly BuildCode[] = [
  // The files the build writes.
  {
    id: "duplicate-output-file",
    severity: "error",
    summary: "Two exported workflows write the same file (also when the names differ only in case).",
    fix: "Give one of them another file name (the first argument of workflow()) or another output folder.",
    suppressible: false,
  },
  {
    id: "hand-written-file",
    severity: "error",
    summary: "A workflow would overwrite a file that wfgen did not generate (it has no wfgen header).",
    fix: "Name the workflow differently, or delete the hand-written file if the workflow replaces it.",
    suppressible: false,
  },
  {
    id: "missing-pin",
    severity: "error",
    summary: "A remote action or reusable workflow has no entry in wfgen.lock.json, so the build cannot pin it to a commit SHA.",
    fix: "Run `npx wfgen pin` to resolve it and record it in wfgen.lock.json.",
    suppressible: false,
  },
  // The TypeScript: what the DSL's values and handles allow.
  {
    id: "invalid-uses",
    severity: "error",
    summary: "uses() is given something that is not an action reference (or a reusable workflow, which runs as a job).",
    fix: 'Write "owner/repo@ref", "owner/repo/path@ref", "docker://image:tag" or "./local/path"; call a reusable workflow from job({ uses }).',
    suppressible: false,
  },
  {
    id: "invalid-action-input",
    severity: "error",
    summary: "A typed action binding is given a value of a type its input does not take.",
    fix: "Pass a value of the type the message names, or an expression.",
    suppressible: true,
  },
  {
    id: "missing-env",
    severity: "error",
    summary: "A job made for several workflows reads env variables that its workflow does not define.",
    fix: "Define the variables in the workflow's env.",
    suppressible: true,
  },
  {
    id: "duplicate-job-handle",
    severity: "error",
    summary: "The same job() value is listed twice in a workflow's jobs.",
    fix: "Call job() once per job; to reuse a definition, write a function that returns a new job().",
    suppressible: false,
  },
  {
    id: "needs-invalid",
    severity: "error",
    summary: "A needs entry is neither a job handle nor a job id.",
    fix: "List job handles (or job ids) in needs.",
    suppressible: false,
  },
  {
    id: "script-outside-run",
    severity: "error",
    summary: "A script of the sh (or pwsh) template is used somewhere other than a step's run.",
    fix: "Use sh`...` only as a step or as the value of run.",
    suppressible: false,
  },
  {
    id: "unsafe-script",
    severity: "error",
    summary: "The sh (or pwsh) template cannot write this script safely: a constant holding ${{, a NUL, or an expression where the shell would not treat it as data (a quoted here-document, PowerShell single quotes, shell arithmetic).",
    fix: "Interpolate the expression itself (not text holding ${{), outside here-documents with quoted delimiters, single-quoted PowerShell strings and shell arithmetic.",
    suppressible: false,
  },
  {
    id: "invalid-value",
    severity: "error",
    summary: "A value in the workflow's definition is one YAML cannot hold: a function, a symbol, a BigInt, `undefined` in a list, a value that contains itself, or one nested too deep.",
    fix: "Pass the plain value (a string, number, boolean, array or object) at the place the message names.",
    suppressible: false,
  },
  {
    id: "invalid-file-name",
    severity: "error",
    summary: "A workflow's file name, changed after workflow() checked it, is not one path segment of safe characters that GitHub runs.",
    fix: 'Give workflow() a plain file name such as "ci", and do not change it afterwards.',
    suppressible: false,
  },
  {
    id: "handle-as-value",
    severity: "error",
    summary: "A step or job handle is used as a value, where one of its outputs was meant.",
    fix: "Read one of its outputs (handle.outputs.name) instead.",
    suppressible: false,
  },
  // Permissions the planner cannot decide or GitHub would refuse (the others are the permission rules).
  {
    id: "permissions-undeclared",
    severity: "error",
    summary: "A step gets GITHUB_TOKEN and wfgen cannot know which scopes it needs.",
    fix: "Declare them on the step (step({ ... }, { permissions: { ... } })), or set the job's permissions to unchecked({ ... }).",
    suppressible: false,
  },
  {
    id: "permissions-call-underprovisioned",
    severity: "error",
    summary: "A job calling a reusable workflow grants less than a nested job of that workflow requests; GitHub refuses to run it.",
    fix: 'Grant what the nested job requests on the calling job, or set its permissions to "infer".',
    suppressible: false,
  },
  {
    id: "permissions-call-unknown",
    severity: "error",
    summary: "A job whose permissions are inferred calls a workflow this build does not produce.",
    fix: "Give the calling job an explicit permissions block with what the called workflow's jobs request.",
    suppressible: false,
  },
  // `wfgen explain`.
  {
    id: "explain-unknown-workflow",
    severity: "error",
    summary: "wfgen explain names a workflow that workflows.ts does not export.",
    fix: "Name a workflow by its file name (ci.yml), its name without extension, or its export.",
    suppressible: false,
  },
  {
    id: "explain-unknown-job",
    severity: "error",
    summary: "wfgen explain names a job that the workflow does not have.",
    fix: "Name one of the workflow's jobs.",
    suppressible: false,
  },
];

/**
 * Diagnostics are data first: every renderer (CLI text, JSON, SARIF, GitHub annotations) reads the same record.
 */

export type Severity = "error" | "warning" | "info";

/** Where a diagnostic points: the model path, and the user's source position when it is known. */
export interface Location {
  /** The workflow's output file name, e.g. `deploy-image.yml`. */
  workflow?: string;
  job?: string;
  /** The step's id, or its name, or `#<index>` (1-based) when it has neither. */
  step?: string;
  /** The model path of the value at fault (`["jobs", "build", "needs", 0]`), when a check on the model knows it. */
  path?: readonly (string | number)[];
  /** Source file (absolute path or relative to the repository) and 1-based line/column. */
  file?: string;
  line?: number;
  column?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Kebab-case code, e.g. `missing-pin`, registered in rules/codes.ts and documented in docs/rules/. */
  code: string;
  /** What is wrong, in the user's own names. */
  message: string;
  /** How to fix it, as an instruction. */
  fix?: string;
  where: Location;
}

/** Thrown for problems in the user's workflow definitions; carries one or more diagnostics. */
export class WfgenError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join("\n"));
    this.name = "WfgenError";
    this.diagnostics = list;
  }
}

/** `workflow › job › step`, the path shown in every message. */
export function formatPath(where: Location): string {
  const parts: string[] = [];
  if (where.workflow) parts.push(where.workflow);
  if (where.job) parts.push(where.job);
  if (where.step) parts.push(`step ${where.step}`);
  return parts.join(" › ");
}

/** A model path as the YAML's keys read: `jobs.build.steps[2].run`. */
export function formatModelPath(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

/**
 * Where in the workflow a diagnostic is, when its position is in another file (`workflows.ts`): the YAML
 * path after the workflow, ` (jobs.build.steps[2].run)`; "" when the position is in the workflow itself.
 */
export function pathContext(where: Location): string {
  if (!where.path || where.path.length === 0 || where.file === undefined) return "";
  const file = where.file.replace(/\\/g, "/");
  if (where.workflow !== undefined && (file === where.workflow || file.endsWith(`/${where.workflow}`))) return "";
  return ` (${formatModelPath(where.path)})`;
}

/** One diagnostic as the lines the CLI prints: `file:line:col severity [code] path`, message, fix. */
export function formatDiagnostic(d: Diagnostic): string {
  const pos = d.where.file
    ? `${d.where.file}${d.where.line ? `:${d.where.line}${d.where.column ? `:${d.where.column}` : ""}` : ""} `
    : "";
  const path = formatPath(d.where);
  const lines = [`${pos}${d.severity} [${d.code}]${path ? ` ${path}` : ""}${pathContext(d.where)}`, `  ${d.message}`];
  if (d.fix) lines.push(`  Fix: ${d.fix}`);
  return lines.join("\n");
}

/**
 * Errors a command throws when it cannot run. Everything else that escapes a command is a wfgen bug
 * and becomes exit code 3 in the entry.
 */
import { ExitCode } from "./io.ts";

/** Where an error points in the user's files, relative to the working folder. */
export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

/** The command could not run (exit 2): bad arguments, a missing, failing or empty entry file. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Stable kebab-case code for `--json` output. */
  readonly code: string;
  readonly location: ErrorLocation | undefined;
  /** Extra lines printed after the message: a code frame, a hint. */
  readonly details: string[];
  /** Extra fields of the `--json` error object (`changed`: the files a failed write changed). */
  readonly json: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: {
      location?: ErrorLocation;
      details?: string[];
      exitCode?: ExitCode;
      json?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = "CliError";
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
    this.json = options.json ?? {};
    this.exitCode = options.exitCode ?? ExitCode.cannotRun;
  }
}

/** `file:line:col`, as far as it is known. */
export function formatLocation(location: ErrorLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

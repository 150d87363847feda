/**
 * The only door between a command and the process: commands write through it and read the
 * environment from it, so tests run them in-process and only the entry calls `process.exit`.
 */

/** Where a command writes text. */
export interface Output {
  write(text: string): unknown;
}

/** What a command gets instead of `process`. */
export interface IO {
  stdout: Output;
  stderr: Output;
  /** The folder relative paths on the command line are taken from (the process's working folder). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal; colours are used only then (and never with `NO_COLOR`). */
  isTTY: boolean;
}

/** Exit codes, documented in docs/cli.md. */
export const ExitCode = {
  ok: 0,
  /** The check failed: drift, validation errors, a hand-written file in the way. */
  failed: 1,
  /** The command could not run: bad arguments, a missing or failing entry file. */
  cannotRun: 2,
  /** A bug in wfgen. */
  internal: 3,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

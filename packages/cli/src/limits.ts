/**
 * The bounds that keep wfgen's work finite whatever it reads: the size of a file it reads, and how long and
 * how far it talks to GitHub's API. Defaults suit every real repository; each can be changed through an
 * environment variable (docs/cli.md, docs/security.md).
 */
import { CliError } from "./errors.ts";

/** The bounds in effect. */
export interface Limits {
  /** Largest file `lint`, `import`, `check`, `build`, `sync` and `add --from` read, and largest API answer. */
  maxFileBytes: number;
  /** How long one API request may take, its body included. */
  apiTimeoutMs: number;
  /** How long all of a command's API requests may take together. */
  apiDeadlineMs: number;
  /** How many pages one paginated API listing may have. */
  apiMaxPages: number;
}

const VARIABLES = {
  maxFileBytes: { name: "WFGEN_MAX_FILE_SIZE", default: 5 * 1024 * 1024, unit: "bytes", scale: 1 },
  apiTimeoutMs: { name: "WFGEN_API_TIMEOUT", default: 30_000, unit: "seconds", scale: 1000 },
  apiDeadlineMs: { name: "WFGEN_API_DEADLINE", default: 300_000, unit: "seconds", scale: 1000 },
  apiMaxPages: { name: "WFGEN_API_MAX_PAGES", default: 100, unit: "pages", scale: 1 },
} as const;

/** The limits `env` sets; throws CliError (exit 2) for a value that is not a positive number. */
export function limitsOf(env: Record<string, string | undefined>): Limits {
  const read = (key: keyof Limits): number => {
    const v = VARIABLES[key];
    const text = env[v.name];
    if (text === undefined || text === "") return v.default;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) {
      throw new CliError(
        "bad-environment",
        `${v.name}=${JSON.stringify(text)} is not a positive number of ${v.unit}; unset it for the default (${v.default / v.scale}).`,
      );
    }
    return Math.ceil(value * v.scale);
  };
  return {
    maxFileBytes: read("maxFileBytes"),
    apiTimeoutMs: read("apiTimeoutMs"),
    apiDeadlineMs: read("apiDeadlineMs"),
    apiMaxPages: read("apiMaxPages"),
  };
}

/** `bytes` for a message: `5 MiB`, `512 KiB`, `100 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

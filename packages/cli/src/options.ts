/**
 * The one table of commands and flags. `--help`, the argument parser and the reference in docs/cli.md
 * are all derived from it (a test keeps the doc in step), so a flag cannot exist in one and not the other.
 * Light on purpose: `cli.ts` imports it before any command is chosen.
 */

/** One flag. */
export interface OptionSpec {
  name: string;
  type: "boolean" | "string";
  short?: string;
  /** Placeholder for the value of a string flag, e.g. `dir`. */
  value?: string;
  /** Default, as shown to users. */
  default?: string;
  description: string;
}

/** Command names; each has a module `commands/<name>.ts`. */
export type CommandName = "build" | "check" | "init";

/** One command: what it does and which flags it takes. */
export interface CommandSpec {
  name: CommandName;
  summary: string;
  /** A paragraph for `wfgen <command> --help`. */
  description: string;
  options: OptionSpec[];
}

const cwd: OptionSpec = {
  name: "cwd",
  type: "string",
  value: "dir",
  default: "the current folder",
  description: "The repository to work on; other paths are relative to it.",
};
const entry: OptionSpec = {
  name: "entry",
  type: "string",
  value: "file",
  default: "workflows.ts",
  description: "The TypeScript file whose exported workflows are built (overrides wfgen.config.ts).",
};
const out: OptionSpec = {
  name: "out",
  type: "string",
  value: "dir",
  default: ".github/workflows",
  description: "The folder the YAML files go to (overrides wfgen.config.ts).",
};
const json: OptionSpec = {
  name: "json",
  type: "boolean",
  description: 'Print one machine-readable JSON object on stdout (`{ "version": 1, ... }`) instead of text.',
};
const quiet: OptionSpec = {
  name: "quiet",
  type: "boolean",
  short: "q",
  description: "Print only problems.",
};
const help: OptionSpec = { name: "help", type: "boolean", short: "h", description: "Show this help." };

/** Flags accepted without a command. */
export const globalOptions: OptionSpec[] = [
  help,
  { name: "version", type: "boolean", short: "v", description: "Print the version of wfgen." },
];

/** Every command, in the order `--help` lists them. */
export const commands: CommandSpec[] = [
  {
    name: "build",
    summary: "Write the workflow YAML files from workflows.ts.",
    description:
      "Renders and validates every exported workflow in memory first; if anything fails, nothing is written. " +
      "Then writes each file whose bytes changed (atomically), and leaves files without the wfgen header alone.",
    options: [
      cwd,
      entry,
      out,
      {
        name: "prune",
        type: "boolean",
        description: "Delete generated files whose workflow no longer exists (orphans).",
      },
      json,
      quiet,
      help,
    ],
  },
  {
    name: "check",
    summary: "Fail when the committed YAML differs from workflows.ts (the drift check).",
    description:
      "Renders every workflow in memory and compares it with the files on disk; writes nothing. " +
      "Prints a unified diff for each file that differs, is missing or is an orphan, and the command that fixes it. " +
      "With GITHUB_ACTIONS=true it also annotates the files and writes a summary to $GITHUB_STEP_SUMMARY.",
    options: [cwd, entry, out, json, quiet, help],
  },
  {
    name: "init",
    summary: "Write a starter workflows.ts.",
    description:
      "Writes a starter workflows.ts with a CI workflow. Never overwrites a file: if the entry file exists, " +
      "it says so and changes nothing.",
    options: [cwd, entry, json, quiet, help],
  },
];

/** `--name <value>` or `-q, --quiet`, as listed in help. */
export function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}${option.value ? ` <${option.value}>` : ""}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** The exit codes every command shares. */
export const exitCodes: Array<{ code: number; meaning: string }> = [
  { code: 0, meaning: "success: everything is up to date, or was written" },
  { code: 1, meaning: "the check failed: drift, validation errors, or a hand-written file in the way" },
  { code: 2, meaning: "the command could not run: bad arguments, a missing, failing or empty entry file" },
  { code: 3, meaning: "internal error: a bug in wfgen (please report it)" },
];

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join("\n");
}

/** `wfgen --help`. */
export function mainHelp(version: string): string {
  return [
    `wfgen ${version}: GitHub Actions workflows as typed TypeScript`,
    "",
    "Usage: wfgen <command> [options]",
    "",
    "Commands:",
    table(commands.map((c) => [c.name, c.summary])),
    "",
    "Options:",
    table(globalOptions.map((o) => [optionLabel(o), o.description])),
    "",
    "Run `wfgen <command> --help` for the options of a command.",
    "",
  ].join("\n");
}

/** `wfgen <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  return [
    `Usage: wfgen ${spec.name} [options]`,
    "",
    spec.summary,
    spec.description,
    "",
    "Options:",
    table(
      spec.options.map((o) => [optionLabel(o), o.default ? `${o.description} Default: ${o.default}.` : o.description]),
    ),
    "",
    "Exit codes:",
    table(exitCodes.map((e) => [String(e.code), e.meaning])),
    "",
  ].join("\n");
}

/** The Markdown table of a command's flags that docs/cli.md must contain verbatim. */
export function optionsMarkdown(spec: CommandSpec): string {
  const rows = spec.options.map(
    (o) => `| \`${optionLabel(o)}\` | ${o.default ?? ""} | ${o.description.replaceAll("|", "\\|")} |`,
  );
  return ["| Flag | Default | What it does |", "| --- | --- | --- |", ...rows].join("\n");
}

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
export type CommandName = "build" | "check" | "init" | "pin" | "update" | "sync" | "add" | "import" | "explain" | "lint";

/** One command: what it does and which flags it takes. */
export interface CommandSpec {
  name: CommandName;
  summary: string;
  /** A paragraph for `wfgen <command> --help`. */
  description: string;
  options: OptionSpec[];
  /** The one optional argument the command takes besides flags, e.g. `action`; none when undefined. */
  argument?: { name: string; description: string; variadic?: boolean };
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

const offline: OptionSpec = {
  name: "offline",
  type: "boolean",
  description: "Resolve from the catalog that ships with wfgen only; never use the network.",
};

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
      "With GITHUB_ACTIONS=true it also annotates the files and writes a summary to $GITHUB_STEP_SUMMARY. " +
      "With --types it then runs the project's own TypeScript (tsc --noEmit) on workflows.ts.",
    options: [
      cwd,
      entry,
      out,
      {
        name: "types",
        type: "boolean",
        description:
          "Also type-check with the project's own `typescript` (its tsconfig.json when there is one); exit 2 when it is not installed.",
      },
      json,
      quiet,
      help,
    ],
  },
  {
    name: "lint",
    summary: "Security lint of workflows.ts's workflows, or of any workflow YAML files.",
    description:
      "With files (paths, folders or globs relative to --cwd), lints those workflow files as they are. Without, lints " +
      "the YAML that workflows.ts generates (findings point at its lines, as `wfgen build` writes it), or the committed " +
      ".github/workflows/*.yml when there is no workflows.ts. Exits 1 when a finding is at or above --fail-on. " +
      "The rules are described in docs/rules/README.md; wfgen.config.ts can change their severity and suppress findings.",
    options: [
      cwd,
      entry,
      out,
      {
        name: "format",
        type: "string",
        value: "format",
        default: "text",
        description: "text, json (versioned, `{ \"version\": 1, ... }`) or sarif (SARIF 2.1.0 for GitHub code scanning).",
      },
      {
        name: "fail-on",
        type: "string",
        value: "severity",
        default: "error",
        description: "Exit 1 when any finding is at or above this severity: error, warning or info.",
      },
      { name: "json", type: "boolean", description: "The same as --format json." },
      quiet,
      help,
    ],
    argument: { name: "files...", description: "Workflow files, folders of them, or globs; none: the project.", variadic: true },
  },
  {
    name: "init",
    summary: "Write a starter workflows.ts.",
    description:
      "Writes a starter workflows.ts with a CI workflow. Never overwrites a file: if the entry file exists, " +
      "it says so and changes nothing.",
    options: [cwd, entry, json, quiet, help],
  },
  {
    name: "pin",
    summary: "Resolve the actions workflows.ts uses into wfgen.lock.json (commit SHA and tag).",
    description:
      "Finds every remote action and reusable workflow intent (owner/repo@v7) that wfgen.lock.json lacks, resolves it " +
      "to a commit SHA and its most specific tag through GitHub's API (GITHUB_TOKEN or GH_TOKEN is used when set), and " +
      "writes the lock. Without network access it falls back to the offline catalog and says so. Entries no workflow " +
      "uses any more are removed.",
    options: [cwd, entry, offline, json, quiet, help],
  },
  {
    name: "update",
    summary: "Re-resolve the pins in wfgen.lock.json (a tag may have moved) and report what changed.",
    description:
      "Resolves every pinned intent again, or only those of the action given (owner/repo or owner/repo@ref), and " +
      "records new commits. With --major, also finds the newest major release and records it under the new intent, " +
      "which you then write in workflows.ts. For each change it lists the inputs and outputs the action added or removed.",
    options: [
      cwd,
      entry,
      {
        name: "major",
        type: "boolean",
        description: "Also move to the newest major release; prints the intent to change in workflows.ts.",
      },
      offline,
      json,
      quiet,
      help,
    ],
    argument: { name: "action", description: "Only this action: owner/repo, owner/repo/path or owner/repo@ref." },
  },
  {
    name: "sync",
    summary: "Take action updates made to the generated YAML (Dependabot, Renovate) into wfgen.lock.json.",
    description:
      "Reads each pinned uses: line (owner/repo@<sha> # <tag>) and pinned image of the generated files and records " +
      "the SHA and tag in wfgen.lock.json, so that the next `wfgen check` passes. When a bot moved an action to " +
      "another major version, it says which intent to change in workflows.ts.",
    options: [cwd, entry, out, json, quiet, help],
  },
  {
    name: "add",
    summary: "Generate a typed binding for any action into your project, and pin it in wfgen.lock.json.",
    description:
      "Resolves owner/repo[/path]@ref to a commit as `wfgen pin` does (or takes the commit wfgen.lock.json already " +
      "has), reads the action's action.yml at that commit from GitHub (or the file given with --from), and writes a " +
      "typed binding module, typed like wfgen's own bindings, to wfgen/actions/owner/repo.ts next to the entry " +
      "file. Records the intent in wfgen.lock.json and prints the import to write. Never replaces a binding without --force.",
    options: [
      cwd,
      entry,
      {
        name: "from",
        type: "string",
        value: "file",
        description: "Read the action's metadata from this action.yml instead of fetching it from GitHub.",
      },
      {
        name: "out",
        type: "string",
        value: "dir",
        default: "wfgen/actions next to the entry file",
        description: "The folder bindings go to, one module per action (owner/repo.ts).",
      },
      { name: "force", type: "boolean", description: "Replace the binding if it exists." },
      offline,
      json,
      quiet,
      help,
    ],
    argument: { name: "action", description: "The action and release to bind: owner/repo@ref or owner/repo/path@ref." },
  },
  {
    name: "explain",
    summary: "Show why each GITHUB_TOKEN permission of a workflow's jobs is granted.",
    description:
      "For every scope each job of the workflow is granted (inferred or written in workflows.ts), lists the steps that " +
      "need it and why, and reports missing or excessive grants as the build does. The workflow is its file name " +
      "without .yml (deploy-image) or its export name (deployImage); a job id narrows it to that job.",
    options: [cwd, entry, json, quiet, help],
    argument: { name: "workflow [job]", description: "The workflow to explain, and optionally one of its jobs.", variadic: true },
  },
  {
    name: "import",
    summary: "Turn existing workflow YAML files into a workflows.ts (and wfgen.lock.json entries).",
    description:
      "Reads each workflow file (or every .yml/.yaml file of a folder) and writes one TypeScript file that uses the DSL: " +
      "typed actions, step and job handles, comments kept. Refs become intents pinned in wfgen.lock.json to what the " +
      "YAML ran. A file that cannot be imported is reported with its line and the others are still imported. " +
      "Never replaces an existing file without --force.",
    options: [
      cwd,
      {
        name: "out",
        type: "string",
        value: "file",
        default: "workflows.ts",
        description: "The TypeScript file to write; wfgen.lock.json goes next to it.",
      },
      { name: "force", type: "boolean", description: "Replace the --out file if it exists." },
      {
        name: "per-folder",
        type: "boolean",
        description:
          "Write one TypeScript file per folder of YAML files, so file names may repeat across folders (several repositories, a monorepo): <dir>/.github/workflows/*.yml goes to <dir>/workflows.ts (--out names the file), any other folder to a workflows.ts inside it.",
      },
      json,
      quiet,
      help,
    ],
    argument: { name: "file.yml...", description: "Workflow files, or folders of them, to import.", variadic: true },
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
    `Usage: wfgen ${spec.name}${spec.argument ? ` [${spec.argument.name}]` : ""} [options]`,
    "",
    spec.summary,
    spec.description,
    ...(spec.argument ? ["", "Arguments:", table([[spec.argument.name, spec.argument.description]])] : []),
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

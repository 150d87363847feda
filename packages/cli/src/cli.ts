/**
 * The entry: parse the command line against the option table, then import the one command that runs.
 * Only light modules are imported here, so `--version` and `--help` stay fast (see bench/).
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { setFlagsFromString } from "node:v8";
import { CliError, formatLocation } from "./errors.ts";
import { ExitCode, type IO } from "./io.ts";
import { visible } from "./output/visible.ts";
import { commandHelp, commands, globalOptions, mainHelp, type CommandSpec, type OptionSpec } from "./options.ts";

// The code of a failure (like CliError's codes), not of a finding: findings' codes live in core's registry.
const INTERNAL_ERROR = "internal-error";

/** Parsed flag values, keyed by long name. */
type Values = Record<string, string | boolean | undefined>;

/** Run wfgen with `argv` (without `node` and the script) and return the exit code. */
export async function run(argv: string[], io: IO): Promise<ExitCode> {
  // Known before the flags are parsed, so that a bad flag next to --json is reported as JSON too.
  let json = argv.includes("--json");
  let commandName: string | undefined;
  try {
    const split = splitCommand(argv);
    commandName = split.command;
    if (split.command === undefined) return runGlobal(split.rest, io);
    const spec = commands.find((c) => c.name === split.command);
    if (!spec) {
      throw new CliError(
        "unknown-command",
        `unknown command "${split.command}". Commands: ${commands.map((c) => c.name).join(", ")}. Run \`wfgen --help\`.`,
      );
    }
    const positionals: string[] = [];
    const values = parseFlags(
      spec.options,
      split.rest,
      `wfgen ${spec.name}`,
      spec.argument ? (spec.argument.variadic ? Infinity : 1) : 0,
      positionals,
    );
    json = values.json === true || values.format === "json";
    if (values.help) {
      io.stdout.write(commandHelp(spec));
      return ExitCode.ok;
    }
    return await runCommand(spec, values, io, positionals);
  } catch (error) {
    return reportError(error, io, json, commandName);
  }
}

/** Run wfgen as the `wfgen` process and exit with its code. */
export async function main(argv: string[]): Promise<never> {
  // Node lets the young generation grow to 32 MB. On a machine where fresh memory is costly (a virtual
  // machine's first touch of a page), keeping it at its first size made `check` of 200 workflows 5 %
  // faster, with the same results (docs/performance.md). The factor is read each time the space would
  // grow, so setting it now holds. Only on the Node measured: V8 prints an error for a flag it lacks.
  //
  // V8 sends a function to TurboFan, its optimising compiler, once the function has run a budget of its code.
  // In a process that lives a second, those compiles took the second core from the collector's helpers and
  // the file reads: 630 ms of them in `check` of 200 workflows. Four times the budget leaves TurboFan the
  // hottest functions (35 of 69, 220 ms), and that `check` 8 % faster; 1,000 workflows take the same time.
  if (process.versions.node.startsWith("20.")) {
    setFlagsFromString("--semi-space-growth-factor=1");
    setFlagsFromString("--interrupt-budget=270336");
  }
  // glibc's malloc maps each block of 128 KB or more on its own, and gives its pages back when it is freed,
  // so the next one starts on fresh pages: the two reads of a large workflows.ts, node's decoding of it,
  // V8's parser. Freeing one mapped block raises that threshold to the block's size (and the heap's trim
  // threshold to twice it), and nothing else can set it after the process starts. This untouched 8 MB
  // buffer is freed at the first collection: `check` of 200 workflows then takes 22,000 page faults
  // instead of 27,000, and 5 % less time (docs/performance.md). Elsewhere it costs a map and an unmap.
  if (process.platform === "linux") Buffer.allocUnsafeSlow(8 * 1024 * 1024);
  // A reader that stops early (`wfgen check | head`) closes the pipe. What is left to print has no reader
  // then, and the command still ends with its own exit code, not with Node's stack trace for the write.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  });
  // Exiting while a pipe still holds a long diff would cut it; wait until both streams are drained.
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise((resolve) => s.write("", resolve))));
  process.exit(code);
}

async function runCommand(spec: CommandSpec, values: Values, io: IO, positionals: string[]): Promise<ExitCode> {
  const common = {
    cwd: values.cwd as string | undefined,
    entry: values.entry as string | undefined,
    json: values.json === true,
    quiet: values.quiet === true,
  };
  switch (spec.name) {
    case "build": {
      const { build } = await import("./commands/build.ts");
      return build({ ...common, out: values.out as string | undefined, prune: values.prune === true }, io);
    }
    case "check": {
      const { check } = await import("./commands/check.ts");
      return check({ ...common, out: values.out as string | undefined, types: values.types === true }, io);
    }
    case "init": {
      const { init } = await import("./commands/init.ts");
      return init(common, io);
    }
    case "pin": {
      const { pin } = await import("./commands/pin.ts");
      return pin({ ...common, offline: values.offline === true }, io);
    }
    case "update": {
      const { update } = await import("./commands/update.ts");
      return update(
        { ...common, offline: values.offline === true, major: values.major === true, action: positionals[0] },
        io,
      );
    }
    case "import": {
      const { importCommand } = await import("./commands/import.ts");
      return importCommand(
        {
          cwd: common.cwd,
          out: values.out as string | undefined,
          force: values.force === true,
          perFolder: values["per-folder"] === true,
          json: common.json,
          quiet: common.quiet,
          files: positionals,
        },
        io,
      );
    }
    case "lint": {
      const { lint } = await import("./commands/lint.ts");
      return lint(
        {
          ...common,
          out: values.out as string | undefined,
          files: positionals,
          format: values.format as string | undefined,
          failOn: values["fail-on"] as string | undefined,
        },
        io,
      );
    }
    case "explain": {
      const { explain } = await import("./commands/explain.ts");
      return explain({ ...common, names: positionals }, io);
    }
    case "sync": {
      const { sync } = await import("./commands/sync.ts");
      return sync({ ...common, out: values.out as string | undefined }, io);
    }
    case "add": {
      const { add } = await import("./commands/add.ts");
      return add(
        {
          ...common,
          action: positionals[0],
          from: values.from as string | undefined,
          out: values.out as string | undefined,
          force: values.force === true,
          offline: values.offline === true,
        },
        io,
      );
    }
  }
}

function runGlobal(args: string[], io: IO): ExitCode {
  const values = parseFlags(globalOptions, args, "wfgen");
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  io.stdout.write(mainHelp(version()));
  return ExitCode.ok;
}

/** The first positional argument is the command; flags may come before or after it. */
function splitCommand(argv: string[]): { command: string | undefined; rest: string[] } {
  const all = [...globalOptions, ...commands.flatMap((c) => c.options)];
  // Not strict: this pass only finds the command; the strict pass below reports unknown flags.
  const { tokens } = parseArgs({
    args: argv,
    options: toConfig(all),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional = tokens.find((t) => t.kind === "positional");
  if (!positional) return { command: undefined, rest: argv };
  return { command: positional.value, rest: argv.filter((_, i) => i !== positional.index) };
}

/** Strict flag parsing; up to `maxPositionals` arguments are collected into `positionals`. */
function parseFlags(
  options: OptionSpec[],
  args: string[],
  prefix: string,
  maxPositionals = 0,
  positionals: string[] = [],
): Values {
  const known = new Set(options.flatMap((o) => (o.short ? [o.name, o.short] : [o.name])));
  const { tokens } = parseArgs({
    args,
    options: toConfig(options),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === "option" && !known.has(token.name)) {
      throw new CliError(
        "unknown-option",
        `${prefix}: unknown option ${token.rawName}. Run \`${prefix} --help\` for the options.`,
      );
    }
    if (token.kind === "positional") {
      if (positionals.length < maxPositionals) {
        positionals.push(token.value);
        continue;
      }
      throw new CliError(
        "unexpected-argument",
        `${prefix}: unexpected argument "${token.value}". Run \`${prefix} --help\`.`,
      );
    }
  }
  try {
    return parseArgs({ args, options: toConfig(options), strict: true, allowPositionals: maxPositionals > 0 })
      .values as Values;
  } catch (error) {
    // parseArgs's own wording for the rest (a missing value, a value given to a boolean flag).
    throw new CliError("bad-argument", `${prefix}: ${(error as Error).message}`);
  }
}

function toConfig(options: OptionSpec[]): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    options.map((o) => [o.name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  );
}

function reportError(error: unknown, io: IO, json: boolean, command: string | undefined): ExitCode {
  if (error instanceof CliError) {
    if (json) {
      const location = error.location ? { location: error.location } : {};
      io.stdout.write(
        `${JSON.stringify({ version: 1, command, ok: false, error: { code: error.code, message: error.message, ...location, ...error.json } }, null, 2)}\n`,
      );
    } else {
      const where = error.location ? `${formatLocation(error.location)}: ` : "";
      io.stderr.write(visible(`${where}error: ${error.message}\n${error.details.map((d) => `${d}\n`).join("")}`));
    }
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) {
    const message = error instanceof Error ? error.message : String(error);
    io.stdout.write(
      `${JSON.stringify({ version: 1, command, ok: false, error: { code: INTERNAL_ERROR, message } }, null, 2)}\n`,
    );
  }
  io.stderr.write(
    `wfgen: internal error: ${detail}\n\n` +
      "This is a bug in wfgen, not in your workflows. Please report it in wfgen's issue tracker with the output above and:\n" +
      `  wfgen ${version()}, Node ${process.version}, ${process.platform}-${process.arch}\n`,
  );
  return ExitCode.internal;
}

/** The version in package.json, one folder up from both `src/` and the built `dist/`. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

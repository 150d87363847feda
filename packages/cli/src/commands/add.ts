/**
 * `wfgen add owner/repo[/path]@ref`: a typed binding for any action, generated into the user's project from
 * its action.yml at the pinned commit (or from `--from`), with the same typing rules as wfgen's own bindings,
 * and the intent's entry in wfgen.lock.json. The generator (ts-morph) is loaded here only.
 */
import { requireOptional } from "../optional.ts";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { bindingFile, bindingsDir, importSpecifier } from "../add/paths.ts";
import { fetchActionYml, pinOf, readFrom, remote, type AddIntent } from "../add/source.ts";
import { CliError } from "../errors.ts";
import { ExitCode, type IO } from "../io.ts";
import { limitsOf } from "../limits.ts";
import { lockChange, lockPathOf, readLockFile } from "../load/lock.ts";
import { resolveProjects, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { noteTaker } from "../output/notes.ts";
import { styleFor } from "../output/style.ts";
import { displayPath } from "../paths.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { leftoverNote } from "../fs/leftovers.ts";
import { plural } from "../output/diagnostics.ts";

/** Flags and argument of `wfgen add`. */
export interface AddOptions extends Omit<ProjectFlags, "out"> {
  /** `owner/repo[/path]@ref`. */
  action: string | undefined;
  /** Read the metadata from this file instead of fetching it. */
  from: string | undefined;
  /** The bindings folder; `wfgen/actions` next to the entry file by default. */
  out: string | undefined;
  force: boolean;
  offline: boolean;
  json: boolean;
  quiet: boolean;
}

/** Generate the binding and pin it; see docs/actions.md. Exit 1 when the binding exists (without --force). */
export async function add(options: AddOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const show = (path: string): string => displayPath(path, io.cwd);
  // The generator and ts-morph load only here, in `wfgen add`.
  requireOptional("add", ["ts-morph"]);
  const codegen = await import("@wfgen/actions/codegen");
  const intent = parseIntent(options.action, codegen.parseActionIntent);

  const root = resolveRoot(options, io.cwd);
  const projects = await resolveProjects(root, { cwd: options.cwd, entry: options.entry }, io.cwd);
  if (projects.length > 1) {
    throw new CliError(
      "several-projects",
      `wfgen.config.ts lists ${projects.length} projects; say which one the binding is for with --entry <file>.`,
    );
  }
  const { entry } = projects[0]!;
  const file = bindingFile(bindingsDir(root, entry, options.out), intent.name);
  const previous = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (previous !== undefined && !options.force) {
    throw new CliError(
      "binding-exists",
      `${show(file)} already exists; wfgen add changed nothing. Pass --force to generate it again.`,
      { exitCode: ExitCode.failed },
    );
  }

  const { notes, note } = noteTaker(io, options.json, style);
  const lockPath = lockPathOf(entry);
  const lock = await readLockFile(lockPath, io.cwd);
  const github = remote(io, options.offline, note);
  const pin = await pinOf(intent, lock, github, {
    lenient: options.from !== undefined,
    note,
    lockDisplay: show(lockPath),
  });
  const yml =
    options.from !== undefined
      ? readFrom(options.from, root, io.cwd, limitsOf(io.env).maxFileBytes)
      : await fetchActionYml(intent, pin, github);

  const { ActionYmlError, renderBinding } = codegen;
  let rendered: ReturnType<typeof renderBinding>;
  try {
    rendered = renderBinding({
      actionYml: yml.text,
      intent: intent.key,
      sha: yml.sha,
      file: yml.file,
      header: header(intent, yml.sha, options),
    });
  } catch (error) {
    if (!(error instanceof ActionYmlError)) throw error;
    throw new CliError("invalid-action-yml", `${yml.display}: ${error.message}.`, {
      location: {
        file: options.from !== undefined ? yml.display : `${yml.display}/${yml.file}`,
        ...(error.line !== undefined && { line: error.line, column: error.column }),
      },
      details: ["Fix: point --from at the action's own action.yml, or name another release of the action."],
    });
  }

  // Everything is known; now the binding and the lock entry are written together, or neither is.
  const bindingStatus = previous === rendered.text ? "unchanged" : "written";
  const changes: FileChange[] = bindingStatus === "written" ? [{ path: file, content: rendered.text }] : [];
  if (pin.entry) lock.actions[intent.key] = pin.entry;
  const lockUpdate = pin.entry ? await lockChange(lockPath, lock, io.cwd) : undefined;
  if (lockUpdate) changes.push(lockUpdate);
  const lockWritten = lockUpdate !== undefined;
  for (const leftover of applyChanges(root, changes, io.cwd).leftovers) note(leftoverNote(leftover));

  const specifier = importSpecifier(entry, file);
  const importLine = `import { ${rendered.name} } from ${JSON.stringify(specifier)};`;
  if (options.json) {
    const result = {
      version: 1,
      command: "add",
      ok: true,
      intent: intent.key,
      binding: { path: show(file), status: bindingStatus, name: rendered.name, import: importLine, ...rendered.types },
      inputs: rendered.inputs,
      outputs: rendered.outputs,
      pin: pin.sha === undefined ? null : { sha: pin.sha, ...(pin.tag && { tag: pin.tag }), source: pin.source },
      lock: { path: show(lockPath), written: lockWritten },
      notes,
    };
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (options.quiet) return ExitCode.ok;
  if (pin.entry) io.stdout.write(`${style.green("pinned ")} ${intent.key} -> ${pin.entry.sha} # ${pin.entry.tag}\n`);
  io.stdout.write(`${bindingStatus === "written" ? style.green("written") : "unchanged"} ${show(file)}\n`);
  if (lockWritten) io.stdout.write(`${style.green("written")} ${show(lockPath)}\n`);
  const counts = `${plural(rendered.inputs.length, "input")} and ${plural(rendered.outputs.length, "output")}`;
  io.stdout.write(
    `wfgen add: ${rendered.name}() calls ${intent.key} (${counts}). Import it in ${basename(entry)}:\n  ${importLine}\n`,
  );
  return ExitCode.ok;
}

function parseIntent(
  action: string | undefined,
  parse: (intent: string) => (Omit<AddIntent, "path"> & { path?: string }) | undefined,
): AddIntent {
  const usage = "for example: npx wfgen add actions/setup-go@v6, or npx wfgen add github/codeql-action/init@v4";
  if (action === undefined) throw new CliError("no-action", `wfgen add needs the action to bind, ${usage}.`);
  if (action.startsWith("./") || action.startsWith("docker://")) {
    throw new CliError(
      "not-remote",
      `wfgen add binds actions of GitHub repositories (owner/repo@ref), not "${action}".`,
    );
  }
  const parts = parse(action);
  if (!parts) {
    const hint = action.includes("@") ? "" : " The release is required: owner/repo@v1.";
    throw new CliError("bad-action", `"${action}" is not an action: write owner/repo[/path]@ref, ${usage}.${hint}`);
  }
  if (parts.path !== undefined && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(parts.path)) {
    throw new CliError(
      "reusable-workflow",
      `${action} is a reusable workflow, which runs as a job, not a step: write job({ uses: "${action}", with: {...} }).`,
    );
  }
  return parts;
}

/** The module's comment: what made it and the command that makes it again. */
function header(intent: AddIntent, sha: string | undefined, options: AddOptions): string[] {
  const flags = [
    ...(options.from !== undefined ? [`--from ${oneLine(options.from)}`] : []),
    ...(options.out !== undefined ? [`--out ${oneLine(options.out)}`] : []),
    ...(options.entry !== undefined ? [`--entry ${oneLine(options.entry)}`] : []),
  ];
  const what = options.from !== undefined ? `from ${oneLine(options.from)}` : `from action.yml at ${sha}`;
  return [
    `Generated by \`wfgen add\` for ${intent.key} ${what}; do not edit.`,
    `Regenerate with: npx wfgen add ${intent.key}${flags.map((f) => ` ${f}`).join("")} --force`,
  ];
}


/** A path as it can stand in a `//` comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

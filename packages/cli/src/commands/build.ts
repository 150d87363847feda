/**
 * `wfgen build`: all or nothing. Everything is rendered and checked in memory; only when nothing is
 * wrong are files written, each atomically and only when its bytes change.
 */
import { ExitCode, type IO } from "../io.ts";
import type { ProjectFlags } from "../load/project.ts";
import { formatDiagnostics, hasErrors, plural } from "../output/diagnostics.ts";
import { styleFor } from "../output/style.ts";
import { makePlan } from "../plan.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { leftoverNote } from "../fs/leftovers.ts";
import { noteTaker } from "../output/notes.ts";

/** Flags of `wfgen build`. */
export interface BuildOptions extends ProjectFlags {
  prune: boolean;
  json: boolean;
  quiet: boolean;
}

type FileResult = { path: string; status: "written" | "unchanged" };
type OrphanResult = { path: string; status: "orphan" | "deleted" };

/** Build every workflow; see docs/cli.md for the output and exit codes. */
export async function build(options: BuildOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const plan = await makePlan(options, io, "changed");
  if (hasErrors(plan.diagnostics)) {
    const errors = plan.diagnostics.filter((d) => d.severity === "error").length;
    if (options.json) {
      writeJson(io, { ok: false, files: [], orphans: [], diagnostics: plan.diagnostics });
    } else {
      io.stderr.write((await formatDiagnostics(plan.diagnostics, style)));
      io.stderr.write(`${style.red("wfgen build:")} ${plural(errors, "error")}; nothing was written.\n`);
    }
    return ExitCode.failed;
  }

  const changes: FileChange[] = [];
  const files: FileResult[] = plan.files.map((file) => {
    if (file.current === file.content) return { path: file.display, status: "unchanged" };
    changes.push({ path: file.path, content: file.content });
    return { path: file.display, status: "written" };
  });
  const orphans: OrphanResult[] = plan.orphans.map((orphan) => {
    if (!options.prune) return { path: orphan.display, status: "orphan" };
    changes.push({ path: orphan.path });
    return { path: orphan.display, status: "deleted" };
  });
  const { note, notes } = noteTaker(io, options.json, style);
  const { leftovers } = applyChanges(plan.root, changes, io.cwd, plan.folders);
  for (const file of leftovers) note(leftoverNote(file));

  if (options.json) {
    writeJson(io, { ok: true, files, orphans, diagnostics: plan.diagnostics, ...(notes.length > 0 && { notes }) });
    return ExitCode.ok;
  }
  if (plan.diagnostics.length > 0) io.stderr.write((await formatDiagnostics(plan.diagnostics, style)));
  if (!options.quiet) {
    for (const f of files)
      io.stdout.write(`${f.status === "written" ? style.green("written  ") : style.dim("unchanged")} ${f.path}\n`);
    for (const o of orphans) {
      io.stdout.write(
        o.status === "deleted"
          ? `${style.yellow("deleted  ")} ${o.path}\n`
          : `${style.yellow("orphan   ")} ${o.path}\n`,
      );
    }
  }
  const left = orphans.filter((o) => o.status === "orphan").length;
  if (left > 0) {
    io.stderr.write(
      `${plural(left, "generated file")} no longer ${left === 1 ? "has its" : "have their"} workflow in the source; ` +
        "`npx wfgen build --prune` deletes them.\n",
    );
  }
  if (!options.quiet) {
    const written = files.filter((f) => f.status === "written").length;
    const parts = [`${written} written`, `${files.length - written} unchanged`];
    if (orphans.length) parts.push(options.prune ? `${orphans.length} deleted` : plural(orphans.length, "orphan"));
    io.stdout.write(`wfgen build: ${parts.join(", ")}.\n`);
  }
  return ExitCode.ok;
}

function writeJson(
  io: IO,
  result: { ok: boolean; files: FileResult[]; orphans: OrphanResult[]; diagnostics: unknown[]; notes?: string[] },
): void {
  io.stdout.write(`${JSON.stringify({ version: 1, command: "build", ...result }, null, 2)}\n`);
}

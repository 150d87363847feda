/**
 * `wfgen pin`: resolve every intent `workflows.ts` states that `wfgen.lock.json` lacks, and drop entries no
 * workflow uses any more. The only command besides `update` that goes online; the build never does.
 */
import { formatPath, isFullSha, type Lock, type Location, type RemoteIntent } from "@wfgen/core";
import { chooseResolver } from "../github/choose.ts";
import { ResolveError } from "../github/resolver.ts";
import { ExitCode, type IO } from "../io.ts";
import { loadIntents, lockGroups } from "../load/intents.ts";
import { lockChange, readLockFile } from "../load/lock.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { leftoverNote } from "../fs/leftovers.ts";
import { resolveProjects, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { noteTaker } from "../output/notes.ts";
import { styleFor } from "../output/style.ts";

/** Flags of `wfgen pin`. */
export interface PinOptions extends Omit<ProjectFlags, "out"> {
  offline: boolean;
  json: boolean;
  quiet: boolean;
}

interface Pinned {
  intent: string;
  sha: string;
  tag: string;
  source: string;
}
interface Failed {
  intent: string;
  where: Location;
  message: string;
  fix?: string;
}

/** Pin what is missing; see docs/pinning.md. Exit 1 when an intent could not be resolved. */
export async function pin(options: PinOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const root = resolveRoot(options, io.cwd);
  const projects = await resolveProjects(root, options, io.cwd);
  const { notes, note } = noteTaker(io, options.json, style);
  const resolver = chooseResolver(io, options.offline, note);
  const pinned: Pinned[] = [];
  const removed: string[] = [];
  const failed: Failed[] = [];
  const locks: Array<{ path: string; written: boolean }> = [];
  const changes: FileChange[] = [];
  let kept = 0;

  for (const group of lockGroups(projects, io.cwd)) {
    const lock: Lock = await readLockFile(group.path, io.cwd);
    const wanted = new Map<string, { intent: RemoteIntent; where: Location }>();
    const used = new Set<string>();
    const images = new Set<string>();
    for (const { uses } of await loadIntents(group, root, io)) {
      for (const use of uses) {
        if (use.kind === "image") {
          if (!lock.images?.[use.image.key]) images.add(use.image.key);
          continue;
        }
        used.add(use.intent.key);
        if (!isFullSha(use.intent.ref) && !wanted.has(use.intent.key))
          wanted.set(use.intent.key, { intent: use.intent, where: use.where });
      }
    }
    for (const [key, { intent, where }] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (lock.actions[key] !== undefined) {
        kept++;
        continue;
      }
      try {
        const resolution = await resolver.resolve(intent);
        lock.actions[key] = { ...resolution, resolvedAt: new Date().toISOString() };
        pinned.push({ intent: key, sha: resolution.sha, tag: resolution.tag, source: resolver.source });
      } catch (error) {
        if (!(error instanceof ResolveError)) throw error;
        failed.push({ intent: key, where, message: error.message, ...(error.fix && { fix: error.fix }) });
      }
    }
    for (const key of Object.keys(lock.actions)) {
      if (used.has(key)) continue;
      delete lock.actions[key];
      removed.push(key);
    }
    if (images.size > 0 && !options.quiet) {
      note(
        `wfgen does not look up image digests; ${[...images].join(", ")} ${images.size === 1 ? "stays" : "stay"} as written. ` +
          `To pin ${images.size === 1 ? "it" : "them"}, add "images": { "<image>:<tag>": { "digest": "sha256:...", "resolvedAt": "..." } } to ${group.display}.`,
      );
    }
    const change = await lockChange(group.path, lock, io.cwd);
    if (change) changes.push(change);
    locks.push({ path: group.display, written: change !== undefined });
  }
  for (const file of applyChanges(root, changes, io.cwd).leftovers) note(leftoverNote(file));

  const ok = failed.length === 0;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ version: 1, command: "pin", ok, locks, pinned, removed, failed, notes }, null, 2)}\n`,
    );
    return ok ? ExitCode.ok : ExitCode.failed;
  }
  if (!options.quiet) {
    for (const p of pinned) io.stdout.write(`${style.green("pinned ")} ${p.intent} -> ${p.sha} # ${p.tag}\n`);
    for (const key of removed) io.stdout.write(`${style.yellow("removed")} ${key} (no workflow uses it)\n`);
  }
  for (const f of failed) {
    const where = formatPath(f.where);
    io.stderr.write(`${style.red("error:")} cannot pin ${f.intent}${where ? ` (${where})` : ""}: ${f.message}\n`);
    if (f.fix) io.stderr.write(`  Fix: ${f.fix}\n`);
  }
  const written = locks.filter((l) => l.written).map((l) => l.path);
  const summary =
    `wfgen pin: ${pinned.length} pinned, ${kept} already pinned, ${removed.length} removed` +
    (failed.length ? `, ${failed.length} failed` : "") +
    (written.length ? `; wrote ${written.join(", ")}.` : "; nothing to write.");
  if (!ok) io.stderr.write(`${style.red(summary)}\n`);
  else if (!options.quiet) io.stdout.write(`${summary}\n`);
  return ok ? ExitCode.ok : ExitCode.failed;
}

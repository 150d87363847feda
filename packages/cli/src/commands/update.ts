/**
 * `wfgen update [action] [--major]`: resolve the pinned intents again. A moving tag (`v7`) that now names
 * a newer release moves the pin; a release tag (`v7.3.0`) that names another commit than before is
 * reported loudly, since release tags should never move. `--major` also records the newest major under
 * its own intent and says which intent to write in workflows.ts. Every change lists the inputs and outputs
 * the action gained or lost between the two commits.
 */
import {
  formatPath,
  isFullSha,
  isUnpinned,
  parseUses,
  type Location,
  type PinnedAction,
  type RemoteIntent,
} from "@wfgen/core";
import { CliError } from "../errors.ts";
import { diffActionMetadata } from "../github/action-diff.ts";
import { chooseResolver } from "../github/choose.ts";
import { ResolveError, type Resolver } from "../github/resolver.ts";
import { isUnder, newerMajorRef } from "../github/versions.ts";
import { ExitCode, type IO } from "../io.ts";
import { loadIntents, lockGroups } from "../load/intents.ts";
import { lockChange, readLockFile } from "../load/lock.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { leftoverNote } from "../fs/leftovers.ts";
import { resolveProjects, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { noteTaker } from "../output/notes.ts";
import { styleFor } from "../output/style.ts";
import { visible } from "../output/visible.ts";

/** Flags and argument of `wfgen update`. */
export interface UpdateOptions extends Omit<ProjectFlags, "out"> {
  /** Only entries of this action: `owner/repo`, `owner/repo/path` or `owner/repo@ref`. */
  action?: string | undefined;
  major: boolean;
  offline: boolean;
  json: boolean;
  quiet: boolean;
}

interface Pin {
  sha: string;
  tag: string;
}

interface Change {
  intent: string;
  from: Pin;
  to: Pin;
  /** The same release tag now names another commit: someone moved a tag that should never move. */
  moved: boolean;
  /** Inputs and outputs gained or lost (`+ input "x"`), when both action.yml files could be read. */
  changes?: string[];
}

interface MajorChange {
  intent: string;
  newIntent: string;
  to: Pin;
  where: Location;
  changes?: string[];
}

/** Update the lock; see docs/pinning.md. Exit 1 when an intent could not be resolved. */
export async function update(options: UpdateOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const root = resolveRoot(options, io.cwd);
  const projects = await resolveProjects(root, options, io.cwd);
  const { notes, note } = noteTaker(io, options.json, style);
  const resolver = chooseResolver(io, options.offline, note);
  const updated: Change[] = [];
  const majors: MajorChange[] = [];
  const unchanged: string[] = [];
  const failed: Array<{ intent: string; message: string; fix?: string }> = [];
  const locks: Array<{ path: string; written: boolean }> = [];
  const changes: FileChange[] = [];
  let matched = 0;

  for (const group of lockGroups(projects, io.cwd)) {
    const lock = await readLockFile(group.path, io.cwd);
    const where = new Map<string, Location>();
    for (const { uses } of await loadIntents(group, root, io))
      for (const use of uses)
        if (use.kind === "remote" && !where.has(use.intent.key)) where.set(use.intent.key, use.where);

    for (const key of Object.keys(lock.actions).sort()) {
      const entry = lock.actions[key]!;
      const intent = parseUses(key);
      if (intent?.kind !== "action" && intent?.kind !== "reusable") continue;
      if (options.action !== undefined && !matches(intent, options.action)) continue;
      matched++;
      if (isUnpinned(entry) || isFullSha(intent.ref)) continue;
      if (!isUnder(entry.tag, intent.ref) && entry.tag !== intent.ref && /^v?\d/.test(intent.ref)) {
        // `wfgen sync` took in a bot's move to another major; resolving the old intent would undo it.
        note(
          `${key} is pinned to ${entry.tag} (taken in by wfgen sync); change the intent in workflows.ts, then run \`npx wfgen pin\`.`,
        );
        continue;
      }
      try {
        const resolution = await resolver.resolve(intent);
        if (resolution.sha === entry.sha && resolution.tag === entry.tag) unchanged.push(key);
        else {
          lock.actions[key] = { ...resolution, resolvedAt: new Date().toISOString() };
          updated.push({
            intent: key,
            from: { sha: entry.sha, tag: entry.tag },
            to: { sha: resolution.sha, tag: resolution.tag },
            moved: resolution.tag === entry.tag,
            ...(await interfaceChanges(resolver, intent, entry.sha, resolution.sha)),
          });
        }
        if (!options.major) continue;
        const newRef = newerMajorRef(intent.ref, await resolver.tags(intent.owner, intent.repo));
        if (newRef === undefined) continue;
        const next: RemoteIntent = { ...intent, ref: newRef, key: `${intent.name}@${newRef}` };
        const newer = await resolver.resolve(next);
        lock.actions[next.key] = { ...newer, resolvedAt: new Date().toISOString() };
        majors.push({
          intent: key,
          newIntent: next.key,
          to: { sha: newer.sha, tag: newer.tag },
          where: where.get(key) ?? {},
          ...(await interfaceChanges(resolver, intent, (lock.actions[key] as PinnedAction).sha, newer.sha)),
        });
      } catch (error) {
        if (!(error instanceof ResolveError)) throw error;
        failed.push({ intent: key, message: error.message, ...(error.fix && { fix: error.fix }) });
      }
    }
    const change = await lockChange(group.path, lock, io.cwd);
    if (change) changes.push(change);
    locks.push({ path: group.display, written: change !== undefined });
  }
  if (options.action !== undefined && matched === 0) {
    throw new CliError("no-such-action", `no entry of wfgen.lock.json is for ${options.action}.`, {
      details: ["Name an action as workflows.ts uses it: owner/repo, owner/repo/path or owner/repo@ref."],
    });
  }
  for (const file of applyChanges(root, changes, io.cwd).leftovers) note(leftoverNote(file));

  const ok = failed.length === 0;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ version: 1, command: "update", ok, locks, updated, majors, unchanged, failed, notes }, null, 2)}\n`,
    );
    return ok ? ExitCode.ok : ExitCode.failed;
  }
  const short = (p: Pin): string => `${p.tag} (${p.sha.slice(0, 7)})`;
  for (const u of updated) {
    io.stdout.write(`${style.green("updated")} ${u.intent}: ${short(u.from)} -> ${short(u.to)}\n`);
    if (u.moved) {
      io.stdout.write(
        `  ${style.yellow("warning:")} the tag ${u.to.tag} was moved to another commit; release tags should never move, so review the new code before you commit this.\n`,
      );
    }
    for (const line of u.changes ?? []) io.stdout.write(`    ${visible(line)}\n`);
  }
  for (const m of majors) {
    const at = formatPath(m.where);
    io.stdout.write(
      `${style.cyan("major  ")} ${m.intent} -> ${m.newIntent} (${short(m.to)}): write ${m.newIntent} in workflows.ts${at ? ` (${at})` : ""}, ` +
        "or use the binding of the new major; `npx wfgen pin` then drops the old entry.\n",
    );
    for (const line of m.changes ?? []) io.stdout.write(`    ${visible(line)}\n`);
  }
  if (!options.quiet) for (const key of unchanged) io.stdout.write(`${style.dim("current")} ${key}\n`);
  for (const f of failed) {
    io.stderr.write(`${style.red("error:")} cannot update ${f.intent}: ${f.message}\n`);
    if (f.fix) io.stderr.write(`  Fix: ${f.fix}\n`);
  }
  const written = locks.filter((l) => l.written).map((l) => l.path);
  const summary =
    `wfgen update: ${updated.length} updated, ${unchanged.length} current` +
    (options.major ? `, ${majors.length} new major${majors.length === 1 ? "" : "s"}` : "") +
    (failed.length ? `, ${failed.length} failed` : "") +
    (written.length ? `; wrote ${written.join(", ")}.` : "; nothing to write.");
  if (!ok) io.stderr.write(`${style.red(summary)}\n`);
  else if (!options.quiet || updated.length + majors.length > 0) io.stdout.write(`${summary}\n`);
  return ok ? ExitCode.ok : ExitCode.failed;
}

/** Whether a lock entry is for the action the user named. */
function matches(intent: RemoteIntent, wanted: string): boolean {
  return [intent.key, intent.name, `${intent.owner}/${intent.repo}`].some(
    (form) => form.toLowerCase() === wanted.toLowerCase(),
  );
}

/** The interface changes of an action between two commits; nothing for reusable workflows or unknown metadata. */
async function interfaceChanges(
  resolver: Resolver,
  intent: RemoteIntent,
  from: string,
  to: string,
): Promise<{ changes?: string[] }> {
  if (intent.kind !== "action" || from === to) return {};
  const [before, after] = await Promise.all([
    resolver.actionYml(intent.owner, intent.repo, intent.path, from),
    resolver.actionYml(intent.owner, intent.repo, intent.path, to),
  ]);
  if (before === undefined || after === undefined) return {};
  return { changes: diffActionMetadata(before, after) };
}

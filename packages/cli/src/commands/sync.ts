/**
 * `wfgen sync`: Dependabot and Renovate update pinned actions by rewriting `uses: owner/repo@<sha> # <tag>`
 * in the generated YAML. Building would put the old pins back; syncing reads the new ones into
 * `wfgen.lock.json` instead, so the YAML and the lock agree again and `wfgen check` passes. When a bot
 * moved an action to another major release, the old intent keeps the new pin (the check stays green) and
 * the message names the intent to write in workflows.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  formatPath,
  isFullSha,
  isUnpinned,
  parseImage,
  type IntentUse,
  type Location,
  type Lock,
  type PinPath,
  TAG_NAME,
} from "@wfgen/core";
import { isScalar, parseDocument } from "yaml";
import { compareTags, isUnder, parseVersion } from "../github/versions.ts";
import { CliError } from "../errors.ts";
import { readBoundedText } from "../fs/read-bounded.ts";
import { ExitCode, type IO } from "../io.ts";
import { limitsOf } from "../limits.ts";
import { loadIntents, lockGroups } from "../load/intents.ts";
import { lockChange, readLockFile } from "../load/lock.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { leftoverNote } from "../fs/leftovers.ts";
import { resolveProjects, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { displayPath } from "../paths.ts";
import { noteTaker } from "../output/notes.ts";
import { styleFor } from "../output/style.ts";
import { wfgenCommand } from "../output/command-line.ts";

/** Flags of `wfgen sync`. */
export interface SyncOptions extends ProjectFlags {
  json: boolean;
  quiet: boolean;
}

interface Synced {
  intent: string;
  from?: { sha: string; tag: string };
  to: { sha: string; tag: string };
  file: string;
}

interface IntentEdit {
  intent: string;
  newIntent: string;
  tag: string;
  file: string;
  where: Location;
}

// What a pinned value read from the YAML says, and where.
interface Found {
  value: string;
  tag: string | undefined;
  file: string;
}

/** Sync the lock from the generated files; see docs/pinning.md. */
export async function sync(options: SyncOptions, io: IO): Promise<ExitCode> {
  const style = styleFor(io);
  const root = resolveRoot(options, io.cwd);
  const projects = await resolveProjects(root, options, io.cwd);
  const synced: Synced[] = [];
  const edits: IntentEdit[] = [];
  const warnings: string[] = [];
  const locks: Array<{ path: string; written: boolean }> = [];
  const changes: FileChange[] = [];
  let unchanged = 0;
  const now = new Date().toISOString();

  const { maxFileBytes } = limitsOf(io.env);
  const readGenerated = (path: string): string => {
    try {
      return readBoundedText(path, maxFileBytes);
    } catch (error) {
      throw new CliError("unreadable-file", `cannot read ${displayPath(path, io.cwd)}: ${(error as Error).message}`);
    }
  };
  for (const group of lockGroups(projects, io.cwd)) {
    const lock: Lock = await readLockFile(group.path, io.cwd);
    // The newest version a file pins wins when two files disagree about one intent.
    const seen = new Map<string, string>();
    for (const { project, uses } of await loadIntents(group, root, io)) {
      const docs = new Map<string, ReturnType<typeof parseDocument> | undefined>();
      for (const use of uses) {
        const workflow = use.where.workflow ?? "";
        if (!docs.has(workflow)) {
          const path = join(project.out, workflow);
          docs.set(workflow, existsSync(path) ? parseDocument(readGenerated(path)) : undefined);
        }
        const doc = docs.get(workflow);
        if (!doc) continue;
        const found = readPin(doc, use.path, displayPath(join(project.out, workflow), io.cwd));
        if (!found) continue;
        if (use.kind === "remote") syncAction(use, found);
        else syncImage(use, found);
      }
    }
    const change = await lockChange(group.path, lock, io.cwd);
    if (change) changes.push(change);
    locks.push({ path: group.display, written: change !== undefined });

    function syncAction(use: Extract<IntentUse, { kind: "remote" }>, found: Found): void {
      const { intent } = use;
      if (isFullSha(intent.ref)) return;
      const match = /^(.+)@([0-9a-f]{40})$/.exec(found.value);
      if (!match || match[1] !== intent.name) return;
      const sha = match[2]!;
      const entry = lock.actions[intent.key];
      if (entry && isUnpinned(entry)) return;
      if (found.tag === undefined) {
        if (entry?.sha !== sha)
          warnings.push(
            `${found.file}: ${intent.name}@${sha} has no "# <tag>" comment, so wfgen cannot record its version; add the tag it names, then run wfgen sync again.`,
          );
        return;
      }
      const tag = found.tag;
      const previous = seen.get(intent.key);
      if (previous !== undefined && previous !== `${sha} ${tag}`) {
        const older = compareTags(tag, previous.split(" ")[1]!) > 0;
        warnings.push(
          `${intent.key} is pinned differently in two files; keeping the newer one${older ? "" : ` (${tag} from ${found.file})`}.`,
        );
        if (older) return;
      }
      seen.set(intent.key, `${sha} ${tag}`);
      if (entry && entry.sha === sha && entry.tag === tag) {
        unchanged++;
        return;
      }
      lock.actions[intent.key] = { sha, tag, resolvedAt: now };
      synced.push({
        intent: intent.key,
        ...(entry && { from: { sha: entry.sha, tag: entry.tag } }),
        to: { sha, tag },
        file: found.file,
      });
      // A bot that moved `@v4` to v5.0.0 changed what the intent means; the source must say so too.
      if (parseVersion(intent.ref) && !isUnder(tag, intent.ref) && tag !== intent.ref) {
        const newRef = sameShape(intent.ref, tag);
        if (newRef === undefined) return;
        const newIntent = `${intent.name}@${newRef}`;
        lock.actions[newIntent] = { sha, tag, resolvedAt: now };
        edits.push({ intent: intent.key, newIntent, tag, file: found.file, where: use.where });
      }
    }

    function syncImage(use: Extract<IntentUse, { kind: "image" }>, found: Found): void {
      const value = found.value.startsWith("docker://") ? found.value.slice("docker://".length) : found.value;
      const image = parseImage(value);
      if (!image?.digest || image.name !== use.image.name || found.tag === undefined) return;
      const key = `${image.name}:${found.tag}`;
      const entry = lock.images?.[key];
      if (entry?.digest === image.digest) {
        unchanged++;
        return;
      }
      lock.images = { ...lock.images, [key]: { digest: image.digest, resolvedAt: now } };
      synced.push({
        intent: key,
        ...(entry && { from: { sha: entry.digest, tag: found.tag } }),
        to: { sha: image.digest, tag: found.tag },
        file: found.file,
      });
      if (key !== use.image.key)
        edits.push({ intent: use.image.key, newIntent: key, tag: found.tag, file: found.file, where: use.where });
    }
  }

  const { notes, note } = noteTaker(io, options.json, style);
  for (const file of applyChanges(root, changes, io.cwd).leftovers) note(leftoverNote(file));

  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ version: 1, command: "sync", ok: true, locks, synced, edits, unchanged, warnings, ...(notes.length > 0 && { notes }) }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  const short = (p: { sha: string; tag: string }): string => `${p.tag} (${p.sha.replace(/^sha256:/, "").slice(0, 7)})`;
  if (!options.quiet) {
    for (const s of synced)
      io.stdout.write(
        `${style.green("synced ")} ${s.intent}: ${s.from ? `${short(s.from)} -> ` : ""}${short(s.to)}, from ${s.file}\n`,
      );
  }
  for (const e of edits) {
    const at = formatPath(e.where);
    io.stdout.write(
      `${style.yellow("change ")} ${e.file} now uses ${e.tag} of ${e.intent}: write ${e.newIntent} in workflows.ts${at ? ` (${at})` : ""}; ` +
        "wfgen.lock.json already pins it, and `npx wfgen pin` drops the old entry afterwards.\n",
    );
  }
  for (const w of warnings) io.stderr.write(`${style.yellow("warning:")} ${w}\n`);
  const written = locks.filter((l) => l.written).map((l) => l.path);
  if (!options.quiet || synced.length > 0) {
    io.stdout.write(
      `wfgen sync: ${synced.length} synced, ${unchanged} unchanged` +
        (written.length
          ? `; wrote ${written.join(", ")}. \`${wfgenCommand("check", options)}\` should pass now.\n`
          : "; nothing to write.\n"),
    );
  }
  return ExitCode.ok;
}

/** The pinned value at `path` of a generated file and the tag in its comment, if it is a plain string. */
function readPin(doc: ReturnType<typeof parseDocument>, path: PinPath, file: string): Found | undefined {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== "string") return undefined;
  // The comment is what follows `#` on the value's line: the tag, by the pin format (docs/pinning.md).
  const comment = node.comment?.trim();
  const tag = comment && TAG_NAME.test(comment) ? comment : undefined;
  return { value: node.value, tag, file };
}

/** `tag` cut to the precision of `ref`: `v4` and v5.0.1 give `v5`, `v4.2` gives `v5.0`, `v4.2.2` gives `v5.0.1`. */
function sameShape(ref: string, tag: string): string | undefined {
  const r = parseVersion(ref);
  const t = parseVersion(tag);
  if (!r || !t || t.parts.length < r.parts.length) return undefined;
  return `${t.prefix}${t.parts.slice(0, r.parts.length).join(".")}`;
}


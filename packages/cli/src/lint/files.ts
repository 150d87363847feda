/**
 * The files `wfgen lint` is given: paths, folders (their `.yml` and `.yaml` files) and globs, relative to the
 * repository (`--cwd`). Globs are expanded here, so they work quoted and on shells that do not expand them:
 * `*` and `?` within a name, `**` across folders, `[abc]` and `{a,b}`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliError } from "../errors.ts";
import { displayPath } from "../paths.ts";

const YAML = /\.ya?ml$/i;
const MAGIC = /[*?[\]{}]/;

/** Absolute paths of the files to lint, in the order given (each once), globs sorted. Throws CliError (exit 2). */
export function expandFileArguments(args: readonly string[], root: string, cwd: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push(path);
  };
  for (const arg of args) {
    if (MAGIC.test(arg)) {
      const matches = glob(arg, root);
      if (matches.length === 0) {
        const where = root === cwd ? "" : ` in ${displayPath(root, cwd)}`;
        throw new CliError("no-match", `no file matches "${arg}"${where}.`);
      }
      matches.forEach(add);
      continue;
    }
    const path = resolve(root, arg);
    if (!existsSync(path)) throw new CliError("file-not-found", `${displayPath(path, cwd)}: no such file.`);
    if (statSync(path).isDirectory()) {
      const inside = readdirSync(path)
        .filter((name) => YAML.test(name))
        .sort()
        .map((name) => join(path, name))
        .filter((file) => statSync(file).isFile());
      if (inside.length === 0) {
        throw new CliError("no-match", `${displayPath(path, cwd)} holds no .yml or .yaml file.`);
      }
      inside.forEach(add);
      continue;
    }
    add(path);
  }
  return files;
}

/** Files under `root` matching `pattern` (relative to root, `/` as separator), sorted. */
export function glob(pattern: string, root: string): string[] {
  const normalized = pattern.replaceAll("\\", "/").replace(/^\.\//, "");
  const absolute = normalized.startsWith("/");
  const parts = normalized.split("/").filter((part) => part !== "");
  // The folders before the first magic part are walked into directly.
  const firstMagic = parts.findIndex((part) => MAGIC.test(part));
  const base = resolve(absolute ? "/" : root, ...parts.slice(0, firstMagic));
  const rest = parts.slice(firstMagic).map((part) => (part === "**" ? "**" : toRegExp(part)));
  const found: string[] = [];
  walk(base, rest, found);
  return [...new Set(found)].sort();
}

function walk(dir: string, parts: ReadonlyArray<RegExp | "**">, found: string[]): void {
  if (parts.length === 0) return;
  let entries: Array<{ name: string; dir: boolean }>;
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      // Hidden folders only match a part that names them (`.github`), as in shells.
      .map((entry) => ({ name: entry.name, dir: entry.isDirectory() || (entry.isSymbolicLink() && isDir(join(dir, entry.name))) }));
  } catch {
    return;
  }
  const [part, ...rest] = parts;
  if (part === "**") {
    walk(dir, rest, found);
    for (const entry of entries) if (entry.dir && !entry.name.startsWith(".") && entry.name !== "node_modules") walk(join(dir, entry.name), parts, found);
    return;
  }
  for (const entry of entries) {
    if (!part!.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (rest.length === 0) {
      if (!entry.dir) found.push(path);
    } else if (entry.dir) {
      walk(path, rest, found);
    }
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One path segment's glob as a regular expression. A leading `*` or `?` does not match a leading dot. */
function toRegExp(part: string): RegExp {
  let source = "";
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const end = part.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        const body = part.slice(i + 1, end).replace(/^!/, "^").replaceAll("\\", "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = part.indexOf("}", i + 1);
      if (end === -1) source += "\\{";
      else {
        source += `(?:${part
          .slice(i + 1, end)
          .split(",")
          .map((alt) => toRegExp(alt).source.slice(1, -1))
          .join("|")})`;
        i = end;
      }
    } else source += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  const hidden = part.startsWith("*") || part.startsWith("?") ? "(?!\\.)" : "";
  return new RegExp(`^${hidden}${source}$`);
}

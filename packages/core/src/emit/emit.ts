/**
 * The YAML emitter: a workflow as plain JSON-like data in, byte-stable YAML text out. It writes the
 * text directly instead of building a `yaml` Document, which is several times slower and would make
 * drift checks over hundreds of files sluggish.
 */
import { childShape, itemShape, orderedEntries, SHAPES, type Shape } from "./key-order.ts";
import { formatKey, formatValue } from "./scalar.ts";

/** Options of {@link emitYaml}. */
export interface EmitOptions {
  /** Comment line(s) written first, each starting with `#` (see `generatedHeader`); a blank line follows. */
  header?: string;
  /**
   * Comments written after single-line values, each at a model path: pinning puts the tag after a pinned
   * `uses:` this way (`uses: owner/repo@<sha> # v7.3.0`, one space, `#`, one space, the text, nothing
   * after), the form Dependabot and Renovate read and rewrite. Default: none.
   */
  comments?: ReadonlyArray<{ path: ReadonlyArray<string | number>; text: string }>;
}

// YAML readers reject an implicit key whose `:` comes more than 1024 characters after its start.
const MAX_KEY_LENGTH = 1024;

// prettier's default print width: when `key: |` or `key: []` would be wider, prettier moves the block
// header or the empty collection to the next line, so the emitter does the same.
const PRINT_WIDTH = 80;
// The widest thing that can follow `key:` on its line and be moved: ` |2+`.
const MOVABLE_ROOM = 4;

interface Writer {
  readonly lines: string[];
  /** Where the emitter is, for error messages and comments. */
  readonly path: (string | number)[];
  /**
   * Comments by the last key of the value they follow, then by `pathKey` of its whole path: most values
   * are not under a key that has a comment, and for those the lookup costs no join. Undefined when
   * there are none, so lookups cost nothing.
   */
  readonly comments: ReadonlyMap<string | number, ReadonlyMap<string, string>> | undefined;
}

/**
 * Writes one workflow as YAML: canonical key order, block style, `|` blocks for multi-line strings,
 * quotes only where a YAML 1.1 or 1.2 reader could misread a value, LF line endings and one final
 * newline. The output is a fixed point of prettier's YAML formatter.
 *
 * Input values are objects, arrays, strings, finite numbers, booleans and `null`; object properties
 * whose value is `undefined` are left out, as JSON does. Anything else throws a `TypeError` naming
 * its path.
 */
export function emitYaml(doc: Record<string, unknown>, options: EmitOptions = {}): string {
  const w: Writer = { lines: [], path: [], comments: commentsByPath(options.comments) };
  if (options.header !== undefined) writeHeader(w, options.header);
  if (!isPlainObject(doc)) throw new TypeError("a workflow must be a plain object");
  const shape = SHAPES.workflow;
  const entries = orderedEntries(doc, shape);
  if (entries.length === 0) w.lines.push("{}");
  else writeEntries(w, entries, shape, 0, true);
  // The final newline as an empty last line: one flat string, where `+ "\n"` would make a rope that every
  // comparison with the file on disk copies again.
  w.lines.push("");
  return w.lines.join("\n");
}

function writeHeader(w: Writer, header: string): void {
  const lines = header.replace(/\n+$/, "").split("\n");
  if (lines.some((line) => !line.startsWith("#"))) {
    throw new Error("every line of the header must be a `#` comment");
  }
  w.lines.push(...lines, "");
}

/**
 * Writes mapping entries (flat, as orderedEntries makes them) whose keys sit at column `indent`; `atEnd`
 * means nothing follows them.
 */
function writeEntries(w: Writer, entries: readonly unknown[], shape: Shape | undefined, indent: number, atEnd: boolean): void {
  for (let i = 0; i < entries.length; i += 2) {
    const key = entries[i] as string;
    const value = entries[i + 1];
    if (i > 0 && shape?.spaced === true) blankLine(w);
    w.path.push(key);
    const child = childShape(shape, key);
    let head = shape?.bareKeys?.includes(key) === true ? `${spaces(indent)}${key}:` : keyHead(indent, key);
    if (!measurable(head) && mayMove(value, child)) head = `${spaces(indent)}${formatKey(key, true)}:`;
    if (head.length - indent - 1 > MAX_KEY_LENGTH) fail(w, `a key longer than ${MAX_KEY_LENGTH} characters`);
    writeNode(w, head, value, child, indent, atEnd && i === entries.length - 2, false);
    w.path.pop();
  }
}

// `key:` at each indentation, made once: every workflow repeats the same keys (`name`, `run`, `env`, its
// variables) at the same depths, so each is quoted once and its lines share one string.
const HEADS: Array<Map<string, string>> = [];
function keyHead(indent: number, key: string): string {
  const heads = (HEADS[indent] ??= new Map());
  let head = heads.get(key);
  if (head === undefined) {
    head = `${spaces(indent)}${formatKey(key)}:`;
    heads.set(key, head);
  }
  return head;
}

/**
 * Whether the width of `head` in prettier's columns is known, or known to leave room for a moved value.
 * Measuring non-ASCII text exactly would need prettier's Unicode width tables (East Asian wide
 * characters take two columns, combining marks none), so such a key is written in ASCII instead when
 * it matters.
 */
function measurable(head: string): boolean {
  if (2 * head.length + MOVABLE_ROOM <= PRINT_WIDTH || /^[\x20-\x7e]*$/.test(head)) return true;
  let widest = MOVABLE_ROOM;
  for (const c of head) widest += c <= "\x7e" ? 1 : 2;
  return widest <= PRINT_WIDTH;
}

/** Whether prettier may move this value to the line after its key: a literal block or an empty collection. */
function mayMove(value: unknown, shape: Shape | undefined): boolean {
  if (typeof value === "string") return value.includes("\n");
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && orderedEntries(value, shape).length === 0;
}

/** Writes sequence items whose dashes sit at column `indent`. */
function writeItems(
  w: Writer,
  items: readonly unknown[],
  shape: Shape | undefined,
  indent: number,
  atEnd: boolean,
): void {
  const pad = spaces(indent);
  const inner = itemShape(shape);
  const dash = `${pad}-`;
  for (let i = 0; i < items.length; i++) {
    // A hole in a sparse list is left out, as forEach leaves it out.
    if (!(i in items)) continue;
    const item = items[i];
    if (i > 0 && shape?.spaced === true) blankLine(w);
    w.path.push(i);
    if (item === undefined) fail(w, "undefined in a sequence");
    writeNode(w, dash, item, inner, indent, atEnd && i === items.length - 1, true);
    w.path.pop();
  }
}

/**
 * Writes `value` after `head` (`  key:` or `  -`), where `indent` is the column of the key or dash.
 * Collections under a key start on the next line; under a dash, their first line joins the dash line.
 */
function writeNode(
  w: Writer,
  head: string,
  value: unknown,
  shape: Shape | undefined,
  indent: number,
  atEnd: boolean,
  inSequence: boolean,
): void {
  const { lines } = w;
  if (value === null) {
    // `key:` is how hand-written workflows say null (`pull_request:`); a bare `-` reads as a mistake.
    lines.push(inSequence ? `${head} null` : head);
    return;
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    const entries = Array.isArray(value) ? undefined : orderedEntries(value, shape);
    if ((entries ?? (value as unknown[])).length === 0) {
      writeMovable(w, head, entries === undefined ? "[]" : "{}", indent, inSequence);
      return;
    }
    const first = lines.length;
    if (!inSequence) lines.push(head);
    if (entries === undefined) writeItems(w, value as unknown[], shape, indent + 2, atEnd);
    else writeEntries(w, entries, shape, indent + 2, atEnd);
    if (inSequence) lines[first] = `${head} ${(lines[first] ?? "").slice(indent + 2)}`;
    return;
  }
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    fail(w, `a value of type ${typeof value === "object" ? "object (not a plain one)" : typeof value}`);
  }
  if (typeof value === "number" && !Number.isFinite(value)) fail(w, `the number ${value}`);
  const form = formatValue(value, !atEnd);
  const comment = w.comments?.get(w.path[w.path.length - 1]!)?.get(pathKey(w.path));
  if (typeof form === "string") {
    lines.push(comment === undefined ? `${head} ${form}` : `${head} ${form} # ${comment}`);
    return;
  }
  // Pins are single-line values; a comment aimed at a block scalar is a caller's mistake, not something to place.
  if (comment !== undefined) fail(w, "a comment after a multi-line string");
  writeMovable(w, head, form.header, indent, inSequence);
  const pad = spaces(indent + 2);
  for (const line of form.lines) lines.push(line === "" ? "" : pad + line);
}

/** Writes `text` after `head`, or on the next line when prettier would move it there. */
function writeMovable(w: Writer, head: string, text: string, indent: number, inSequence: boolean): void {
  // Keys that reach here are ASCII when the line could be too wide (see `measurable`), so length is width.
  if (inSequence || head.length + 1 + text.length <= PRINT_WIDTH) w.lines.push(`${head} ${text}`);
  else w.lines.push(head, `${spaces(indent + 2)}${text}`);
}

// A `|+` block's trailing empty lines already separate it from what follows, and an extra blank
// line would become part of its value.
function blankLine(w: Writer): void {
  if (w.lines[w.lines.length - 1] !== "") w.lines.push("");
}

// Indentation by width, made once: every key and item of every workflow asks for one.
const SPACES: string[] = [];
function spaces(width: number): string {
  return (SPACES[width] ??= " ".repeat(width));
}

// Pins sit under job ids, service names and step indexes, none of which may hold a NUL, so joining on it
// cannot make two of those paths look alike.
function pathKey(path: ReadonlyArray<string | number>): string {
  return path.join("\0");
}

function commentsByPath(
  comments: EmitOptions["comments"],
): ReadonlyMap<string | number, ReadonlyMap<string, string>> | undefined {
  if (comments === undefined || comments.length === 0) return undefined;
  const map = new Map<string | number, Map<string, string>>();
  for (const { path, text } of comments) {
    // Anything after the text would stop Dependabot (it wants the comment to end with the version) and
    // zizmor (its pattern is anchored at the end) from reading it.
    if (!/^\S(?:[^\n\r]*\S)?$/.test(text)) {
      throw new TypeError(`a comment must be one line without leading or trailing blanks, at ${path.join(".")}`);
    }
    const last = path[path.length - 1]!;
    const byPath = map.get(last) ?? new Map<string, string>();
    byPath.set(pathKey(path), text);
    map.set(last, byPath);
  }
  return map;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function fail(w: Writer, what: string): never {
  throw new TypeError(`cannot write ${what} in YAML, at ${w.path.join(".") || "the top level"}`);
}

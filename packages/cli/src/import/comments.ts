/**
 * YAML comments, placed for TypeScript. Each `#` comment of the file is attached to the entry it describes,
 * judged by position the way a reader judges it: a comment at the end of a line trails that line's entry;
 * a comment on its own line leads the next entry at its indentation or shallower; one indented deeper than
 * what follows closes the deepest block it is indented into. Blank lines before an entry are noted too, so
 * the TypeScript keeps the file's paragraphs. Best effort by design: a comment is never lost, at worst it
 * lands one entry away from where it stood.
 */
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Path } from "./types.ts";

/** The comments around one mapping entry or list item. */
export interface EntryNotes {
  /** Own-line comments right above it. */
  leading: string[];
  /** The comment at the end of its (last) line. */
  trailing?: string;
  /** Lines that continue the trailing comment, aligned under it on the lines that follow. */
  continued: string[];
  /** A blank line precedes it (or its leading comments). */
  blank: boolean;
}

/** Comments and blank lines of a workflow file, by path. */
export class Notes {
  private readonly entries = new Map<string, EntryNotes>();
  private readonly ends = new Map<string, string[]>();
  /** Comments above the first entry of the file: they describe the whole workflow. */
  readonly header: string[] = [];
  /** Comments after everything else. */
  readonly footer: string[] = [];

  /** The notes of the entry at `path`; empty when it has none. */
  entry(path: Path): EntryNotes {
    return this.entries.get(key(path)) ?? { leading: [], continued: [], blank: false };
  }

  /** Comments at the end of the mapping or list at `path`, after its last entry. */
  end(path: Path): string[] {
    return this.ends.get(key(path)) ?? [];
  }

  /** @internal */
  mutableEntry(path: Path): EntryNotes {
    const k = key(path);
    let notes = this.entries.get(k);
    if (!notes) this.entries.set(k, (notes = { leading: [], continued: [], blank: false }));
    return notes;
  }

  /** @internal */
  addEnd(path: Path, text: string): void {
    const k = key(path);
    const list = this.ends.get(k);
    if (list) list.push(text);
    else this.ends.set(k, [text]);
  }

  /** Whether the file has no comments at all (most of the work can be skipped). */
  get empty(): boolean {
    return this.entries.size === 0 && this.ends.size === 0 && this.header.length === 0 && this.footer.length === 0;
  }
}

function key(path: Path): string {
  return JSON.stringify(path);
}

interface Comment {
  offset: number;
  line: number;
  column: number;
  text: string;
  ownLine: boolean;
}

interface Entry {
  path: Path;
  /** Offset where the entry starts: its key, or the `-` of a list item. */
  offset: number;
  line: number;
  column: number;
  /** The last line its value covers. */
  endLine: number;
  /** The collections it is nested in, innermost last, each with the column its entries start at. */
  ancestors: Array<{ path: Path; column: number }>;
  /** Its own value, when that is a block collection: the column its entries start at. */
  own?: { path: Path; column: number };
}

/** Attach every comment of `document` (whose CST is `tokens`) to an entry of it. */
export function collectNotes(document: Document, tokens: readonly unknown[], text: string, lines: LineCounter): Notes {
  const notes = new Notes();
  const comments = findComments(tokens, text, lines);
  const blankBefore = (line: number): boolean => line >= 2 && /^\s*$/.test(lineText(text, lines, line - 1));
  const entries = findEntries(document, text, lines);
  for (const entry of entries) if (blankBefore(entry.line)) notes.mutableEntry(entry.path).blank = true;
  if (comments.length === 0) return notes;

  const firstRoot = entries.find((e) => e.path.length === 1);
  let next = 0;
  // The last trailing comment, so that lines aligned under it on the next lines continue it.
  let last: { notes: EntryNotes; line: number; column: number } | undefined;
  for (const comment of comments) {
    while (next < entries.length && entries[next]!.offset < comment.offset) next++;
    if (comment.ownLine && last && comment.line === last.line + 1 && Math.abs(comment.column - last.column) <= 2) {
      last.notes.continued.push(comment.text);
      last.line = comment.line;
      continue;
    }
    last = undefined;
    if (!comment.ownLine) {
      // The innermost entry whose line range holds the comment's line.
      let owner: Entry | undefined;
      for (let i = next - 1; i >= 0; i--) {
        const e = entries[i]!;
        if (e.line <= comment.line && comment.line <= e.endLine) {
          owner = e;
          break;
        }
      }
      if (owner) {
        const n = notes.mutableEntry(owner.path);
        n.trailing = n.trailing === undefined ? comment.text : `${n.trailing} ${comment.text}`;
        last = { notes: n, line: comment.line, column: comment.column };
        continue;
      }
    }
    if (firstRoot === undefined || comment.offset < firstRoot.offset) {
      notes.header.push(comment.text);
      continue;
    }
    const following = entries[next];
    if (following && comment.column <= following.column) {
      const n = notes.mutableEntry(following.path);
      if (n.leading.length === 0) n.blank = blankBefore(comment.line);
      n.leading.push(comment.text);
      continue;
    }
    // Deeper than what follows (or last in the file): it closes the deepest block it is indented into.
    const previous = entries[next - 1];
    const blocks = previous ? [...previous.ancestors, ...(previous.own ? [previous.own] : [])] : [];
    const block = [...blocks].reverse().find((b) => b.column <= comment.column);
    if (block && block.path.length > 0) notes.addEnd(block.path, comment.text);
    else notes.footer.push(comment.text);
  }
  return notes;
}

/** Every `#` comment in the CST, in file order. Comments inside block scalars are text, not tokens. */
function findComments(tokens: readonly unknown[], text: string, lines: LineCounter): Comment[] {
  const found: Comment[] = [];
  if (!text.includes("#")) return found;
  // A plain walk over the CST: arrays and token objects; strings (`source`) and numbers are skipped.
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === "object") visit(item);
      return;
    }
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") {
      const { line, col } = lines.linePos(token.offset);
      const before = lineText(text, lines, line).slice(0, col - 1);
      found.push({
        offset: token.offset,
        line,
        column: col - 1,
        text: token.source.replace(/^#/, ""),
        ownLine: /^\s*$/.test(before),
      });
      return;
    }
    for (const key in token) {
      const child = (token as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") visit(child);
    }
  };
  visit(tokens);
  found.sort((a, b) => a.offset - b.offset);
  // The same token can be reachable twice in the CST; keep each comment once.
  return found.filter((c, i) => i === 0 || c.offset !== found[i - 1]!.offset);
}

/** Every mapping entry and list item of the document, in file order (aliases are not entered). */
function findEntries(document: Document, text: string, lines: LineCounter): Entry[] {
  const entries: Entry[] = [];
  const pos = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(Math.min(offset, text.length));
    return { line, column: col - 1 };
  };
  const endLine = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    // The value's own end, not its trailing comments: back up over the line break that ends it.
    return range ? pos(Math.max(range[0], range[1] - 1)).line : 0;
  };
  const walk = (node: Node | null, path: Path, ancestors: Entry["ancestors"]): void => {
    if (!node || isAlias(node) || !isCollection(node) || node.flow) return;
    const children: Array<{ path: Path; offset: number; value: unknown }> = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as { range?: [number, number, number]; value?: unknown } | null;
        if (!keyNode?.range) continue;
        const k = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        children.push({ path: [...path, k], offset: keyNode.range[0], value: pair.value });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (!range) return;
        children.push({ path: [...path, i], offset: dashBefore(text, range[0]), value: item });
      });
    }
    if (children.length === 0) return;
    const column = pos(children[0]!.offset).column;
    const inner = [...ancestors, { path, column }];
    for (const child of children) {
      const { line, column: col } = pos(child.offset);
      const value = child.value as Node | null;
      const block = value && isCollection(value) && !value.flow && !isAlias(value) ? value : undefined;
      const first = block ? firstOffset(block, text) : undefined;
      entries.push({
        path: child.path,
        offset: child.offset,
        line,
        column: col,
        endLine: Math.max(line, endLine(child.value)),
        ancestors: inner,
        ...(first !== undefined && { own: { path: child.path, column: pos(first).column } }),
      });
      walk(value, child.path, inner);
    }
  };
  walk(document.contents as Node | null, [], []);
  return entries;
}

function firstOffset(node: Node, text: string): number | undefined {
  if (isMap(node)) return (node.items[0]?.key as { range?: [number, number, number] } | null)?.range?.[0];
  if (isSeq(node)) {
    const range = (node.items[0] as { range?: [number, number, number] } | null)?.range;
    return range ? dashBefore(text, range[0]) : undefined;
  }
  return undefined;
}

/** The offset of the `-` that introduces a block list item starting at `offset` (or `offset` itself). */
function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i >= 0 && text[i] === "-" ? i : offset;
}

function lineText(text: string, lines: LineCounter, line: number): string {
  const start = line === 1 ? 0 : lines.lineStarts[line - 1];
  if (start === undefined) return "";
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Workflow YAML read with its source positions: the plain value the model describes, a lookup from a model
 * path to the line and column it came from, the comments (which carry inline suppressions and the `# v1.2.3`
 * of a pinned `uses:`), and the raw lines. The linter needs all four to point findings at the user's text.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  type Document,
  type Node,
  type Pair,
} from "yaml";
import { composeDocuments } from "./compose.ts";
import type { Diagnostic } from "../diagnostics.ts";

/** A model path: mapping keys and sequence indexes, e.g. `["jobs", "build", "steps", 0, "uses"]`. */
export type ModelPath = ReadonlyArray<string | number>;

/** A 1-based position in a text file. */
export interface TextPosition {
  line: number;
  column: number;
}

/** One `# ...` comment of the file. */
export interface SourceComment {
  /** 1-based line and column of the `#`. */
  line: number;
  column: number;
  /** The comment after `#`, as written (leading space kept, line end excluded). */
  text: string;
  /** True when nothing but white space precedes the comment on its line. */
  ownLine: boolean;
}

/** A workflow file read with positions. */
export interface YamlSource {
  file: string;
  text: string;
  /** The document as plain data (what `yaml.parse` would return). */
  value: unknown;
  /** The raw lines, without line ends; `lines[0]` is line 1. */
  lines: readonly string[];
  comments: readonly SourceComment[];
  /**
   * Where `path` is written: the key's position for a mapping entry, the item's for a sequence item. A path
   * that does not exist resolves to its deepest existing ancestor (a missing `permissions:` points at the
   * job that lacks it); the empty path is the document's first line.
   */
  locate(path: ModelPath): TextPosition;
  /** Where the value at `path` starts (after the key), or undefined when the path does not exist. */
  locateValue(path: ModelPath): TextPosition | undefined;
  /** The exclusive end of the value at `path`, as a position, or undefined when the path does not exist. */
  valueEnd(path: ModelPath): TextPosition | undefined;
  /**
   * Where `needle` occurs inside the scalar at `path` (its `occurrence`-th match, 0-based), found in the raw
   * text so that a match inside a block scalar points at its own line. Falls back to `locate(path)` when the
   * needle spans lines or is written with escapes.
   */
  locateText(path: ModelPath, needle: string, occurrence?: number): TextPosition;
  /**
   * The last line of the mapping entry or sequence item that starts on `line` (a step, a job), or `line`
   * itself when nothing multi-line starts there. Suppressions above a step cover the whole step.
   */
  blockEnd(line: number): number;
}

/** Why a file with a list or mapping as a key is refused. */
export const COLLECTION_KEY = "a mapping key here is a list or a mapping (`? [a, b]`); GitHub reads every key as text and refuses the file";

/**
 * The first mapping key that is a list or a mapping. GitHub refuses such a file; read as plain data, the key
 * would be turned into text, and the yaml library would warn about it on the process's stderr.
 */
export function collectionKey(document: Document): Node | undefined {
  let found: Node | undefined;
  visit(document, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      found = pair.key;
      return visit.BREAK;
    },
  });
  return found;
}

export type ParseYamlResult = { ok: true; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one workflow file. Not YAML, several documents, or anything but a mapping at the top: a
 * `yaml-syntax` error diagnostic with the line and column of the problem.
 */
export function parseYamlSource(text: string, file: string): ParseYamlResult {
  const lineCounter = new LineCounter();
  // The CST is kept (not just the composed document) because comments live only there, with offsets.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const documents = composeDocuments(tokens, text.length, { keepSourceTokens: true, logLevel: "error" });
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(Math.min(Math.max(offset, 0), text.length));
    return { line, column: col };
  };
  const fail = (offset: number, message: string, fix: string): ParseYamlResult => ({
    ok: false,
    diagnostics: [{ severity: "error", code: "yaml-syntax", message, fix, where: { file, ...position(offset) } }],
  });

  // forceDoc makes the composer yield a document even for an empty file, so there is always a first one.
  const document = documents[0] as Document.Parsed;
  if (documents.length > 1) {
    const second = documents[1]!;
    return fail(second.range[0], `the file holds ${documents.length} YAML documents; a workflow file holds exactly one`, "remove the --- separator and everything after it, or split the file");
  }
  const error = document.errors[0];
  if (error !== undefined) {
    return fail(error.pos[0], `not valid YAML: ${firstLine(error.message)}`, "correct the YAML syntax at this position");
  }
  const root = document.contents;
  if (!isMap(root)) {
    const offset = root?.range?.[0] ?? 0;
    const got = root === null ? "no workflow (it is empty or only comments)" : isSeq(root) ? "a list" : "a single value";
    return fail(offset, `the file holds ${got}; a workflow is a mapping with on and jobs at the top level`, "write the workflow as a mapping: name, on, permissions, jobs");
  }

  const key = collectionKey(document);
  if (key !== undefined) return fail(key.range?.[0] ?? 0, COLLECTION_KEY, "write the key as plain text");

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 1000 });
  } catch (thrown) {
    return fail(0, `the YAML cannot be read as data: ${firstLine(String((thrown as Error).message ?? thrown))}`, "define each anchor (&name) before the aliases (*name) that use it");
  }

  const lines = text.split(/\r?\n/);
  const comments = collectComments(tokens, position, lines);

  // Resolves a path to the pair's key (for mapping entries) and the value node. Aliases are followed so a
  // path through `*anchor` still finds its node (at the anchor's definition).
  // Each mapping's pairs by key text, built the first time a path goes through it: a rule that reports
  // every entry of a 40,000-key env would otherwise scan the mapping once per finding.
  const pairsOf = new Map<object, Map<string, Pair>>();
  const pairIn = (map: { items: readonly unknown[] }, key: string): Pair | undefined => {
    let pairs = pairsOf.get(map);
    if (pairs === undefined) {
      pairs = new Map();
      for (const item of map.items) {
        const text = isPair(item) ? keyText(item.key) : undefined;
        // The first pair with a key wins, as a search from the start would find it.
        if (text !== undefined && !pairs.has(text)) pairs.set(text, item as Pair);
      }
      pairsOf.set(map, pairs);
    }
    return pairs.get(key);
  };
  const find = (path: ModelPath): { key?: Node; node: Node | null; depth: number } => {
    let node: Node | null = root;
    let key: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      if (node !== null && isAlias(node)) node = (node.resolve(document) as Node | undefined) ?? null;
      if (node === null) break;
      if (isMap(node)) {
        const pair = pairIn(node, String(segment));
        if (!pair) break;
        key = pair.key as Node;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item === undefined) break;
        key = item as Node;
        node = item as Node | null;
      } else {
        break;
      }
      depth++;
    }
    return { key, node, depth };
  };

  const locate = (path: ModelPath): TextPosition => {
    const found = find(path);
    const anchor = found.key ?? root;
    return position(anchor.range?.[0] ?? 0);
  };
  const valueNode = (path: ModelPath): Node | undefined => {
    const found = find(path);
    if (found.depth !== path.length || found.node === null) return undefined;
    return found.node;
  };
  const locateValue = (path: ModelPath): TextPosition | undefined => {
    const node = valueNode(path);
    return node?.range ? position(node.range[0]) : undefined;
  };
  const valueEnd = (path: ModelPath): TextPosition | undefined => {
    const node = valueNode(path);
    return node?.range ? position(node.range[1]) : undefined;
  };
  // Every offset of a needle in a node's text, found once: a rule reports each of thousands of expressions
  // in one script by its occurrence number, and searching from the start each time was quadratic.
  const occurrences = new Map<Node, Map<string, number[]>>();
  const locateText = (path: ModelPath, needle: string, occurrence = 0): TextPosition => {
    const node = valueNode(path);
    if (node?.range && needle !== "") {
      let byNeedle = occurrences.get(node);
      if (byNeedle === undefined) occurrences.set(node, (byNeedle = new Map()));
      let offsets = byNeedle.get(needle);
      if (offsets === undefined) {
        const raw = text.slice(node.range[0], node.range[1]);
        offsets = [];
        for (let at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, at + 1)) offsets.push(node.range[0] + at);
        byNeedle.set(needle, offsets);
      }
      const at = offsets[occurrence];
      if (at !== undefined) return position(at);
    }
    return locate(path);
  };

  const ends = blockEnds(root, position, text);
  const blockEnd = (line: number): number => ends.get(line) ?? line;

  return { ok: true, source: { file, text, value, lines, comments, locate, locateValue, valueEnd, locateText, blockEnd } };
}

// For every line where a mapping entry or a sequence item starts, the last line its value reaches.
function blockEnds(root: Node, position: (offset: number) => TextPosition, text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const lastLine = (end: number): number => {
    // A range ends after the value's last character; step back over the line break it may include.
    let offset = end;
    while (offset > 0 && /\s/.test(text[offset - 1]!)) offset--;
    return position(Math.max(offset - 1, 0)).line;
  };
  const note = (start: number | undefined, value: unknown): void => {
    if (start === undefined || !value || typeof value !== "object" || !("range" in value)) return;
    const range = (value as Node).range;
    if (!range) return;
    const line = position(start).line;
    ends.set(line, Math.max(ends.get(line) ?? line, lastLine(range[1])));
  };
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        note((pair.key as Node | null)?.range?.[0], pair.value);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        note((item as Node | null)?.range?.[0], item);
        walk(item);
      }
    }
  };
  walk(root);
  return ends;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

// Every comment token of the CST, wherever the parser hung it (before a node, after a value, at the end of
// a document). The walk is generic on purpose: the CST puts comments in `start`, `sep`, `end` and `props`
// arrays of many token kinds, and missing one would make a suppression silently not apply.
function collectComments(
  tokens: readonly unknown[],
  position: (offset: number) => TextPosition,
  lines: readonly string[],
): SourceComment[] {
  const found = new Map<number, SourceComment>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") {
      const { line, column } = position(token.offset);
      const before = (lines[line - 1] ?? "").slice(0, column - 1);
      found.set(token.offset, { line, column, text: token.source.slice(1), ownLine: before.trim() === "" });
      return;
    }
    for (const child of Object.values(value)) if (child !== null && typeof child === "object") walk(child);
  };
  walk(tokens);
  return [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

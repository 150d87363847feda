/**
 * Reading a workflow file for import: the YAML parsed once into a Document (for comments and positions)
 * and into plain data (anchors and aliases expanded, as GitHub reads them). Every way a file can fail to be
 * one workflow becomes a problem naming the file and line, so the command can go on with the other files.
 */
import { COLLECTION_KEY, collectionKey, composeDocuments } from "@wfgen/core";
import { isAlias, isMap, isScalar, isSeq, LineCounter, Parser, type Document } from "yaml";
import { collectNotes, type Notes } from "./comments.ts";
import type { ImportProblem, Path } from "./types.ts";

/** One workflow file, read. */
export interface WorkflowSource {
  /** The path shown to the user. */
  file: string;
  /** The YAML text. */
  text: string;
  /** The workflow as plain data. */
  value: Record<string, unknown>;
  /** Comments and blank lines by path. */
  notes: Notes;
  /** Where the value at `path` (or its nearest existing ancestor) is written: 1-based line and column. */
  locate(path: Path): { line: number; column: number };
}

export type ReadResult = { ok: true; source: WorkflowSource } | { ok: false; problem: ImportProblem };

// Aliases are expanded; a document that expands past this many nodes is refused rather than allowed to
// exhaust memory (the "billion laughs" file).
const MAX_ALIAS_COUNT = 10_000;

/**
 * Parse `text` as one workflow. A file with several documents is refused: GitHub reads a workflow file as
 * exactly one document, so there is no workflow to import from the others (empty documents, such as a
 * trailing `---`, are ignored).
 */
export function readWorkflow(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  const fail = (message: string, offset?: number): ReadResult => ({
    ok: false,
    problem: { file, message, ...(offset !== undefined ? position(offset) : {}) },
  });

  // Parsed in two stages (as yaml's parseAllDocuments does) to keep the CST: comments live only there.
  let tokens: unknown[];
  let documents: Document.Parsed[];
  try {
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    documents = composeDocuments(tokens as never, text.length, { logLevel: "error" });
  } catch (error) {
    return fail(`not valid YAML: ${(error as Error).message}`);
  }
  const nonEmpty = documents.filter((d) => d.contents !== null || d.errors.length > 0);
  for (const document of documents) {
    const error = document.errors[0];
    if (error) return fail(`not valid YAML: ${firstLine(error.message)}`, error.pos[0]);
  }
  if (nonEmpty.length === 0) return fail("the file is empty; a workflow is a mapping with on and jobs", 0);
  if (nonEmpty.length > 1) {
    return fail(
      `the file holds ${nonEmpty.length} YAML documents; GitHub reads a workflow file as one document, so split it into one file per workflow and import those`,
      nonEmpty[1]!.range[0],
    );
  }
  const document = nonEmpty[0]!;
  const root = document.contents;
  if (!isMap(root)) {
    return fail("the file is not a workflow: its top level is not a mapping with on and jobs", root?.range?.[0] ?? 0);
  }
  const key = collectionKey(document);
  if (key !== undefined) return fail(COLLECTION_KEY, key.range?.[0]);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(`the YAML cannot be read as data: ${firstLine((error as Error).message)}`, 0);
  }
  const record = value as Record<string, unknown>;
  for (const key of ["on", "jobs"]) {
    if (!(key in record)) return fail(`the file is not a workflow: it has no ${key}:`, 0);
  }

  const locate = (path: Path): { line: number; column: number } => {
    // A mapping entry is shown at its key, the line the user reads as "that key"; a list item at the item.
    let node: unknown = root;
    let at = root.range[0];
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(document);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) break;
        at = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? at;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
        node = node.items[segment];
        at = (node as { range?: [number, number, number] }).range?.[0] ?? at;
      } else break;
    }
    return position(at);
  };
  return { ok: true, source: { file, text, value: record, notes: collectNotes(document, tokens, text, lineCounter), locate } };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** A mapping key as plain data reads it (`on`, `1`, `true`). */
export function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

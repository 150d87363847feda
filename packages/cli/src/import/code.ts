/**
 * The TypeScript import writes, as a small tree: literals, object and array literals, calls and ready
 * expressions, each entry with the comments and blank line it carries from the YAML. Conversion builds the
 * tree; `writeCode` prints it for ts-morph to place and prettier to lay out.
 */
import { escapeTemplate } from "./expressions.ts";
import { propertyKey } from "./names.ts";

/** Comments and spacing around an entry or item. */
export interface Commented {
  leading?: readonly string[];
  trailing?: string | undefined;
  /** Comment lines that continue the trailing one, on the lines after it. */
  continued?: readonly string[];
  blank?: boolean;
}

/** One `key: value` of an object literal. */
export interface CodeEntry extends Commented {
  key: string;
  value: Code;
}

/** One item of an array literal. */
export interface CodeItem extends Commented {
  value: Code;
}

export type Code =
  | { kind: "literal"; value: string | number | boolean | null }
  /** A TypeScript expression, already written (an identifier, a template literal, `expr.raw(...)`). */
  | { kind: "ts"; code: string }
  | { kind: "object"; entries: CodeEntry[]; end?: readonly string[]; expand?: boolean }
  | { kind: "array"; items: CodeItem[]; end?: readonly string[] }
  | { kind: "call"; callee: string; typeArgs?: string; args: Code[] };

export const literal = (value: string | number | boolean | null): Code => ({ kind: "literal", value });
export const ts = (code: string): Code => ({ kind: "ts", code });

/**
 * Print `code`. Objects marked `expand`, and every object or array with comments, open on their own line:
 * prettier keeps an object expanded when its first key is on a new line, so the structure the reader
 * scans (workflow, jobs, each job) stays one key per line while small objects may share a line.
 */
export function writeCode(code: Code): string {
  switch (code.kind) {
    case "literal":
      return writeLiteral(code.value);
    case "ts":
      return code.code;
    case "call":
      return `${code.callee}${code.typeArgs ? `<${code.typeArgs}>` : ""}(${code.args.map(writeCode).join(", ")})`;
    case "object":
      return writeList("{", "}", code.entries.map((e) => ({ ...e, text: writeEntry(e) })), code.end, code.expand === true);
    case "array":
      return writeList("[", "]", code.items.map((i) => ({ ...i, text: writeCode(i.value) })), code.end, false);
  }
}

function writeEntry(entry: CodeEntry): string {
  // `{ build }` for `{ build: build }`, as one writes a job handle under its own id.
  if (entry.value.kind === "ts" && entry.value.code === entry.key && /^[A-Za-z_$][\w$]*$/.test(entry.key)) return entry.key;
  return `${writeKey(entry.key)}: ${writeCode(entry.value)}`;
}

function writeKey(key: string): string {
  // `__proto__: x` in an object literal sets the prototype; a computed key makes it an own property.
  return key === "__proto__" ? '["__proto__"]' : propertyKey(key);
}

function writeList(
  open: string,
  close: string,
  items: Array<Commented & { text: string }>,
  end: readonly string[] | undefined,
  expand: boolean,
): string {
  const commented = (end?.length ?? 0) > 0 || items.some((i) => i.leading?.length || i.trailing !== undefined || i.continued?.length);
  if (!commented && !expand) return `${open}${items.map((i) => i.text).join(", ")}${close}`;
  const lines: string[] = [open];
  items.forEach((item, index) => {
    if (item.blank && index > 0) lines.push("");
    for (const comment of item.leading ?? []) lines.push(lineComment(comment));
    let text = `${item.text},`;
    if (item.trailing !== undefined) {
      const opensBlock = /[[{(]$/.test(firstLine(item.text));
      // After `key: {` the comment stays on the key's line; after a scalar it ends the line.
      text = opensBlock ? insertAfterFirstLine(text, lineComment(item.trailing)) : `${text} ${lineComment(item.trailing)}`;
    }
    lines.push(text);
    for (const comment of item.continued ?? []) lines.push(lineComment(comment));
  });
  for (const comment of end ?? []) lines.push(lineComment(comment));
  lines.push(close);
  return lines.join("\n");
}

function firstLine(text: string): string {
  const i = text.indexOf("\n");
  return i === -1 ? text : text.slice(0, i);
}

function insertAfterFirstLine(text: string, comment: string): string {
  const i = text.indexOf("\n");
  return i === -1 ? `${text} ${comment}` : `${text.slice(0, i)} ${comment}${text.slice(i)}`;
}

/** `# text` as `// text`; the text keeps its own leading space, as the YAML had it. */
export function lineComment(text: string): string {
  const clean = text.replace(/[\r\n]+/g, " ");
  return clean === "" ? "//" : `//${/^\s/.test(clean) ? "" : " "}${clean}`.trimEnd();
}

/**
 * A string literal. A script of several lines is written as a template literal, one line per line, so it
 * reads as the script it is; everything else as a quoted string.
 */
function writeLiteral(value: string | number | boolean | null): string {
  if (typeof value !== "string") return value === null ? "null" : Number.isNaN(value) ? "NaN" : String(value);
  const body = value.endsWith("\n") ? value.slice(0, -1) : value;
  if (body.includes("\n") && !value.includes("\r")) return `\`${escapeTemplate(value)}\``;
  return JSON.stringify(value);
}

/**
 * How one scalar is written: plain when every reader agrees on it, otherwise quoted in the form
 * prettier keeps, and multi-line strings as `|` literal blocks.
 */

/** A string written as a `|` literal block: the header (`|`, `|-`, `|2+`, ...) and its lines, unindented. */
export interface LiteralBlock {
  readonly header: string;
  /** Content lines without indentation; empty lines are `""` and are written without indentation. */
  readonly lines: readonly string[];
}

// Characters no reader may see raw: YAML non-printables, lone surrogates, and the characters a
// YAML 1.1 reader takes for line breaks (NEL, LS, PS) or a byte order mark.
const NEEDS_ESCAPE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;
const NEEDS_ESCAPE_GLOBAL = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/gu;

// YAML 1.1 booleans and nulls, compared case-insensitively so every casing is safe; `=` and `<<` are
// YAML 1.1's value and merge keys.
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null|~|=|<<)$/i;

// Deliberately broader than the YAML 1.1 and 1.2 number grammars (and the `yaml` package's looser
// variants): a needless quote costs two characters, a misread number breaks a workflow.
// (The `yaml` package's YAML 1.1 mode reads `e0` as a float and `.` as null.) Only strings with a
// digit or a dot can be numbers.
const NUMBER_LIKE = /^[-+]?(?:0b[01_]*|0o[0-7_]*|0x[0-9a-f_]*|[0-9_]*\.?[0-9_]*(?:e[-+]?[0-9_]*)?|\.(?:inf|nan))$/i;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t]|$)/;

// A plain scalar may not start with an indicator; `-` is fine when glued to text (`--flag`).
const BAD_START = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?:[ \t]|$)|---|\.\.\.)/;
const BAD_INSIDE = /: |:$| #|[\t\n\r]|^\s|\s$/u;

// Most strings in a workflow (ids, action refs, expressions, names) look like this: printable ASCII
// starting with a letter other than `e` (so never a number), `$` or `/`, without `:`, `#` or tabs. For
// them only the reserved words and a trailing space need checking; this shortcut accepts nothing the
// full checks below would refuse, and keeps emitting fast.
const SIMPLE = /^[a-df-zA-DF-Z$/][\w$./@{}()=+,;~*^!?%&<>[\]'" -]*$/;

/** Whether `s` can be written without quotes and read back as the same string by YAML 1.1 and 1.2 readers. */
export function isPlainSafe(s: string): boolean {
  if (SIMPLE.test(s)) return !s.endsWith(" ") && !RESERVED.test(s);
  return (
    s !== "" &&
    !BAD_START.test(s) &&
    !BAD_INSIDE.test(s) &&
    !NEEDS_ESCAPE.test(s) &&
    !RESERVED.test(s) &&
    !(NUMBER_LIKE.test(s) && /[0-9.]/.test(s)) &&
    !SEXAGESIMAL.test(s) &&
    !TIMESTAMP.test(s)
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  "\0": "\\0",
  "\x07": "\\a",
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\v": "\\v",
  "\f": "\\f",
  "\r": "\\r",
  "\x1b": "\\e",
  '"': '\\"',
  "\\": "\\\\",
};

function escapeChar(c: string): string {
  const named = ESCAPES[c];
  if (named !== undefined) return named;
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${hex(code, 2)}`;
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, "0");
}

/**
 * A string on one line, plain when safe. Quoted forms are those prettier's YAML printer leaves alone:
 * double quotes by default; single quotes when the text holds `"` or `\` (prettier turns a `"` escaped
 * in double quotes into single quotes, and single quotes need no escaping of `\`); double quotes with
 * escapes when a character cannot appear raw (prettier keeps any double-quoted text with a `\` escape).
 */
export function formatInline(s: string): string {
  if (isPlainSafe(s)) return s;
  if (NEEDS_ESCAPE.test(s) || /[\t\n]/.test(s)) return `"${s.replace(NEEDS_ESCAPE_GLOBAL, escapeChar)}"`;
  if (s.includes('"') || s.includes("\\")) return `'${s.replaceAll("'", "''")}'`;
  return `"${s}"`;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]|["\\]/gu;

/**
 * A mapping key: always on one line, quoted by the same rules as values. With `asciiOnly`, it is
 * double-quoted with every non-ASCII character escaped, so its width in columns is its length.
 */
export function formatKey(key: string, asciiOnly = false): string {
  return asciiOnly ? `"${key.replace(NOT_PRINTABLE_ASCII, escapeChar)}"` : formatInline(key);
}

// A trailing space or tab on any line is something editors and pre-commit hooks strip silently, which
// would change the script, so such strings are double-quoted instead.
const TRAILING_BLANK = /[ \t]\n|[ \t]$/;

/**
 * The literal block for a multi-line string, or `undefined` when it must be double-quoted: it holds a
 * character that needs an escape (including `\r`), a line with trailing blanks, no line with content,
 * or (when `keepAllowed` is false) more than one trailing newline, which a `|+` block would carry into
 * whatever blank line follows it.
 */
export function literalBlock(s: string, keepAllowed: boolean): LiteralBlock | undefined {
  if (!s.includes("\n") || NEEDS_ESCAPE.test(s) || TRAILING_BLANK.test(s)) return undefined;
  let body = s;
  let trailing = 0;
  while (body.endsWith("\n")) {
    body = body.slice(0, -1);
    trailing++;
  }
  if (!/[^\n]/.test(body)) return undefined;
  if (trailing > 1 && !keepAllowed) return undefined;
  const lines = body.split("\n");
  for (let i = 1; i < trailing; i++) lines.push("");
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  // Readers take the indentation of the first non-empty line as the block's own; a leading space
  // there must be stated, as a count relative to the key or dash the block belongs to.
  const firstContent = lines.find((line) => line !== "") ?? "";
  const indicator = firstContent.startsWith(" ") ? "2" : "";
  return { header: `|${indicator}${chomp}`, lines };
}

/**
 * How a string, finite number or boolean is written after `key: ` or `- `: the inline text, or a
 * literal block. `keepAllowed` is false where a `|+` block's trailing empty lines would be lost or merged.
 */
export function formatValue(value: string | number | boolean, keepAllowed: boolean): string | LiteralBlock {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  return literalBlock(value, keepAllowed) ?? formatInline(value);
}

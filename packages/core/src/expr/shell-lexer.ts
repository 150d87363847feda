/**
 * Just enough shell lexing to know the quoting context at each point where an expression is interpolated
 * into a script, so that the variable reference inserted there is one word with the exact value. Not a
 * parser: it tracks quotes, escapes, comments, command substitutions and here-documents, which is what
 * decides quoting, and the arithmetic contexts where no quoting helps.
 */
import { WfgenError } from "../diagnostics.ts";

/** Marks an interpolation point in the text being scanned. NUL cannot occur in a YAML scalar anyway. */
export const SLOT = "\u0000";

/**
 * Quoting context in a POSIX shell script. `arithmetic` is not a quoting but a place where bash evaluates a
 * variable's value as an arithmetic expression, quoted or not (`$(( ))`, `(( ))`, `$[ ]`, `let`, the
 * operands of `[[ -eq ]]` and friends, an array subscript or substring offset in `${ }`): a value such as
 * `a[$(id)]` runs commands there, so no reference can be safe.
 */
export type ShQuoting = "none" | "double" | "single" | "ansi-c" | "heredoc" | "quoted-heredoc" | "arithmetic";

/** Quoting context in a PowerShell script. */
export type PwshQuoting = "none" | "double" | "single";

/** An interpolation directly after an escape character would have its first character escaped. */
function escapedSlot(text: string, i: number): WfgenError {
  const before = text.slice(Math.max(0, i - 20), i).replaceAll(SLOT, "…");
  return new WfgenError({
    severity: "error",
    code: "unsafe-script",
    message: `an expression directly follows the escape character in "${before}"`,
    fix: "remove the escape or add a space",
    where: {},
  });
}

interface Frame {
  double: boolean;
  parens: number;
  /**
   * What ends this frame: `)` for `$(`, `$((` and `((`, a backtick for backticks, `]` for `$[`, `}` for `${`,
   * nothing at top level.
   */
  closer: ")" | "`" | "]" | "}" | "";
  /** An arithmetic expansion or command: every interpolation in it is `arithmetic`. */
  arith: boolean;
  /** Where the frame's text starts (for `${`), and where its current simple command starts (for `let`). */
  start: number;
  commandStart: number;
  /** In `[[ ]]`: where it opened, and the number of interpolations before it. */
  test?: { at: number; slots: number };
}

/** A frame for text that starts at `start`. */
function frame(closer: Frame["closer"], start: number, options: Partial<Frame> = {}): Frame {
  return { double: false, parens: 0, closer, arith: false, start, commandStart: start, ...options };
}

// `let` evaluates its arguments as arithmetic, also after the keywords that can precede a command.
const LET = /^\s*(?:(?:then|do|else|elif|!|\{)\s+)*let\s/;
// In `${name[...]}` the subscript, and in `${name:offset:length}` the numbers, are arithmetic (`:-` and
// the other operators that start with `:` are not).
const ARITHMETIC_PARAMETER = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*$|:(?![-=+?]))/;
const ARITHMETIC_TEST = /\s-(?:eq|ne|lt|le|gt|ge)\s/;

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

const WORD_BREAK = /[\s;&|(]/;

/** The quoting context at each `SLOT` in `text`, read as a POSIX shell (bash, sh) script. */
export function shQuoting(text: string): ShQuoting[] {
  const states: ShQuoting[] = [];
  const frames: Frame[] = [frame("", 0)];
  const heredocs: Heredoc[] = [];
  let mode: "code" | "single" | "ansi-c" | "comment" | "heredoc" = "code";
  let lineStart = 0;

  const current = (): ShQuoting => {
    switch (mode) {
      case "single":
        return "single";
      case "ansi-c":
        return "ansi-c";
      case "heredoc":
        return heredocs[0]?.quoted ? "quoted-heredoc" : "heredoc";
      case "comment":
        return "none";
      case "code": {
        const top = frames[frames.length - 1] as Frame;
        if (frames.some((f) => f.arith)) return "arithmetic";
        if (top.closer === "}" && ARITHMETIC_PARAMETER.test(text.slice(top.start, position))) return "arithmetic";
        if (LET.test(text.slice(top.commandStart, position))) return "arithmetic";
        return top.double ? "double" : "none";
      }
    }
  };
  let position = 0;

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === SLOT) {
      position = i;
      states.push(current());
      continue;
    }
    const top = frames[frames.length - 1] as Frame;
    switch (mode) {
      case "single":
        if (c === "'") mode = "code";
        continue;
      case "ansi-c":
        if (c === "\\") {
          if (text[i + 1] === SLOT) throw escapedSlot(text, i);
          i++;
        } else if (c === "'") mode = "code";
        continue;
      case "comment":
        if (c === "\n") {
          mode = "code";
          i--; // the newline may start a pending here-document body
        }
        continue;
      case "heredoc":
        if (c === "\n") {
          const doc = heredocs[0] as Heredoc;
          const line = text.slice(lineStart, i);
          if ((doc.stripTabs ? line.replace(/^\t+/, "") : line) === doc.delimiter) {
            heredocs.shift();
            if (heredocs.length === 0) mode = "code";
          }
          lineStart = i + 1;
        }
        continue;
      case "code":
        break;
    }
    if (c === "\\") {
      if (text[i + 1] === SLOT) throw escapedSlot(text, i);
      i++;
      continue;
    }
    const next = text[i + 1];
    // Expansions open inside double quotes as outside them.
    if (c === "$" && next === "(") {
      const arith = text[i + 2] === "(";
      frames.push(frame(")", i + (arith ? 3 : 2), { arith, parens: arith ? 1 : 0 }));
      i += arith ? 2 : 1;
      continue;
    }
    if (c === "$" && next === "[") {
      frames.push(frame("]", i + 2, { arith: true }));
      i++;
      continue;
    }
    if (c === "$" && next === "{") {
      frames.push(frame("}", i + 2, { double: top.double }));
      i++;
      continue;
    }
    if (c === "}" && top.closer === "}") {
      frames.pop();
      continue;
    }
    if (top.double) {
      if (c === '"') top.double = false;
      else if (c === "`") frames.push(frame("`", i + 1));
      continue;
    }
    const wordStart = i === 0 || WORD_BREAK.test(text[i - 1] as string);
    if (c === "'") mode = "single";
    else if (c === "$" && next === "'") {
      mode = "ansi-c";
      i++;
    } else if (c === '"') top.double = true;
    else if (c === "`") {
      if (top.closer === "`") frames.pop();
      else frames.push(frame("`", i + 1));
    } else if (c === "(" && next === "(") {
      frames.push(frame(")", i + 2, { arith: true, parens: 1 }));
      i++;
    } else if (c === "(") top.parens++;
    else if (c === ")") {
      if (top.parens > 0) top.parens--;
      else if (top.closer === ")") frames.pop();
    } else if (c === "]" && top.closer === "]") frames.pop();
    else if (c === "[" && next === "[" && wordStart && top.test === undefined) {
      top.test = { at: i, slots: states.length };
      i++;
    } else if (c === "]" && next === "]" && top.test !== undefined) {
      if (ARITHMETIC_TEST.test(text.slice(top.test.at, i))) states.fill("arithmetic", top.test.slots);
      top.test = undefined;
      i++;
    } else if (c === "\n" || c === ";" || c === "&" || c === "|") {
      top.commandStart = i + 1;
      if (c === "\n" && heredocs.length > 0) {
        mode = "heredoc";
        lineStart = i + 1;
      }
    } else if (c === "#" && wordStart) mode = "comment";
    else if (c === "<" && next === "<") {
      // `<<<` is a here-string, and `<<` inside `((...))` is a shift: neither starts a here-document.
      if (text[i + 2] === "<") i += 2;
      else if (top.parens === 0) i = readHeredocHeader(text, i + 2, heredocs) - 1;
      else i++;
    }
  }
  return states;
}

/** Reads `[-] word` after `<<`, queues the here-document, and returns the index after the word. */
function readHeredocHeader(text: string, start: number, heredocs: Heredoc[]): number {
  let j = start;
  const stripTabs = text[j] === "-";
  if (stripTabs) j++;
  while (text[j] === " " || text[j] === "\t") j++;
  const wordStart = j;
  while (j < text.length && !/[\s;&|<>()]/.test(text[j] as string)) j++;
  const word = text.slice(wordStart, j);
  if (word !== "" && !word.includes(SLOT)) {
    heredocs.push({ delimiter: word.replace(/['"\\]/g, ""), stripTabs, quoted: /['"\\]/.test(word) });
  }
  return j;
}

// PowerShell accepts typographic quotes as quote characters.
const PWSH_SINGLE = new Set(["'", "\u2018", "\u2019", "\u201A", "\u201B"]);
const PWSH_DOUBLE = new Set(['"', "\u201C", "\u201D", "\u201E"]);

/** The quoting context at each `SLOT` in `text`, read as a PowerShell script. */
export function pwshQuoting(text: string): PwshQuoting[] {
  const states: PwshQuoting[] = [];
  let mode: "code" | "single" | "double" | "here-single" | "here-double" | "comment" | "block-comment" = "code";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === SLOT) {
      states.push(mode === "single" || mode === "here-single" ? "single" : mode.endsWith("double") ? "double" : "none");
      continue;
    }
    switch (mode) {
      case "code":
        if (c === "`") {
          if (next === SLOT) throw escapedSlot(text, i);
          i++;
        } else if (c === "@" && (next === "'" || next === '"') && /^[ \t]*\r?\n/.test(text.slice(i + 2))) {
          mode = next === "'" ? "here-single" : "here-double";
          i++;
        } else if (PWSH_SINGLE.has(c)) mode = "single";
        else if (PWSH_DOUBLE.has(c)) mode = "double";
        else if (c === "<" && next === "#") mode = "block-comment";
        else if (c === "#" && (i === 0 || WORD_BREAK.test(text[i - 1] as string))) mode = "comment";
        break;
      case "single":
        if (PWSH_SINGLE.has(c)) {
          if (next !== undefined && PWSH_SINGLE.has(next)) i++;
          else mode = "code";
        }
        break;
      case "double":
        if (c === "`") {
          if (next === SLOT) throw escapedSlot(text, i);
          i++;
        } else if (PWSH_DOUBLE.has(c)) {
          if (next !== undefined && PWSH_DOUBLE.has(next)) i++;
          else mode = "code";
        }
        break;
      case "here-single":
      case "here-double":
        if (c === "\n" && text[i + 2] === "@" && (mode === "here-single" ? PWSH_SINGLE : PWSH_DOUBLE).has(next ?? "")) {
          mode = "code";
          i += 2;
        } else if (c === "`" && mode === "here-double") {
          if (next === SLOT) throw escapedSlot(text, i);
          i++;
        }
        break;
      case "comment":
        if (c === "\n") mode = "code";
        break;
      case "block-comment":
        if (c === "#" && next === ">") {
          mode = "code";
          i++;
        }
        break;
    }
  }
  return states;
}

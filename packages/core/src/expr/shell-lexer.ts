/**
 * Just enough shell lexing to know the quoting context at each point where an expression is interpolated
 * into a script, so that the variable reference inserted there is one word with the exact value. Not a
 * parser: it tracks quotes, escapes, comments, command substitutions and here-documents, which is what
 * decides quoting.
 */

/** Marks an interpolation point in the text being scanned. NUL cannot occur in a YAML scalar anyway. */
export const SLOT = "\u0000";

/** Quoting context in a POSIX shell script. */
export type ShQuoting = "none" | "double" | "single" | "ansi-c" | "heredoc" | "quoted-heredoc";

/** Quoting context in a PowerShell script. */
export type PwshQuoting = "none" | "double" | "single";

/** An interpolation directly after an escape character would have its first character escaped. */
function escapedSlot(text: string, i: number): Error {
  const before = text.slice(Math.max(0, i - 20), i).replaceAll(SLOT, "…");
  return new Error(
    `An expression directly follows the escape character in "${before}"; remove the escape or add a space.`,
  );
}

interface Frame {
  double: boolean;
  parens: number;
  /** What ends this command substitution: `)` for `$(`, a backtick for backticks, nothing at top level. */
  closer: ")" | "`" | "";
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

const WORD_BREAK = /[\s;&|(]/;

/** The quoting context at each `SLOT` in `text`, read as a POSIX shell (bash, sh) script. */
export function shQuoting(text: string): ShQuoting[] {
  const states: ShQuoting[] = [];
  const frames: Frame[] = [{ double: false, parens: 0, closer: "" }];
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
      case "code":
        return frames[frames.length - 1]?.double ? "double" : "none";
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === SLOT) {
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
    if (top.double) {
      if (c === '"') top.double = false;
      else if (c === "$" && next === "(") {
        frames.push({ double: false, parens: 0, closer: ")" });
        i++;
      } else if (c === "`") frames.push({ double: false, parens: 0, closer: "`" });
      continue;
    }
    if (c === "'") mode = "single";
    else if (c === "$" && next === "'") {
      mode = "ansi-c";
      i++;
    } else if (c === '"') top.double = true;
    else if (c === "$" && next === "(") {
      frames.push({ double: false, parens: 0, closer: ")" });
      i++;
    } else if (c === "`") {
      if (top.closer === "`") frames.pop();
      else frames.push({ double: false, parens: 0, closer: "`" });
    } else if (c === "(") top.parens++;
    else if (c === ")") {
      if (top.parens > 0) top.parens--;
      else if (top.closer === ")") frames.pop();
    } else if (c === "#" && (i === 0 || WORD_BREAK.test(text[i - 1] as string))) mode = "comment";
    else if (c === "<" && next === "<") {
      // `<<<` is a here-string, and `<<` inside `((...))` is a shift: neither starts a here-document.
      if (text[i + 2] === "<") i += 2;
      else if (top.parens === 0) i = readHeredocHeader(text, i + 2, heredocs) - 1;
      else i++;
    } else if (c === "\n" && heredocs.length > 0) {
      mode = "heredoc";
      lineStart = i + 1;
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

/**
 * Just enough shell reading to find the commands of a `run:` script: a script is cut into simple commands
 * at newlines, `;`, `&&`, `||`, pipes, subshells and command substitutions; quotes are removed from words;
 * comments and here-document bodies are skipped (their text is data, not commands). Not a parser: a
 * command it cannot make sense of comes out as words anyway, and the classifier treats it as unknown.
 */

/** One simple command: its words without quotes, and its source text (to see which variables it reads). */
export interface Command {
  words: string[];
  text: string;
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** The simple commands of a POSIX shell (or, roughly, PowerShell) script, in order. */
export function splitCommands(script: string): Command[] {
  const commands: Command[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let start = 0;
  let braces = 0;
  let quote: "'" | '"' | undefined;
  const pending: Heredoc[] = [];
  const text = script.replace(/\\\r?\n/g, " ");

  const endWord = (): void => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = (at: number): void => {
    endWord();
    if (words.length > 0) commands.push({ words, text: text.slice(start, at).trim() });
    words = [];
    start = at + 1;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) word += text[++i];
      else if (c === '"' && braces === 0) quote = undefined;
      else {
        if (c === "$" && text[i + 1] === "{") braces++;
        else if (c === "}" && braces > 0) braces--;
        word += c;
      }
      continue;
    }
    if (braces > 0) {
      if (c === "{") braces++;
      if (c === "}") braces--;
      word += c;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === "$" && text[i + 1] === "{") {
      braces = 1;
      word += "${";
      inWord = true;
      i++;
      continue;
    }
    if (c === "#" && !inWord) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      continue;
    }
    if (c === "<" && text[i + 1] === "<" && text[i + 2] !== "<") {
      const m = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i));
      if (m) {
        pending.push({ delimiter: m[3]!, stripTabs: m[1] === "-" });
        endWord();
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === "\n") {
      endCommand(i);
      if (pending.length > 0) i = skipHeredocs(text, i + 1, pending.splice(0)) - 1;
      start = i + 1;
      continue;
    }
    // `2>&1`, `&>file` and `<&3` are redirections, not the end of a command.
    if (c === "&" && (text[i - 1] === ">" || text[i - 1] === "<" || text[i + 1] === ">")) {
      word += c;
      inWord = true;
      continue;
    }
    if (c === "$" && text[i + 1] === "(") {
      endCommand(i);
      i++;
      start = i + 1;
      continue;
    }
    if (";&|()`".includes(c)) {
      endCommand(i);
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      endWord();
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand(text.length);
  return commands;
}

/** The index just after the bodies of `heredocs`, which start at `from`. */
function skipHeredocs(text: string, from: number, heredocs: Heredoc[]): number {
  let at = from;
  for (const heredoc of heredocs) {
    while (at < text.length) {
      const end = text.indexOf("\n", at);
      const line = text.slice(at, end === -1 ? text.length : end);
      at = end === -1 ? text.length : end + 1;
      if ((heredoc.stripTabs ? line.replace(/^\t+/, "") : line).trimEnd() === heredoc.delimiter) break;
    }
  }
  return at;
}

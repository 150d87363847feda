/**
 * The `sh` and `pwsh` script templates. An expression interpolated into a script is never pasted into the
 * script text (where GitHub would substitute it before the shell parses the line, so a crafted branch name or
 * PR title could run commands): it travels in an environment variable, and the script reads the variable.
 */
import { WfgenError } from "../diagnostics.ts";
import { existingVariable, derivedName, staticPath } from "./env-names.ts";
import { Expr, nodeOf } from "./expr.ts";
import { type RenderContext, renderExpression } from "./render.ts";
import { pwshQuoting, SLOT, shQuoting } from "./shell-lexer.ts";
import { splitTokens } from "./tokens.ts";

/** The shell family a script is written for: POSIX (`bash`, `sh`) or PowerShell. */
export type Shell = "sh" | "pwsh";

/** What a script template accepts: expressions (hoisted), constants (pasted), nested scripts (spliced). */
export type ScriptValue = string | number | boolean | Expr<unknown> | Script;

/** A script: literal text and the expressions between, lowered by `lowerScript`. Immutable. */
export class Script {
  /** The shell the text is written for; the step must run it with that shell. */
  readonly shell: Shell;
  /** Literal text and expressions, in order. */
  readonly parts: readonly (string | Expr<unknown>)[];

  /** Prefer the `sh` / `pwsh` templates or `script()`. */
  constructor(shell: Shell, parts: readonly (string | Expr<unknown>)[]) {
    this.shell = shell;
    this.parts = Object.freeze([...parts]);
    Object.freeze(this);
  }

  /** Pasting a script into a string would skip the hoisting that makes it safe, so it is refused. */
  toString(): never {
    throw new TypeError(
      "A sh`...` script cannot be used as text; pass it as the step's run (or splice it in sh`...`).",
    );
  }
}

/** Whether `value` is a `Script`. */
export function isScript(value: unknown): value is Script {
  return value instanceof Script;
}

function pushText(parts: (string | Expr<unknown>)[], text: string): void {
  for (const part of splitTokens(text)) parts.push(part);
}

function template(shell: Shell, strings: TemplateStringsArray, values: readonly ScriptValue[]): Script {
  const parts: (string | Expr<unknown>)[] = [];
  strings.raw.forEach((raw, i) => {
    // Raw text keeps backslashes for the shell (regexes, `\n` in printf); only JS's own escapes are undone.
    pushText(parts, raw.replace(/\\(`|\$\{)/g, "$1"));
    if (i >= values.length) return;
    const value = values[i];
    if (value instanceof Expr) parts.push(value);
    else if (value instanceof Script) {
      if (value.shell !== shell)
        throw new TypeError(`A ${value.shell} script cannot be spliced into a ${shell} script.`);
      parts.push(...value.parts);
    } else if (typeof value === "string") pushText(parts, value);
    else if (typeof value === "number" || typeof value === "boolean") parts.push(String(value));
    else
      throw new TypeError(
        `${shell}\`...\`: interpolated value #${i + 1} is ${String(value)}, not text or an expression.`,
      );
  });
  return new Script(shell, parts);
}

/**
 * A POSIX shell script (bash, sh). Interpolated expressions are moved to the step's `env:`; strings, numbers
 * and nested scripts are the author's text and are pasted. The text is the template's raw text: backslashes
 * reach the shell as written, except that `` \` `` and `\${` (JS escapes) become `` ` `` and `${`.
 */
export function sh(strings: TemplateStringsArray, ...values: ScriptValue[]): Script {
  return template("sh", strings, values);
}

/** A PowerShell script; as `sh`, with variables read as `$env:NAME`. */
export function pwsh(strings: TemplateStringsArray, ...values: ScriptValue[]): Script {
  return template("pwsh", strings, values);
}

/** A plain string as a script, so that placeholders in it (`${github.ref}` in a JS template) are hoisted too. */
export function script(text: string, shell: Shell = "sh"): Script {
  const parts: (string | Expr<unknown>)[] = [];
  pushText(parts, text);
  return new Script(shell, parts);
}

/** A lowered script: the step's `run` text and its complete `env`. */
export interface LoweredScript {
  run: string;
  /** `existingEnv` followed by the variables added for the script's expressions, in order of first use. */
  env: Record<string, string>;
}

function reference(shell: Shell, name: string, quoting: string, nextChar: string, exprText: string): string {
  const refuse = (why: string) => unsafeScript(`cannot pass \${{ ${exprText} }} to the script: ${why}`);
  if (shell === "sh") {
    switch (quoting) {
      case "none":
        return `"\${${name}}"`;
      case "single":
        return `'"\${${name}}"'`;
      case "ansi-c":
        return `'"\${${name}}"$'`;
      case "quoted-heredoc":
        throw refuse("it is inside a here-document with a quoted delimiter, which expands nothing; unquote it.");
      case "arithmetic":
        throw unsafeScript(
          `cannot pass \${{ ${exprText} }} into shell arithmetic ($(( )), (( )), $[ ], let, [[ -eq ]], a subscript): bash evaluates the value there as an expression, so a value such as a[$(id)] would run commands`,
          'read it into a variable outside the arithmetic, check that it is a number, then use the variable: n=${value}; case "$n" in ""|*[!0-9]*) exit 1;; esac; echo $((n + 1))',
        );
      default:
        return `\${${name}}`;
    }
  }
  if (quoting === "single") {
    throw refuse("PowerShell expands nothing in single quotes; use double quotes around it.");
  }
  if (quoting === "none" && (nextChar === "." || nextChar === "[")) {
    throw refuse(`PowerShell would read the following '${nextChar}' as member access; use double quotes around it.`);
  }
  return /[A-Za-z0-9_?:]/.test(nextChar) ? `\${env:${name}}` : `$env:${name}`;
}

/**
 * Lowers a script to the step's `run` and `env`. Each distinct expression gets one variable: one the step
 * already has (`env.X`, `github.actor` -> `GITHUB_ACTOR`, an `existingEnv` entry with the same value) or a new
 * entry with a name derived from the expression (see `derivedName`; `EXPR_<n>` for computed values), made
 * unique with `_2`, `_3`... The reference is quoted for the shell's quoting context at that point.
 */
export function lowerScript(
  script: Script,
  ctx: RenderContext,
  existingEnv: Readonly<Record<string, string>> = {},
): LoweredScript {
  const exprs = script.parts.filter((p): p is Expr<unknown> => typeof p !== "string");
  const text = script.parts.map((p) => (typeof p === "string" ? p : SLOT)).join("");
  if (text.split(SLOT).length !== exprs.length + 1) {
    throw unsafeScript("the script contains a NUL character, which no shell reads as text", "remove the NUL (\\0) from the script");
  }
  const quoting: readonly string[] = script.shell === "sh" ? shQuoting(text) : pwshQuoting(text);

  const rendered = exprs.map((e) => renderExpression(e, ctx));
  const paths = exprs.map((e) => staticPath(nodeOf(e), ctx));
  const direct = paths.map((p) => (p ? existingVariable(p) : undefined));
  const used = new Set([...Object.keys(existingEnv), ...direct.filter((d) => d !== undefined)]);
  const added: Record<string, string> = {};
  const byText = new Map<string, string>();
  let counter = 0;

  const unique = (base: string): string => {
    // A suffix on GITHUB_TOKEN would make a reserved GITHUB_ name, which the runner ignores.
    const stem = base === "GITHUB_TOKEN" ? "TOKEN" : base;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${stem}_${n}`;
    return name;
  };
  const numbered = (): string => {
    let name: string;
    do name = `EXPR_${++counter}`;
    while (used.has(name));
    return name;
  };

  const names = exprs.map((_, k) => {
    const existing = direct[k];
    if (existing !== undefined) return existing;
    const exprText = rendered[k] as string;
    const known = byText.get(exprText);
    if (known !== undefined) return known;
    const value = `\${{ ${exprText} }}`;
    const path = paths[k];
    const base = path ? derivedName(path) : undefined;
    const sameValue = Object.keys(existingEnv).filter((n) => existingEnv[n] === value);
    let name = base !== undefined && sameValue.includes(base) ? base : sameValue[0];
    if (name === undefined) {
      name = base === undefined ? numbered() : unique(base);
      used.add(name);
      added[name] = value;
    }
    byText.set(exprText, name);
    return name;
  });

  let run = "";
  let k = 0;
  script.parts.forEach((part, i) => {
    if (typeof part === "string") {
      run += part;
      return;
    }
    const next = script.parts[i + 1];
    const nextChar = typeof next === "string" ? (next[0] ?? "") : "";
    run += reference(script.shell, names[k] as string, quoting[k] as string, nextChar, rendered[k] as string);
    k++;
  });
  if (run.includes("${{")) {
    // Only constants can put it there, and GitHub would evaluate it inside the script: the injection this
    // module exists to prevent.
    throw unsafeScript(
      "the script text contains '${{', which GitHub would expand inside the script",
      'interpolate an expression instead (expr.raw("...") for hand-written text) so that it is passed through env',
    );
  }
  return { run, env: { ...existingEnv, ...added } };
}

/** A script the template refuses to write: the user's to fix, reported at the step like any build error. */
function unsafeScript(message: string, fix?: string): WfgenError {
  return new WfgenError({ severity: "error", code: "unsafe-script", message, ...(fix !== undefined && { fix }), where: {} });
}

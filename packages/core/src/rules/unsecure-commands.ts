// ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path, which let anything a step prints
// (a log line with attacker text in it) change later steps' environment. set-output and save-state are
// deprecated stdout commands replaced by $GITHUB_OUTPUT and $GITHUB_STATE: less dangerous, hence a warning.
import { defineRule, type Json, type ModelPath } from "./types.ts";
import { blankExpressions, scalarText } from "./util.ts";

// The runner turns the commands back on for `true`, `1` or `$true` (any case); an expression may give any of them.
function enables(value: unknown): boolean {
  const text = scalarText(value)?.trim().toLowerCase();
  return text === undefined || text.includes("${{") || text === "true" || text === "1" || text === "$true";
}

const COMMAND = /::(set-env|add-path|set-output|save-state)\b/g;
const REPLACEMENT: Record<string, string> = {
  "set-env": 'echo "NAME=value" >> "$GITHUB_ENV"',
  "add-path": 'echo "/some/dir" >> "$GITHUB_PATH"',
  "set-output": 'echo "name=value" >> "$GITHUB_OUTPUT"',
  "save-state": 'echo "name=value" >> "$GITHUB_STATE"',
};

export const unsecureCommands = defineRule({
  id: "unsecure-commands",
  severity: "error",
  confidence: "high",
  summary: "ACTIONS_ALLOW_UNSECURE_COMMANDS is set, or a script prints a deprecated workflow command (::set-env, ::add-path, ::set-output, ::save-state).",
  fix: "Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to the environment files ($GITHUB_ENV, $GITHUB_PATH, $GITHUB_OUTPUT, $GITHUB_STATE) instead.",
  visits: ["workflow", "job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const [env, path]: [Json, ModelPath] =
      context.level === "workflow" ? [context.workflow.env, ["env"]] : context.level === "job" ? [context.job.env, [...context.job.path, "env"]] : [context.step.env, [...context.step.path, "env"]];
    for (const [name, value] of Object.entries(env)) {
      if (name.toUpperCase() !== "ACTIONS_ALLOW_UNSECURE_COMMANDS" || !enables(value)) continue;
      context.report({
        path: [...path, name],
        message: `${name} re-enables the set-env and add-path commands, so any step whose output an outsider can influence can rewrite the environment of the steps after it`,
        fix: `remove ${name}; write variables with echo "NAME=value" >> "$GITHUB_ENV" and paths with echo "/dir" >> "$GITHUB_PATH"`,
      });
    }
    if (context.level !== "step" || context.step.run === undefined) return;
    // Text inside ${{ }} is never printed as such; only the script's own text counts.
    const script = blankExpressions(context.step.run);
    const counts = new Map<string, number>();
    for (const match of script.matchAll(COMMAND)) {
      const command = match[1]!;
      const occurrence = counts.get(match[0]) ?? 0;
      counts.set(match[0], occurrence + 1);
      const disabled = command === "set-env" || command === "add-path";
      context.report({
        path: [...context.step.path, "run"],
        needle: match[0],
        occurrence,
        severity: disabled ? "error" : "warning",
        message: disabled
          ? `the script prints ::${command}, a workflow command GitHub disabled because printed text could rewrite the environment; the runner now fails the step`
          : `the script prints ::${command}, a deprecated workflow command that reads its value from the log, where other printed text can forge it`,
        fix: `use ${REPLACEMENT[command]} instead`,
      });
    }
  },
});

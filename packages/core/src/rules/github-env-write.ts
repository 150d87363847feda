// Lines written to $GITHUB_ENV or $GITHUB_PATH change the environment of every later step. In a privileged
// workflow (pull_request_target, workflow_run, or one an issue or comment sets off) a value that comes from
// outside can set LD_PRELOAD, NODE_OPTIONS, BASH_ENV or PATH and take over the rest of the job. A line whose
// value is fixed text (or only expressions nobody outside controls) cannot, and is not reported.
import { defineRule, type ModelPath } from "./types.ts";
import { untrustedSource, type Scope } from "./untrusted.ts";
import { envEntry, expressionsOf, PRIVILEGED_EVENTS, shellVariablesRead, triggerAmong, usesAction } from "./util.ts";

const SHELL_WRITE = /\$\{?(?:env:)?GITHUB_(?:ENV|PATH)\b\}?/;
const SCRIPT_WRITE = /\bcore\s*\.\s*(?:exportVariable|addPath)\s*\(/g;
// `echo ... >> "$GITHUB_ENV"` or `printf ...`, the whole write on one line.
const ECHO_WRITE = /^\s*(?:echo|printf|Write-Output)\s+(.*?)\s*>>?\s*["']?\$\{?(?:env:)?GITHUB_(?:ENV|PATH)\}?["']?\s*$/i;
// core.exportVariable('NAME', 'text') and core.addPath('text'): literal arguments only.
const LITERAL = `(?:'[^'\\\\\\n]*'|"[^"\\\\\\n$]*")`;
const SCRIPT_CONSTANT = new RegExp(`^\\s*core\\s*\\.\\s*(?:exportVariable\\s*\\(\\s*${LITERAL}\\s*,\\s*${LITERAL}|addPath\\s*\\(\\s*${LITERAL})\\s*\\)`);

export const githubEnvWrite = defineRule({
  id: "github-env-write",
  severity: "error",
  confidence: "medium",
  summary: "A privileged workflow (pull_request_target, workflow_run, issue_comment, ...) writes a value that is not fixed to GITHUB_ENV or GITHUB_PATH.",
  fix: "Pass values between steps through $GITHUB_OUTPUT and steps.<id>.outputs, or write only literal, fixed values.",
  visits: ["step"],
  check(context) {
    const { step, job, workflow } = context;
    const trigger = triggerAmong(workflow, PRIVILEGED_EVENTS);
    if (trigger === undefined) return;
    // Where outsiders write only text (a comment, an issue), a write is theirs only if the step reads that text.
    const textOnly = TEXT_ONLY.has(trigger);
    const found: Array<{ key: ModelPath; match: string; occurrence?: number }> = [];
    if (step.run !== undefined && (!textOnly || readsOutsidersText(step.run, { workflow, job, step }))) {
      const lines = step.run.split("\n");
      const at = lines.findIndex((line) => SHELL_WRITE.test(line) && !fixedWrite(line, { workflow, job, step }));
      if (at >= 0) {
        const match = SHELL_WRITE.exec(lines[at]!)![0];
        // Point at this line's write, not at an earlier fixed one.
        const occurrence = lines.slice(0, at).join("\n").split(match).length - 1;
        found.push({ key: [...step.path, "run"], match, occurrence });
      }
    }
    if (usesAction(step, "actions/github-script") && typeof step.with.script === "string" && (!textOnly || readsOutsidersText(step.with.script, { workflow, job, step }) || /context\.payload/.test(step.with.script))) {
      const script = step.with.script;
      const call = [...script.matchAll(SCRIPT_WRITE)].find((m) => !SCRIPT_CONSTANT.test(script.slice(m.index)));
      if (call) found.push({ key: [...step.path, "with", "script"], match: call[0] });
    }
    for (const { key, match, occurrence } of found) {
      const file = /PATH|addPath/.test(match) ? "GITHUB_PATH" : "GITHUB_ENV";
      context.report({
        path: key,
        needle: match,
        ...(occurrence ? { occurrence } : {}),
        message: `writes to ${file} in a workflow run by ${trigger}; if any of the value comes from ${trigger === "pull_request_target" || trigger === "workflow_run" ? "the pull request" : "the issue, comment or discussion"}, it can set ${file === "GITHUB_PATH" ? "PATH" : "LD_PRELOAD or NODE_OPTIONS"} for every later step, which run with the repository's secrets`,
        fix: "pass values to later steps through $GITHUB_OUTPUT and steps.<id>.outputs, or write only fixed values that no outsider can influence",
      });
    }
  },
});

const TEXT_ONLY = new Set(["issue_comment", "issues", "discussion", "discussion_comment"]);

// The script reads the event's text: through ${{ }}, an env variable that holds it, or the event file.
function readsOutsidersText(script: string, scope: Scope): boolean {
  if (/GITHUB_EVENT_PATH/.test(script)) return true;
  const texts = [script, ...[...shellVariablesRead(script)].flatMap((name) => envEntry(name, scope.workflow, scope.job, scope.step)?.value ?? [])];
  return texts.some((text) => expressionsOf(text).some((e) => untrustedSource(e.inner, scope)?.severity === "error"));
}

// An echo or printf whose text has no shell expansion outside single quotes, and whose `${{ }}` read nothing
// outsiders control: `echo "MODE=fast" >> "$GITHUB_ENV"`, `echo "SHA=${{ github.sha }}" >> "$GITHUB_ENV"`.
function fixedWrite(line: string, scope: Scope): boolean {
  const match = ECHO_WRITE.exec(line);
  if (!match) return false;
  let text = match[1]!;
  for (const expression of expressionsOf(text)) {
    if (untrustedSource(expression.inner, scope) !== undefined) return false;
    text = text.replace(expression.text, "");
  }
  return !/[$`]/.test(text.replace(/'[^']*'/g, ""));
}

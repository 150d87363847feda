/**
 * The tables of docs/permissions.md, generated from the knowledge the engine runs on, so the docs cannot
 * drift from the behaviour: a test compares the file with this output.
 */
import { ACTION_KNOWLEDGE } from "./knowledge.ts";
import { MAPPED_RESOURCES } from "./rest-api.ts";
import { GH_COMMANDS, OTHER_COMMANDS } from "./run-commands.ts";

/** Marks around the generated part of docs/permissions.md. */
export const TABLE_START = "<!-- generated from packages/core/src/permissions: do not edit by hand -->";
export const TABLE_END = "<!-- end of generated tables -->";

/** The generated markdown, between (and including) the two marks. */
export function permissionsDocTables(): string {
  const lines: string[] = [TABLE_START, "", "### Actions", "", "| Action | Needs | Depends on |", "| --- | --- | --- |"];
  for (const entry of ACTION_KNOWLEDGE) {
    const when = [...(entry.when ?? [])];
    if (entry.tokenInput !== undefined && !when.some((w) => w.includes(`\`${entry.tokenInput}\``))) {
      when.push(`\`${entry.tokenInput}\` set to another token: nothing of the GITHUB_TOKEN${entry.needs.includes("id-token") ? " but `id-token: write`" : ""}`);
    }
    lines.push(`| \`${entry.action}\` | ${entry.needs} | ${when.length > 0 ? when.join("; ") : "-"} |`);
  }
  lines.push("", "### Commands in `run:` steps", "", "`gh` commands count when gh authenticates with the token: `GH_TOKEN` holds it, else `GITHUB_TOKEN` (set in `env:` or in front of the command), else the script logs gh in with it. `GH_TOKEN` set to another token wins.", "");
  lines.push("| Command | Needs |", "| --- | --- |");
  for (const rule of GH_COMMANDS) {
    // Subcommands are joined with `/`: a `|` would split the markdown table's cell, even inside backticks.
    lines.push(`| \`gh ${rule.group} ${rule.write.join("/")}\` | \`${rule.scope}: write\` |`);
    lines.push(`| \`gh ${rule.group} ${rule.read.join("/")}\` | \`${rule.scope}: read\` |`);
  }
  lines.push("", "| Command | Needs | When |", "| --- | --- | --- |");
  for (const row of OTHER_COMMANDS) lines.push(`| ${row.command} | ${row.needs} | ${row.when || "-"} |`);
  lines.push("", "REST paths mapped for `gh api` and `curl`/`wget` (GET and HEAD read, other methods write):", "");
  lines.push("| Path | Scope |", "| --- | --- |");
  for (const { path, scope } of MAPPED_RESOURCES) lines.push(`| \`${path}\` | \`${scope}\` |`);
  lines.push("", TABLE_END);
  return lines.join("\n");
}

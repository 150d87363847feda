// `github.actor` is whoever caused the latest event of the run, not who wrote the change: when Dependabot
// (or any bot) updates a pull request that someone else opened, or someone re-runs a bot's run, the check
// `github.actor == 'dependabot[bot]'` holds for code the bot did not write. Used to grant a privilege
// (auto-merge, secrets, skipping review), it can be made true by others. The pull request's author cannot.
import type { Node } from "../expr/node.ts";
import { accessPath, parseExpression, pathText } from "./expression-flow.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { expressionsOf, PRIVILEGED_EVENTS, scalarText, triggerAmong } from "./util.ts";

// Contexts that name whoever set off the run; `github.event.sender` is the same person for most events.
const ACTOR = new Set(["github.actor", "github.triggering_actor", "github.actor_id", "github.event.sender.login", "github.event.sender.id"]);
// The user ids of the usual bots, which some workflows compare github.actor_id with.
const BOT_IDS = new Set(["49699333", "29139614", "41898282"]);
const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];

/** The bot an `actor == '...[bot]'` comparison (or `contains(github.actor, '[bot]')`) in the condition names. */
function botComparison(node: Node): { actor: string; bot: string } | undefined {
  if (node.kind === "logical") {
    for (const arg of node.args) {
      const found = botComparison(arg);
      if (found) return found;
    }
    return undefined;
  }
  if (node.kind === "comparison" && node.op === "==") {
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
      const path = accessPath(side);
      if (!path || !ACTOR.has(pathText(path)) || other.kind !== "literal" || other.value === null) continue;
      const value = String(other.value);
      if (/\[bot\]$/i.test(value) || BOT_IDS.has(value)) return { actor: path.join("."), bot: value };
    }
  }
  if (node.kind === "call" && /^(?:contains|endswith)$/i.test(node.name) && node.args.length === 2) {
    const path = accessPath(node.args[0]!);
    const needle = node.args[1]!;
    if (path && ACTOR.has(pathText(path)) && needle.kind === "literal" && typeof needle.value === "string" && /\[bot\]/i.test(needle.value)) {
      return { actor: path.join("."), bot: needle.value };
    }
  }
  return undefined;
}

export const botCondition = defineRule({
  id: "bot-condition",
  severity: "warning",
  confidence: "medium",
  summary: "An if: trusts github.actor (or triggering_actor) to be a bot, which someone else can make true.",
  fix: "Check who wrote the change instead: github.event.pull_request.user.login == 'dependabot[bot]'.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const [value, path]: [unknown, ModelPath] =
      context.level === "job" ? [context.job.value.if, [...context.job.path, "if"]] : [context.step.value.if, [...context.step.path, "if"]];
    const text = scalarText(value);
    if (text === undefined) return;
    const inners = text.includes("${{") ? expressionsOf(text).map((e) => e.inner) : [text];
    for (const inner of inners) {
      const ast = parseExpression(inner);
      const found = ast && botComparison(ast);
      if (!found) continue;
      const privileged = triggerAmong(context.workflow, PRIVILEGED_EVENTS);
      const pullRequest = triggerAmong(context.workflow, PULL_REQUEST_EVENTS);
      context.report({
        path,
        needle: found.actor,
        ...(privileged !== undefined ? { severity: "error" as const } : {}),
        message: `the condition trusts ${found.actor} to be ${found.bot}, but ${found.actor} is whoever set off the latest event of the run: someone else's change can run with it, for instance after the bot updates their pull request${privileged !== undefined ? `, and this workflow runs on ${privileged} with the repository's secrets` : ""}`,
        fix: pullRequest
          ? `check the pull request's author, which nobody else can become: ${BOT_IDS.has(found.bot) ? `github.event.pull_request.user.id == ${found.bot}` : `github.event.pull_request.user.login == '${found.bot}'`}`
          : `check something the bot alone controls, such as the pull request's author (github.event.pull_request.user.login) or the commit's author, rather than who set off the run`,
      });
      return;
    }
  },
});

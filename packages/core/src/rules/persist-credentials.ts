// actions/checkout leaves the token in the checkout's git config unless told not to; every later step (and
// any artifact or image built from the workspace) can then read it. Jobs that push with git need it kept.
import { defineRule } from "./types.ts";
import { isFalse, usesAction } from "./util.ts";

export const persistCredentials = defineRule({
  id: "persist-credentials",
  severity: "warning",
  confidence: "medium",
  summary: "actions/checkout keeps the token in .git/config (persist-credentials is not false).",
  fix: "Add with: { persist-credentials: false } to the checkout, unless a later step pushes with git.",
  fixTs: 'Pass with: { "persist-credentials": false } to checkout(), unless a later step pushes with git.',
  visits: ["step"],
  documents: ["workflow", "action"],
  check(context) {
    const { step, job } = context;
    if (!usesAction(step, "actions/checkout")) return;
    const key = Object.keys(step.with).find((k) => k.toLowerCase() === "persist-credentials");
    const value = key === undefined ? undefined : step.with[key];
    if (isFalse(value)) return;
    // The credentials are the point when a later step pushes commits or tags with git.
    const pushes = job.steps.some((later) => later.index > step.index && later.run !== undefined && /\bgit\s+push\b/.test(later.run));
    if (pushes) return;
    context.report({
      path: key === undefined ? [...step.path, "uses"] : [...step.path, "with", key],
      message:
        key === undefined
          ? `${step.uses!.raw} keeps the job's token in .git/config (persist-credentials defaults to true); every later step, and anything that packs the workspace, can read it`
          : `persist-credentials is ${JSON.stringify(value)}, so the job's token stays in .git/config for every later step to read`,
      fix: "set persist-credentials: false under with:; pass a token explicitly to the one step that pushes, if any",
      fixTs: 'pass with: { "persist-credentials": false } to the checkout; pass a token explicitly to the one step that pushes, if any',
    });
  },
});

/**
 * Contexts whose values an outsider chooses: whoever opens an issue, comments, names a branch or writes a
 * commit message. Matched on expressions normalised by `normaliseExpression` (lowercase, `.*` for indexes).
 * Each entry says in plain words who controls the value, for the message.
 */
import { normaliseExpression } from "./util.ts";

interface Untrusted {
  pattern: RegExp;
  what: string;
}

// `a.*.b` matches any one segment in place of `*` (an index, normalised to `*`, or a key).
const ctx = (path: string, what: string): Untrusted => ({
  pattern: new RegExp(`(?<![\\w.-])${path.replace(/\./g, "\\.").replace(/\\\.\*/g, "\\.[^.\\s]+")}(?![\\w-])`),
  what,
});

// Whole objects that contain attacker text: dumping them (toJSON, or the bare object) injects the same way.
const OBJECT = "(?:issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages|workflow_run)";

const UNTRUSTED: readonly Untrusted[] = [
  ctx("github.head_ref", "the pull request's branch name, which its author chooses"),
  ctx("github.event.pull_request.title", "the pull request's title, which its author writes"),
  ctx("github.event.pull_request.body", "the pull request's description, which its author writes"),
  ctx("github.event.pull_request.head.ref", "the pull request's branch name, which its author chooses"),
  ctx("github.event.pull_request.head.label", "the pull request's head label (owner:branch), which its author chooses"),
  ctx("github.event.pull_request.head.repo.default_branch", "the default branch name of the fork, which its owner chooses"),
  ctx("github.event.pull_request.head.repo.description", "the fork's description, which its owner writes"),
  ctx("github.event.pull_request.head.repo.homepage", "the fork's homepage, which its owner writes"),
  ctx("github.event.issue.title", "the issue's title, which whoever opens the issue writes"),
  ctx("github.event.issue.body", "the issue's body, which whoever opens the issue writes"),
  ctx("github.event.comment.body", "the comment's body, which anyone who can comment writes"),
  ctx("github.event.review.body", "the review's body, which the reviewer writes"),
  ctx("github.event.review_comment.body", "the review comment's body, which the reviewer writes"),
  ctx("github.event.discussion.title", "the discussion's title, which whoever starts it writes"),
  ctx("github.event.discussion.body", "the discussion's body, which whoever starts it writes"),
  ctx("github.event.pages.*.page_name", "a wiki page's name, which any wiki editor chooses"),
  ctx("github.event.commits.*.message", "a commit message, which the commit's author writes"),
  ctx("github.event.commits.*.author.name", "a commit's author name, which the committer sets freely"),
  ctx("github.event.commits.*.author.email", "a commit's author email, which the committer sets freely"),
  ctx("github.event.head_commit.message", "the head commit's message, which the commit's author writes"),
  ctx("github.event.head_commit.author.name", "the head commit's author name, which the committer sets freely"),
  ctx("github.event.head_commit.author.email", "the head commit's author email, which the committer sets freely"),
  ctx("github.event.workflow_run.head_branch", "the triggering run's branch name, which a fork's author can choose"),
  ctx("github.event.workflow_run.display_title", "the triggering run's title (a commit message or PR title)"),
  ctx("github.event.workflow_run.head_commit.message", "the triggering run's commit message"),
  ctx("github.event.workflow_run.head_commit.author.name", "the triggering run's commit author name"),
  ctx("github.event.workflow_run.head_commit.author.email", "the triggering run's commit author email"),
  ctx("github.event.workflow_run.pull_requests.*.head.ref", "a pull request branch name of the triggering run"),
  ctx("github.event.merge_group.head_commit.message", "the merge queue commit's message, written by the pull request's author"),
  {
    pattern: new RegExp(`(?<![\\w.-])github\\.event(?:\\.${OBJECT})?(?![\\w.-]|\\s*\\.)`),
    what: "a whole event object, which contains titles, bodies and branch names that outsiders write",
  },
];

/** What an expression reads that outsiders control, in words; undefined when it reads nothing of the kind. */
export function untrustedIn(inner: string): string | undefined {
  const code = normaliseExpression(inner).replace(/'(?:[^']|'')*'/g, "''");
  return UNTRUSTED.find((entry) => entry.pattern.test(code))?.what;
}

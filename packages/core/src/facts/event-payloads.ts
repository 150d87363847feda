// The top-level keys of the webhook payload (`github.event`) of the events workflows most often read, as
// the union over each event's activity types. From the payload schemas of octokit/webhooks
// (payload-schemas/schemas/<event>/*.schema.json, e.g. push/event.schema.json at
// 124b0b284c4b89eac2d8ac0feadee07c7fa43210), which GitHub's "Webhook events and payloads" page
// (https://docs.github.com/en/webhooks/webhook-events-and-payloads) documents. An event missing here is
// not checked: its payload is taken to have any key.

/** Keys every event's payload may have (the app installation, the organization and enterprise of the repository). */
const COMMON = ["action", "enterprise", "installation", "organization", "repository", "sender"];

const PULL_REQUEST = [
  "number", "pull_request", "changes", "label", "assignee", "requested_reviewer", "requested_team", "before", "after",
  "reason", "milestone",
];

/** Event name -> the keys of its payload beyond {@link COMMON}. */
const PAYLOADS: Readonly<Record<string, readonly string[]>> = {
  push: ["ref", "before", "after", "created", "deleted", "forced", "base_ref", "compare", "commits", "head_commit", "pusher"],
  pull_request: PULL_REQUEST,
  pull_request_target: PULL_REQUEST,
  pull_request_review: ["review", "pull_request", "changes"],
  pull_request_review_comment: ["comment", "pull_request", "changes"],
  issues: ["issue", "changes", "label", "assignee", "milestone"],
  issue_comment: ["issue", "comment", "changes"],
  release: ["release", "changes"],
  workflow_dispatch: ["inputs", "ref", "workflow"],
  workflow_run: ["workflow_run", "workflow"],
  repository_dispatch: ["branch", "client_payload"],
  merge_group: ["merge_group"],
  create: ["ref", "ref_type", "master_branch", "description", "pusher_type"],
  delete: ["ref", "ref_type", "pusher_type"],
};

/** The top-level payload keys of `event`, lowercase; undefined when wfgen does not know its payload. */
export function payloadKeys(event: string): readonly string[] | undefined {
  const keys = PAYLOADS[event];
  return keys && [...COMMON, ...keys];
}

/**
 * The REST calls a script makes with the token (`gh api`, `curl` to api.github.com), mapped to the scope
 * GitHub's table of permissions for GitHub Apps gives them, by the path's resource. Only well-known
 * resources are mapped; any other path is unknown, and the step must declare its needs.
 */
import type { PermissionScope } from "../facts/index.ts";
import type { Need } from "./needs.ts";

/** Resources under `repos/{owner}/{repo}/`, by their first segment. */
const REPOSITORY_RESOURCES: Readonly<Record<string, PermissionScope>> = {
  actions: "actions",
  attestations: "attestations",
  branches: "contents",
  "check-runs": "checks",
  "check-suites": "checks",
  "code-scanning": "security-events",
  commits: "contents",
  compare: "contents",
  contents: "contents",
  deployments: "deployments",
  dispatches: "contents",
  git: "contents",
  issues: "issues",
  labels: "issues",
  merges: "contents",
  milestones: "issues",
  pages: "pages",
  pulls: "pull-requests",
  releases: "contents",
  statuses: "statuses",
  tags: "contents",
};

/** Methods that only read. */
const READING = new Set(["GET", "HEAD"]);

/** The REST paths the engine maps and their scopes, for the docs. */
export const MAPPED_RESOURCES: ReadonlyArray<{ path: string; scope: PermissionScope }> = [
  ...Object.entries(REPOSITORY_RESOURCES).map(([resource, scope]) => ({ path: `repos/{owner}/{repo}/${resource}`, scope })),
  { path: "repos/{owner}/{repo}/commits/{ref}/statuses", scope: "statuses" },
  { path: "repos/{owner}/{repo}/commits/{ref}/check-runs", scope: "checks" },
  { path: "orgs/{org}/packages", scope: "packages" },
  { path: "users/{user}/packages", scope: "packages" },
  { path: "user/packages", scope: "packages" },
];

/**
 * The need of one REST call, or undefined when the path is not one wfgen maps. `path` may be a full URL or
 * a path with placeholders (`repos/{owner}/{repo}/releases`, `repos/$GITHUB_REPOSITORY/issues/1/comments`).
 */
export function restNeed(method: string, path: string, via: string): Need | undefined {
  const level = READING.has(method.toUpperCase()) ? "read" : "write";
  const segments = path
    .replace(/^https?:\/\/api\.github\.com/i, "")
    .replace(/[?#].*$/, "")
    .split("/")
    .filter((s) => s !== "");
  let scope: PermissionScope | undefined;
  if (segments[0] === "repos") {
    // `repos/$GITHUB_REPOSITORY/...` is one segment that stands for two.
    const rest = /GITHUB_REPOSITORY\b|github\.repository\b/.test(segments[1] ?? "") ? segments.slice(2) : segments.slice(3);
    const resource = rest[0];
    if (resource === "commits" && (rest[2] === "statuses" || rest[2] === "status")) scope = "statuses";
    else if (resource === "commits" && (rest[2] === "check-runs" || rest[2] === "check-suites")) scope = "checks";
    else if (resource !== undefined && Object.hasOwn(REPOSITORY_RESOURCES, resource)) scope = REPOSITORY_RESOURCES[resource];
  } else if ((segments[0] === "orgs" || segments[0] === "users") && segments[2] === "packages") scope = "packages";
  else if (segments[0] === "user" && segments[1] === "packages") scope = "packages";
  if (scope === undefined) return undefined;
  const what = `${method.toUpperCase()} /${segments.join("/")}`;
  return { scope, level, reason: `calls ${what} with GITHUB_TOKEN (${via})` };
}

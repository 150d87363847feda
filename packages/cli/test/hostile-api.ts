/**
 * A GitHub API stand-in on 127.0.0.1 that answers as a test tells it to: a broken SHA, a Link header to
 * another origin or back to itself, a response that never comes or never ends, JSON of the wrong shape.
 * Every request is recorded with its Authorization header, so tests can prove where the token went.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** A commit SHA the tests use as "the right answer". */
export const GOOD_SHA = "0123456789abcdef0123456789abcdef01234567";

/** One recorded request. */
export interface Recorded {
  path: string;
  authorization: string | undefined;
}

/** A running server. */
export interface HostileServer {
  url: string;
  requests: Recorded[];
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, server: HostileServer) => void;

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
});

/** Start a server answering with `handler`; it is closed (open connections too) after the test. */
export async function startServer(handler: Handler): Promise<HostileServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    self.requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    handler(req, res, url, self);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const self: HostileServer = { url: `http://127.0.0.1:${port}`, requests: [] };
  running.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return self;
}

/** Send `body` as JSON. */
export function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** The matching-refs answer for one lightweight tag at `sha`. */
export function tagList(tag: string, sha: string): unknown[] {
  return [{ ref: `refs/tags/${tag}`, object: { sha, type: "commit", url: "" } }];
}

/** A server that lists `tag` at `sha` (whatever `sha` is) for every repository. */
export function answering(tag: string, sha: unknown): Promise<HostileServer> {
  return startServer((_req, res) => json(res, [{ ref: `refs/tags/${tag}`, object: { sha, type: "commit" } }]));
}

/** A workflows.ts whose one job uses `intents`, in order. */
export function usesTs(...intents: string[]): string {
  return [
    'import { job, workflow } from "wfgen";',
    "",
    'export const ci = workflow("ci", {',
    "  on: { push: {} },",
    '  jobs: { test: job({ "runs-on": "ubuntu-latest", steps: [',
    ...intents.map((uses) => `    { uses: ${JSON.stringify(uses)} },`),
    "  ] }) },",
    "});",
    "",
  ].join("\n");
}

// The peer replica's build, run under tsx by cli.mjs (see there). Deliberately plain: what the peer does
// for each workflow, and nothing wfgen adds (no validation, no pinning, no permission inference).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { dump } from "js-yaml";

const [command = "build", folder = "."] = process.argv.slice(2);
const root = resolve(folder);
const out = join(root, ".github/workflows");
const header = "# DO NOT MODIFY\n# This file is generated from workflows.ts by the peer replica.\n\n";

const module = (await import(pathToFileURL(join(root, "workflows.ts")).href)) as Record<string, unknown>;
let drift = 0;
mkdirSync(out, { recursive: true });
for (const value of Object.values(module)) {
  const candidate = value as { filename?: unknown; workflow?: unknown };
  if (typeof candidate?.filename !== "string" || typeof candidate.workflow !== "object") continue;
  const text = header + dump(candidate.workflow, { noRefs: true, lineWidth: -1 });
  const path = join(out, `${candidate.filename}.yml`);
  if (command === "build") {
    writeFileSync(path, text);
    continue;
  }
  let committed: string | undefined;
  try {
    committed = readFileSync(path, "utf8");
  } catch {
    committed = undefined;
  }
  if (committed !== text) {
    drift++;
    console.error(`out of date: ${path}`);
  }
}
if (drift > 0) process.exit(1);

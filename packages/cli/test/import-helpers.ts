/**
 * The round trip that is `wfgen import`'s contract, as tests check it: import YAML into a temporary
 * repository with the CLI (in-process), build the TypeScript with the CLI's own loader, and compare what
 * the build wrote with the input as parsed data, after the documented normalisations only
 * (docs/migrating.md):
 *
 * - the `permissions: {}` the build adds at the workflow level when the YAML had none;
 * - the `permissions` the build gives a job that had none (inferred, or the grant import wrote for it);
 * - `uses:` refs replaced by the commit SHA the lock resolves them to.
 *
 * Key order, quoting, block style, comments and the header are not part of parsed data, so they need no
 * normalising. Anchors and aliases are expanded on both sides by the parser.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isCommitSha, isUnpinned, parseLock, parseUses, type Lock } from "@wfgen/core";
import ts from "typescript";
import { expect } from "vitest";
import { Parser, parse } from "yaml";
import { read, repo, wfgen, write, type RunResult } from "./helpers.ts";

/** A workflow file to import: its name (`ci.yml`) and YAML text. */
export type YamlFiles = Record<string, string>;

export interface RoundTrip {
  dir: string;
  imported: RunResult;
  built: RunResult;
  source: string;
  lock: Lock;
  remove(): void;
}

/**
 * Import `files` (written under `yaml/`) into `workflows.ts`, then build it. The repository is removed after
 * the current test, or with `keep`, when the caller calls `trip.remove()` (for a trip shared by tests).
 */
export async function importAndBuild(files: YamlFiles, extraArgs: string[] = [], keep = false): Promise<RoundTrip> {
  const yaml = Object.fromEntries(Object.entries(files).map(([name, text]) => [`yaml/${name}`, text]));
  let dir: string;
  if (keep) {
    dir = mkdtempSync(join(tmpdir(), "wfgen-import-"));
    write(dir, yaml);
  } else dir = repo(yaml);
  const imported = await wfgen(dir, ["import", ...Object.keys(files).map((f) => `yaml/${f}`), "--out", "workflows.ts", ...extraArgs]);
  const source = read(dir, "workflows.ts");
  const parsed = parseLock(read(dir, "wfgen.lock.json"));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const built = await wfgen(dir, ["build"]);
  return { dir, imported, built, source, lock: parsed.lock, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Assert that the build wrote, for each input file, a workflow equal to it after the normalisations. */
export function expectSameWorkflows(trip: RoundTrip, files: YamlFiles): void {
  expect(trip.built.stderr, "wfgen build on the imported TypeScript").not.toMatch(/error/);
  expect(trip.built.code).toBe(0);
  for (const [name, text] of Object.entries(files)) {
    const output = name.endsWith(".yaml") ? name : name.replace(/\.yml$/, ".yml");
    const input = parse(text) as Record<string, unknown>;
    const built = parse(read(trip.dir, `.github/workflows/${output}`)) as Record<string, unknown>;
    expect(normalise(built, input, trip.lock), `${name}: the built YAML, normalised`).toEqual(resolveUses(input, trip.lock));
  }
}

/** The built workflow with what the build adds (and the input lacks) taken out. */
export function normalise(built: Record<string, unknown>, input: Record<string, unknown>, lock: Lock): Record<string, unknown> {
  const out = structuredClone(built);
  if (input.permissions === undefined && isEmpty(out.permissions)) delete out.permissions;
  const jobsIn = (input.jobs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, job] of Object.entries((out.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
    if (jobsIn[id] && jobsIn[id].permissions === undefined) delete job.permissions;
  }
  return resolveUses(out, lock);
}

/** A copy of a workflow with every remote `uses:` written as the lock pins it. */
export function resolveUses(workflow: Record<string, unknown>, lock: Lock): Record<string, unknown> {
  const out = structuredClone(workflow);
  const pin = (uses: string): string => {
    const intent = parseUses(uses);
    if (!intent || (intent.kind !== "action" && intent.kind !== "reusable") || isCommitSha(intent.ref)) return uses;
    const entry = lock.actions[intent.key];
    return entry && !isUnpinned(entry) ? `${intent.name}@${entry.sha}` : uses;
  };
  for (const job of Object.values((out.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof job.uses === "string") job.uses = pin(job.uses);
    for (const step of (Array.isArray(job.steps) ? job.steps : []) as Array<Record<string, unknown>>) {
      if (typeof step?.uses === "string") step.uses = pin(step.uses);
    }
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

const CLI_SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * TypeScript's diagnostics for `file` under `--strict`, with `wfgen` and `wfgen/actions` mapped to this
 * repository's sources, as a user's editor and `tsc` would see the imported file.
 */
export function typeErrors(file: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [join(CLI_SRC, "../../../node_modules/@types")],
    baseUrl: dirname(file),
    paths: { wfgen: [join(CLI_SRC, "index.ts")], "wfgen/actions": [join(CLI_SRC, "actions.ts")] },
  };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file || d.file === undefined)
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const line = where ? `:${where.line + 1}:${where.character + 1}` : "";
      return `${file}${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

/** Every `#` comment of a YAML text (from its CST, so `#` inside strings and block scalars is not one). */
export function yamlComments(text: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    const token = value as { type?: string; source?: string };
    if (token.type === "comment" && typeof token.source === "string") found.push(token.source.slice(1));
    else for (const item of Object.values(value)) if (typeof item === "object") visit(item);
  };
  visit([...new Parser().parse(text)]);
  return found;
}

/** The text of a fixture under test/fixtures/import/. */
export function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/import/${name}`, import.meta.url), "utf8");
}

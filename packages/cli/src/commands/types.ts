/**
 * `wfgen check --types`: the project's own TypeScript (`tsc --noEmit`) type-checks the entry files, for CI jobs
 * that want every compile error the DSL's types promise (the build itself checks binding inputs, output reads
 * and needs, but not every type). The project's tsc, never one of wfgen's: TypeScript is an optional peer
 * dependency, and a CLI rather than its API, so that TypeScript 7's native compiler works as 5.x does.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { CliError } from "../errors.ts";
import { ExitCode, type IO } from "../io.ts";
import type { Project } from "../load/project.ts";

/** Type-check; exit 1 on a type error, 2 when the project has no TypeScript. */
export function checkTypes(root: string, projects: readonly Project[], io: IO, quiet: boolean): ExitCode {
  const tsc = projectTsc(root);
  const tsconfig = join(root, "tsconfig.json");
  // With a tsconfig.json, tsc checks what it includes (workflows.ts among it) with the project's options; without
  // one, the entries alone, strict, as an ES module project.
  const args = existsSync(tsconfig)
    ? ["--noEmit", "-p", tsconfig]
    : ["--noEmit", "--strict", "--module", "nodenext", "--skipLibCheck", ...projects.map((p) => p.entry)];
  const result = spawnSync(process.execPath, [tsc.bin, ...args], { cwd: root, encoding: "utf8" });
  const what = existsSync(tsconfig) ? relative(io.cwd, tsconfig) || "tsconfig.json" : projects.map((p) => relative(io.cwd, p.entry)).join(", ");
  if (result.status !== 0) {
    io.stderr.write(`${result.stdout}${result.stderr}`);
    io.stderr.write(`wfgen check --types: TypeScript ${tsc.version} found errors in ${what}.\n`);
    return ExitCode.failed;
  }
  if (!quiet) io.stdout.write(`wfgen check --types: ${what} type-checked with TypeScript ${tsc.version}.\n`);
  return ExitCode.ok;
}

function projectTsc(root: string): { bin: string; version: string } {
  try {
    const manifest = createRequire(join(root, "package.json")).resolve("typescript/package.json");
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { version: string; bin: { tsc: string } };
    return { bin: join(dirname(manifest), pkg.bin.tsc), version: pkg.version };
  } catch {
    throw new CliError(
      "missing-optional-dependency",
      "wfgen check --types runs the project's own TypeScript, which is not installed here. Install it with: npm install --save-dev typescript",
    );
  }
}

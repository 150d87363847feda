/**
 * The CLI's chunks split where docs/dev/architecture.md says. What a user's workflows.ts loads (the DSL),
 * and what `check` of unchanged files loads (the first half of the render, the lock), hold none of the
 * engine: a DSL module that imported a rule would still work, only every command would load the whole
 * engine again (docs/performance.md). This is where such an import shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./built.ts";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

/** `file` and every file it imports statically, transitively: what loads before it runs. */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gms)) {
    loadedWith(resolve(dirname(file), (m[1] ?? m[2])!), seen);
  }
  return seen;
}

/** The source files bundled into `files`, from the `// path` comment esbuild writes before each. */
function sourcesOf(files: Set<string>): string[] {
  return [...files].flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^\/\/ (\S+\.[cm]?[jt]s)$/gm)].map((m) => m[1]!));
}

/** The one chunk whose name starts with `name-`. */
function chunk(name: string): string {
  const found = readdirSync(join(dist, "chunks")).filter((f) => f.startsWith(`${name}-`));
  expect(found, `chunks named ${name}-*`).toHaveLength(1);
  return join(dist, "chunks", found[0]!);
}

// What the engine is made of, by the paths of its sources.
const ENGINE = ["core/src/rules/", "core/src/validate/", "core/src/render.ts", "workflow-parser", "/yaml@", "zod/v4/classic", "cronstrue"];

function engineIn(sources: string[]): string[] {
  return sources.filter((path) => ENGINE.some((part) => path.includes(part)));
}

describe("the CLI's chunks", () => {
  beforeAll(ensureBuilt);

  it("wfgen's entries load the DSL, and neither zod nor the engine", () => {
    for (const entry of ["index.js", "actions.js", "presets.js"]) {
      const sources = sourcesOf(loadedWith(join(dist, entry)));
      expect(sources.some((path) => path.includes("core/src/dsl/workflow.ts")), entry).toBe(true);
      expect(engineIn(sources), entry).toEqual([]);
      expect(sources.filter((path) => path.includes("/zod")), entry).toEqual([]);
    }
  });

  it("the first half of the render and the lock load none of the engine", () => {
    const prepare = sourcesOf(loadedWith(chunk("prepare")));
    expect(prepare.some((path) => path.includes("core/src/emit/emit.ts"))).toBe(true);
    expect(engineIn(prepare)).toEqual([]);
    const lock = sourcesOf(loadedWith(chunk("schema")));
    expect(lock.some((path) => path.includes("core/src/lock/schema.ts"))).toBe(true);
    expect(engineIn(lock)).toEqual([]);
  });

  it("the engine is where the markers say (the test above can fail)", () => {
    const engine = engineIn(sourcesOf(loadedWith(chunk("src"))));
    for (const part of ENGINE) expect(engine.some((path) => path.includes(part)), part).toBe(true);
  });
});

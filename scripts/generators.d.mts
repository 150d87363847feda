// Types for generators.mjs, so TypeScript tests can run the generators.

/** What the docs generators call, from scripts/docs-sources.ts. */
export type DocsSources = typeof import("./docs-sources.ts");

export interface Generator {
  /** Short name. */
  name: string;
  /** The files it writes. */
  output: string;
  /** The script or module that makes them. */
  generator: string;
  /** What it reads. */
  input: string;
  /** `source` runs first, `model` reads what it wrote, then the CLI is built; `docs` after the workflows. */
  stage: "source" | "model" | "docs";
  /** Path (relative to the root) -> full text, for every file it owns. */
  render(): Map<string, string> | Promise<Map<string, string>>;
  /** Files it owns that it would not write any more (to delete). */
  orphans?(files: Map<string, string>): string[];
}

/** The repository root, with a trailing slash. */
export declare const ROOT: string;
/** Each preset's page and the generated workflows its YAML blocks show, in order. */
export declare const PRESET_PAGES: Record<string, string[]>;
export declare function generators(docs: DocsSources): Generator[];
export declare function renderAll(docs: DocsSources, stage?: Generator["stage"]): Promise<{ files: Map<string, string>; orphans: string[] }>;
/** The files whose committed text differs from what their generator makes, and the orphans. */
export declare function staleFiles(docs: DocsSources, stage?: Generator["stage"]): Promise<string[]>;

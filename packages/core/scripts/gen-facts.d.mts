// Types for gen-facts.mjs, so TypeScript tests can call the generator.

/** Where the facts are read from: `data/github-facts.json` at the repository root. */
export declare const FACTS_JSON_URL: URL;

/** Where the generated module is written. */
export declare const OUTPUT_URL: URL;

/** Renders the TypeScript source of `github.gen.ts` from the parsed contents of github-facts.json. */
export declare function renderFacts(json: unknown): string;

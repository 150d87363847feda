// Types for gen-catalog.mjs, so TypeScript tests can call the generator.

/** Where the tag table is read from: `shared/data/` beside the repository root. */
export declare const TAGS_JSON_URL: URL;

/** Where the generated module is written. */
export declare const OUTPUT_URL: URL;

/** Renders the TypeScript source of `catalog.gen.ts` from the parsed contents of action-tags.json. */
export declare function renderCatalog(json: unknown): string;

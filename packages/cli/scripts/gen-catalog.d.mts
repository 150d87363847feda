// Types for gen-catalog.mjs, so TypeScript tests can call the generator.
import type { ActionData } from "@wfgen/actions/data";

/** Where the generated module is written. */
export declare const OUTPUT_URL: URL;

/** Renders the TypeScript source of `catalog.gen.ts` from the action data (`owner/repo` -> its facts). */
export declare function renderCatalog(actions: Record<string, Pick<ActionData, "tags"> & { _source?: { retrieved?: string } }>): string;

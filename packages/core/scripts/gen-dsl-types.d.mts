// Types for gen-dsl-types.mjs, so TypeScript tests can call the generator.

/** Where the generated module is written. */
export declare const OUTPUT_URL: URL;

/** The command that regenerates the file. */
export declare const REGENERATE: string;

/** The text of dsl-types.gen.ts, from the model's schemas as they are now. */
export declare function renderDslTypes(): Promise<string>;

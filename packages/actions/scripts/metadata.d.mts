/** Types of metadata.mjs, for the tests that import it. */
export declare const METADATA_DIR_URL: URL;
export declare const METADATA_FILE: string;
export declare const REGENERATE_METADATA: string;
export declare function generateMetadata(dataDir?: URL): string;

/** Types of table.mjs, for the drift test. */
export declare const TABLE_FILE: string;
export declare const REGENERATE_TABLE: string;
export declare function generateTable(actionsDir?: URL): string;

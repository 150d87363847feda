// Types for refresh-actions.mjs, so the test can run it in-process.
export declare class RefreshError extends Error {}
export declare function compareTags(a: string, b: string): number;
export declare function refreshActions(options?: {
  slugs?: string[];
  env?: Record<string, string | undefined>;
  fetch?: typeof globalThis.fetch;
  dir?: URL;
  today?: Date;
}): Promise<string[]>;

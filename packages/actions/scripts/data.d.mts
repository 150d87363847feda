// Types for data.mjs, so TypeScript tests and scripts can read the action facts.

/** What action.yml says of one input: only facts, no description. */
export interface InputFacts {
  required?: boolean;
  default?: string | number | boolean;
  deprecated?: true;
}

/** The facts of action.yml at one ref. */
export interface RefFacts {
  commit: string;
  /** `runs.using`; absent for the pre-2019 `plugin` form. */
  using?: string;
  inputs: Record<string, InputFacts>;
  outputs: string[];
}

/** One `data/actions/<owner>/<repo>.json`. */
export interface ActionData {
  /** Where the facts come from and when they were read (`retrieved`, YYYY-MM-DD). */
  _source: { repository: string; retrieved: string; [what: string]: string };
  /** Release tag -> commit SHA (annotated tags peeled). */
  tags: Record<string, string>;
  /** The tags that are annotated tag objects. */
  annotated: string[];
  /** Major tag (`v4`) or commit SHA -> facts of action.yml there. */
  refs: Record<string, RefFacts>;
}

/** The folder of the action facts: `data/actions/` at the repository root. */
export declare const ACTIONS_DIR_URL: URL;
export declare function listActions(dir?: URL): string[];
export declare function readActionData(slug: string, dir?: URL): ActionData;
export declare function readAllActionData(dir?: URL): Record<string, ActionData>;
export declare function writeActionData(slug: string, json: ActionData, dir?: URL): void;
/** The facts of a parsed action.yml. */
export declare function actionFacts(yml: unknown): Omit<RefFacts, "commit">;
/** An action.yml with exactly these facts (placeholder descriptions), for the tests' fake GitHub. */
export declare function actionYmlOf(slug: string, facts: Omit<RefFacts, "commit">): string;
/** JSON as the data folder keeps it: two-space indentation, short values on one line. */
export declare function formatJson(value: unknown): string;

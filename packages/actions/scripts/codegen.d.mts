// Types for codegen.mjs, so TypeScript tests can call the generator.

/** Where the action facts are read from: `data/actions/<owner>/<repo>.json` (see data.mjs). */
export declare const ACTIONS_DIR_URL: URL;

/** The package root; the keys of generateBindings' map are relative to it. */
export declare const PACKAGE_URL: URL;

/** The command that regenerates the bindings. */
export declare const REGENERATE: string;

/** The generated files: path relative to the package root -> contents. */
export declare function generateBindings(actionsDir?: URL): Map<string, string>;

/** What renderBinding cannot make a binding of: text that is not YAML, or not an action's metadata. */
export declare class ActionYmlError extends Error {
  /** `invalid-yaml`, `not-an-action` (no `runs.using`, inputs that are not a mapping) or `retired-runtime`. */
  readonly code: "invalid-yaml" | "not-an-action" | "retired-runtime";
  /** 1-based, when the YAML parser says where. */
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** The parts of an action intent. */
export interface ActionIntentParts {
  owner: string;
  repo: string;
  path?: string;
  ref: string;
  /** `owner/repo[/path]`. */
  name: string;
  /** `owner/repo[/path]@ref`. */
  key: string;
}

/** The parts of `owner/repo[/path]@ref`, or undefined when it is not an action intent. */
export declare function parseActionIntent(intent: string): ActionIntentParts | undefined;

/** What renderBinding takes. */
export interface RenderBindingOptions {
  /** The action's metadata, as text. */
  actionYml: string;
  /** `owner/repo[/path]@ref`: what the binding writes to `uses:` (the build pins it from the lock). */
  intent: string;
  /** The commit the text was read at; the binding links to action.yml there (else at the ref). */
  sha?: string | undefined;
  /** The file's name in the repository: `action.yml` (the default) or `action.yaml`. */
  file?: string | undefined;
  /** The comment lines at the top of the module, without `// `; by default they name `wfgen add`. */
  header?: string[] | undefined;
}

/** One rendered binding module. */
export interface RenderedBinding {
  /** The exported function, e.g. `acmeGreet`. */
  name: string;
  /** Where it belongs under a bindings folder: `owner/repo[/path].ts`. */
  path: string;
  /** The exported type names. */
  types: { with: string; step: string; output: string };
  inputs: Array<{ name: string; required: boolean }>;
  outputs: string[];
  /** The module's source. */
  text: string;
}

/**
 * One typed binding module from an action's metadata, for a user's project (`wfgen add`): the typing rules of
 * the committed bindings, importing only `wfgen` and `wfgen/actions`. Pure. Throws ActionYmlError for text
 * that is not YAML or not an action.
 */
export declare function renderBinding(options: RenderBindingOptions): RenderedBinding;

// Helpers scripts/table.mjs reads the data with (the same typing rules as the bindings); untyped here.
export declare const RETIRED_RUNTIMES: Set<string | undefined>;
export declare function readAction(slug: string, data: unknown): unknown;
export declare function readInput(slug: string, major: string, name: string, fact: object, strict?: boolean): unknown;
export declare function actionInput(input: unknown): unknown;

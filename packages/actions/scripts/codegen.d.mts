// Types for codegen.mjs, so TypeScript tests can call the generator.

/** Where the action metadata is read from: `shared/data/actions/<owner>/<repo>/<major>/action.yml`. */
export declare const ACTIONS_DIR_URL: URL;

/** The package root; the keys of generateBindings' map are relative to it. */
export declare const PACKAGE_URL: URL;

/** The command that regenerates the bindings. */
export declare const REGENERATE: string;

/** The generated files: path relative to the package root -> contents. */
export declare function generateBindings(actionsDir?: URL): Map<string, string>;

/** The shape of `wfgen.config.ts`. Light: the public entry re-exports it. */

/** One entry file and the folder its workflows are written to. */
export interface ProjectConfig {
  /** The TypeScript file whose exported workflows are built, relative to the config file. */
  entry: string;
  /** Output folder, relative to the config file. Default: the top-level `out`, else `.github/workflows`. */
  out?: string;
}

/** `wfgen.config.ts`: every field is optional; flags on the command line win. */
export interface WfgenConfig {
  /** The entry file. Default: `workflows.ts`. */
  entry?: string;
  /** The output folder. Default: `.github/workflows`. */
  out?: string;
  /** Several entries (a monorepo); when given, `entry` is not used. */
  projects?: ProjectConfig[];
}

/** Type the object exported by `wfgen.config.ts`: `export default defineConfig({ ... })`. */
export function defineConfig(config: WfgenConfig): WfgenConfig {
  return config;
}

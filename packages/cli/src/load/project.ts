/**
 * Which entry files to build and where their files go: the flags, else `wfgen.config.ts`, else the
 * defaults (`workflows.ts` into `.github/workflows`).
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { CliError } from "../errors.ts";
import { displayPath } from "../paths.ts";
import type { Bundle } from "./bundle.ts";
import type { LoadedConfig } from "./config-schema.ts";
import { importUserModule } from "./module.ts";

/** One entry file and its output folder, as absolute paths. */
export interface Project {
  entry: string;
  out: string;
  /** The entry relative to the repository root with `/`: named in each file's header. */
  source: string;
}

/** What the flags say about the projects; undefined means "not given". */
export interface ProjectFlags {
  cwd?: string | undefined;
  entry?: string | undefined;
  out?: string | undefined;
}

/** The default entry file. */
export const DEFAULT_ENTRY = "workflows.ts";
/** The default output folder, the only one GitHub reads. */
export const DEFAULT_OUT = ".github/workflows";
const CONFIG_FILES = ["wfgen.config.ts", "wfgen.config.mts", "wfgen.config.mjs", "wfgen.config.js"];

/** The contents of `wfgen.config.ts`, checked. */
export type { LoadedConfig } from "./config-schema.ts";

/** The repository root named by `--cwd`, checked to be a folder. */
export function resolveRoot(flags: ProjectFlags, cwd: string): string {
  const root = resolve(cwd, flags.cwd ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CliError("cwd-not-found", `--cwd ${flags.cwd}: no such folder (${root}).`);
  }
  return root;
}

/** The projects to build in `root`, each with an existing entry file. */
export async function resolveProjects(
  root: string,
  flags: ProjectFlags,
  cwd: string,
  loaded?: LoadedConfig,
): Promise<Project[]> {
  const config = loaded ?? (await loadConfig(root, cwd));
  let wanted: Array<{ entry: string; out: string }>;
  if (flags.entry !== undefined || !config.projects) {
    wanted = [{ entry: flags.entry ?? config.entry ?? DEFAULT_ENTRY, out: flags.out ?? config.out ?? DEFAULT_OUT }];
  } else if (flags.out !== undefined) {
    throw new CliError(
      "out-with-projects",
      "--out cannot choose one folder for the several projects of wfgen.config.ts; pass --entry too.",
    );
  } else {
    wanted = config.projects.map((p) => ({ entry: p.entry, out: p.out ?? config.out ?? DEFAULT_OUT }));
  }
  return wanted.map(({ entry, out }) => {
    const abs = resolve(root, entry);
    if (!existsSync(abs)) {
      throw new CliError("entry-not-found", `${displayPath(abs, cwd)} does not exist.`, {
        details: ["Run `npx wfgen init` to write a starter workflows.ts, or name your file with --entry <file>."],
      });
    }
    return { entry: abs, out: resolve(root, out), source: relative(root, abs).split(sep).join("/") };
  });
}

/** The config file of `root`, if it has one. */
export function configFileOf(root: string): string | undefined {
  return configCandidates(root).find((path) => existsSync(path));
}

/** The config files `root` may have, present or not, in the order they are looked for. */
export function configCandidates(root: string): string[] {
  return CONFIG_FILES.map((name) => join(root, name));
}

/**
 * `wfgen.config.ts` of `root`, checked; `{}` when there is none. Throws CliError (exit 2) when it is invalid.
 * The bundle it was loaded from is added to `bundles` when given.
 */
export async function loadConfig(root: string, cwd: string, bundles?: Bundle[]): Promise<LoadedConfig> {
  const file = configFileOf(root);
  if (!file) return {};
  const { exports, bundle } = await importUserModule(file, root, cwd);
  bundles?.push(bundle);
  // zod and the schema load only for a project that has a config file.
  const { configSchema, z } = await import("./config-schema.ts");
  const parsed = configSchema.safeParse(exports.default);
  if (!parsed.success) {
    throw new CliError("config-invalid", `${displayPath(file, cwd)} does not export a valid configuration.`, {
      location: { file: displayPath(file, cwd) },
      details: [
        z.prettifyError(parsed.error),
        'Export it as `export default defineConfig({ entry, out, projects })` from "wfgen".',
      ],
    });
  }
  return parsed.data;
}

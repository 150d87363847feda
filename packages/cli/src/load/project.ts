/**
 * Which entry files to build and where their files go: the flags, else `wfgen.config.ts`, else the
 * defaults (`workflows.ts` into `.github/workflows`).
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { z } from "zod";
import { CliError } from "../errors.ts";
import { lintConfigSchema } from "../lint/config.ts";
import { displayPath } from "../paths.ts";
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

const configSchema = z.strictObject({
  entry: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  projects: z
    .array(z.strictObject({ entry: z.string().min(1), out: z.string().min(1).optional() }))
    .min(1)
    .optional(),
  lint: lintConfigSchema.optional(),
  permissionComments: z.boolean().optional(),
});

/** The contents of `wfgen.config.ts`, checked. */
export type LoadedConfig = z.infer<typeof configSchema>;

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
  return CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
}

/** `wfgen.config.ts` of `root`, checked; `{}` when there is none. Throws CliError (exit 2) when it is invalid. */
export async function loadConfig(root: string, cwd: string): Promise<LoadedConfig> {
  const file = configFileOf(root);
  if (!file) return {};
  const { exports } = await importUserModule(file, root, cwd);
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

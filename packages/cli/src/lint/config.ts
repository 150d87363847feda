/**
 * The `lint` section of `wfgen.config.ts` (its schema is in load/config-schema.ts, checked when the config
 * is loaded, with the other keys): the check of its codes against the registry (once core is loaded), so
 * that a misspelt code in `rules` or `suppressions` is an error instead of a setting that silently does
 * nothing, and so is a setting of a code that cannot be changed (GitHub would refuse the file). Old ids of
 * a code (its aliases) are accepted.
 */
import { closest } from "@wfgen/core/dsl";
import type { LintConfig } from "../config.ts";
import { CliError } from "../errors.ts";

/** Where the config came from, for messages. */
export interface LintConfigSource {
  config: LintConfig;
  /** The config file as shown to users, e.g. `wfgen.config.ts`. */
  file: string | undefined;
}

/** What the check reads of the code registry (`@wfgen/core`). */
interface Registry {
  knownCodeIds(): ReadonlySet<string>;
  codeInfo(id: string): { suppressible: boolean } | undefined;
}

/** Throws CliError (exit 2) when `config` names a code that does not exist, or one that cannot be changed. */
export function checkRuleIds(source: LintConfigSource, registry: Registry): void {
  const problems: string[] = [];
  const known = [...registry.knownCodeIds()];
  const check = (id: string, where: string): void => {
    if (registry.codeInfo(id)?.suppressible === false) {
      problems.push(`${where}: "${id}" cannot be turned off, changed or suppressed: GitHub would refuse the workflow, or wfgen could not write it`);
      return;
    }
    if (known.includes(id)) return;
    const guess = closest(id, known);
    problems.push(`${where}: "${id}" is not a lint rule${guess ? ` (did you mean "${guess}"?)` : ""}`);
  };
  for (const id of Object.keys(source.config.rules ?? {})) check(id, "lint.rules");
  (source.config.suppressions ?? []).forEach((s, i) => check(s.rule, `lint.suppressions[${i}].rule`));
  if (problems.length === 0) return;
  const file = source.file ?? "wfgen.config.ts";
  throw new CliError("config-invalid", `${file} does not export a valid configuration.`, {
    ...(source.file ? { location: { file: source.file } } : {}),
    details: [...problems.map((p) => `  ${p}`), "The rule ids are listed in docs/rules/README.md."],
  });
}

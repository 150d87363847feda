/**
 * `wfgen lint [files...]`: the security linter. With files, lints those workflow (or action.yml) files as
 * they are; without, lints what workflows.ts generates (the same run `build` makes: every finding of the
 * build and of the rules, at its workflows.ts line),
 * or, in a repository without workflows.ts, the committed `.github/workflows/*.yml`; and, either way, the
 * repository's own actions (every `action.yml` under `.github/actions/`). Writes nothing.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Diagnostic, Finding, LintOptions, LintResult, Severity } from "@wfgen/core";
import { CliError } from "../errors.ts";
import { ExitCode, type IO } from "../io.ts";
import { checkRuleIds, type LintConfigSource } from "../lint/config.ts";
import { docsUrl, DOCS_BASE_URL, WFGEN_VERSION } from "../lint/docs.ts";
import { expandFileArguments, glob } from "../lint/files.ts";
import type { LintRun } from "../lint/rendered.ts";
import { renderFindings } from "../lint/text.ts";
import { configFileOf, DEFAULT_ENTRY, DEFAULT_OUT, loadConfig, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { formatDiagnostics, plural } from "../output/diagnostics.ts";
import { inGitHubActions } from "../output/github.ts";
import { styleFor } from "../output/style.ts";
import { displayPath } from "../paths.ts";
import { readBoundedText } from "../fs/read-bounded.ts";
import { withoutBom } from "../source-lines.ts";
import { limitsOf } from "../limits.ts";
import { makePlan } from "../plan.ts";

/** Output formats of `--format`. */
export const LINT_FORMATS = ["text", "json", "sarif"] as const;
/** Thresholds of `--fail-on`. */
export const FAIL_ON = ["error", "warning", "info"] as const;

/** Flags and arguments of `wfgen lint`. */
export interface LintCommandOptions extends ProjectFlags {
  /** Files, folders or globs relative to --cwd; empty: lint the project. */
  files: string[];
  format: string | undefined;
  failOn: string | undefined;
  /** `--json`, the same as `--format json`. */
  json: boolean;
  quiet: boolean;
}

/** What was linted, and what was found. */
interface Outcome {
  source: "files" | "model";
  /** The linted files as shown to users. */
  files: string[];
  run: LintRun;
  /** What is not about one workflow (model only): two workflows writing one file. */
  diagnostics: Diagnostic[];
  /** `workflows.ts`, named in the summary (model only). */
  entry?: string;
}

/** Lint; see docs/cli.md for the output and exit codes. */
export async function lint(options: LintCommandOptions, io: IO): Promise<ExitCode> {
  const format = options.json ? "json" : (options.format ?? "text");
  if (!(LINT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError("bad-argument", `wfgen lint: --format must be one of ${LINT_FORMATS.join(", ")}, not "${format}".`);
  }
  if (options.json && options.format !== undefined && options.format !== "json") {
    throw new CliError("bad-argument", `wfgen lint: --json asks for --format json, which contradicts --format ${options.format}.`);
  }
  const failOn = (options.failOn ?? "error") as Severity;
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new CliError("bad-argument", `wfgen lint: --fail-on must be one of ${FAIL_ON.join(", ")}, not "${options.failOn}".`);
  }

  const outcome = await collect(options, io);
  const core = await import("@wfgen/core");
  const { findings, suppressed, skipped } = outcome.run;
  const failing =
    core.failsAt(findings, failOn) || core.failsAt(outcome.diagnostics as unknown as Finding[], failOn);
  const summary = summarize(outcome, failOn, failing, core.countBySeverity);

  if (format === "json") {
    // Links, as in the text and SARIF output: a path in the wfgen repository means nothing to a reader elsewhere.
    const withUrls = <T extends { docs: string }>(list: T[]): T[] => list.map((f) => ({ ...f, docs: docsUrl(f.docs) }));
    const report = core.jsonReport({ findings: withUrls(findings), suppressed: withUrls(suppressed), skipped });
    const { version: _version, ...rest } = report;
    io.stdout.write(
      `${JSON.stringify(
        {
          version: 1,
          command: "lint",
          ok: !failing,
          source: outcome.source,
          failOn,
          files: outcome.files,
          ...rest,
          diagnostics: outcome.diagnostics,
          summary,
        },
        null,
        2,
      )}\n`,
    );
    return failing ? ExitCode.failed : ExitCode.ok;
  }

  const style = styleFor(io);
  if (outcome.diagnostics.length > 0) io.stderr.write(await formatDiagnostics(outcome.diagnostics, style));
  if (format === "sarif") {
    io.stdout.write(core.renderSarif({ findings, suppressed, skipped }, { version: WFGEN_VERSION, docsBaseUrl: DOCS_BASE_URL }));
    return failing ? ExitCode.failed : ExitCode.ok;
  }

  io.stdout.write(renderFindings(findings, core.textReport, style, { quiet: options.quiet, docsUrl }));
  if (!options.quiet || failing) {
    if (findings.length > 0 && !options.quiet) io.stdout.write("\n");
    io.stdout.write(`${failing ? style.red(summary) : summary}\n`);
  }
  if (inGitHubActions(io.env)) {
    for (const line of core.githubAnnotations(findings.map((f) => ({ ...f, docs: docsUrl(f.docs) })))) {
      io.stdout.write(`${line}\n`);
    }
  }
  return failing ? ExitCode.failed : ExitCode.ok;
}

/** Lint the files given, the project's model, or the committed workflows. */
async function collect(options: LintCommandOptions, io: IO): Promise<Outcome> {
  const root = resolveRoot(options, io.cwd);
  const config = await loadConfig(root, io.cwd);
  const configFile = configFileOf(root);
  const lintConfig: LintConfigSource = {
    config: config.lint ?? {},
    file: configFile && displayPath(configFile, io.cwd),
  };

  if (options.files.length > 0) {
    if (options.entry !== undefined || options.out !== undefined) {
      throw new CliError(
        "bad-argument",
        "wfgen lint: --entry and --out choose the workflows.ts to lint; with files given they have no use. Pass one or the other.",
      );
    }
    return lintFiles(expandFileArguments(options.files, root, io.cwd), lintConfig, io);
  }

  const entry = options.entry ?? config.entry ?? DEFAULT_ENTRY;
  const hasModel = options.entry !== undefined || config.projects !== undefined || existsSync(resolve(root, entry));
  // The repository's own composite actions are hand-written YAML whichever way its workflows are made.
  const actions = glob(".github/actions/**/action.{yml,yaml}", root);
  if (hasModel) {
    const plan = await makePlan(options, io, "all");
    const linted = new Set<unknown>(plan.lint.findings);
    const ofActions = actions.length > 0 ? await lintFiles(actions, lintConfig, io) : undefined;
    const core = await import("@wfgen/core");
    return {
      source: "model",
      files: [...plan.workflows, ...(ofActions?.files ?? [])],
      run: ofActions ? core.mergeResults([plan.lint, ofActions.run]) : plan.lint,
      // Whether a file may be overwritten is build's business, not the linter's.
      diagnostics: plan.diagnostics.filter((d) => !linted.has(d) && d.code !== "hand-written-file"),
      entry: config.projects && options.entry === undefined ? "the entries of wfgen.config.ts" : displayPath(resolve(root, entry), io.cwd),
    };
  }

  // A repository that has not moved to workflows.ts yet: lint what GitHub runs.
  const out = resolve(root, options.out ?? config.out ?? DEFAULT_OUT);
  const files =
    existsSync(out) && statSync(out).isDirectory()
      ? readdirSync(out)
          .filter((name) => /\.ya?ml$/i.test(name))
          .sort()
          .map((name) => join(out, name))
      : [];
  files.push(...actions);
  if (files.length === 0) {
    throw new CliError(
      "nothing-to-lint",
      `nothing to lint: there is no ${displayPath(resolve(root, entry), io.cwd)}, no workflow file in ${displayPath(out, io.cwd)} and no .github/actions/**/action.yml.`,
      { details: ["Name the files to lint (`npx wfgen lint path/to/workflow.yml`), or run wfgen in your repository (--cwd <dir>)."] },
    );
  }
  return lintFiles(files, lintConfig, io);
}

async function lintFiles(paths: readonly string[], config: LintConfigSource, io: IO): Promise<Outcome> {
  const core = await import("@wfgen/core");
  checkRuleIds(config, core);
  const { actionMetadata } = await import("@wfgen/actions/metadata");
  const { CATALOG } = await import("../github/catalog.gen.ts");
  const lintOptions: LintOptions = {
    tags: (repo) => CATALOG[repo],
    ...(config.config.rules ? { rules: config.config.rules } : {}),
    suppressions: (config.config.suppressions ?? []).map((s) => ({ ...s, origin: "config" as const })),
    runnerLabels: config.config.runnerLabels ?? [],
    actions: actionMetadata,
  };
  const results: LintResult[] = [];
  const files: string[] = [];
  const { maxFileBytes } = limitsOf(io.env);
  for (const path of paths) {
    const display = displayPath(path, io.cwd);
    let text: string;
    try {
      text = withoutBom(readBoundedText(path, maxFileBytes));
    } catch (error) {
      throw new CliError("unreadable-file", `cannot read ${display}: ${(error as Error).message}`, { location: { file: display } });
    }
    files.push(display);
    results.push(core.lintYaml(text, display, lintOptions));
  }
  return { source: "files", files, run: core.mergeResults(results), diagnostics: [] };
}

/** The closing line: what was found in how many files, and what the exit code is based on. */
function summarize(
  outcome: Outcome,
  failOn: Severity,
  failing: boolean,
  countBySeverity: (findings: readonly Finding[]) => Record<Severity, number>,
): string {
  const counts = countBySeverity(outcome.run.findings);
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(plural(counts.info, "info"));
  const total = outcome.files.length;
  // Findings of workflows.ts all point at it: count the workflows they are in.
  const withFindings = new Set(outcome.run.findings.map((f) => (outcome.source === "model" ? (f.where.workflow ?? f.where.file) : f.where.file))).size;
  const generated = outcome.source === "model" ? ` generated from ${outcome.entry}` : "";
  let text =
    parts.length === 0
      ? `wfgen lint: no findings in ${plural(total, "file")}${generated}`
      : `wfgen lint: ${parts.join(", ")} in ${withFindings === total ? plural(total, "file") : `${withFindings} of ${total} files`}${generated}`;
  if (outcome.run.suppressed.length > 0) text += `, ${outcome.run.suppressed.length} suppressed`;
  text += ".";
  if (outcome.diagnostics.length > 0) {
    const build = countBySeverity(outcome.diagnostics as unknown as Finding[]);
    const said = [
      ...(build.error > 0 ? [plural(build.error, "error")] : []),
      ...(build.warning > 0 ? [plural(build.warning, "warning")] : []),
      ...(build.info > 0 ? [plural(build.info, "info")] : []),
    ];
    text += ` Building it reported ${said.join(", ")} (above).`;
  }
  if (failing && failOn !== "error") text += ` Failing at --fail-on ${failOn}.`;
  return text;
}

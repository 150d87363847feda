// A job whose labels no runner has waits in the queue (24 hours) and is then cancelled: nothing fails fast.
// The GitHub-hosted labels are listed here; self-hosted runners are recognised by the self-hosted label or
// by labels the project declares (config runnerLabels). `${{ matrix.x }}` is resolved from the matrix.
import { closest } from "./suggest.ts";
import { defineRule } from "./types.ts";
import { isObject, runnerLabels } from "./util.ts";

// Standard and larger GitHub-hosted runner images (docs: "GitHub-hosted runners", 2026).
export const GITHUB_HOSTED_LABELS: readonly string[] = [
  "ubuntu-latest",
  "ubuntu-26.04",
  "ubuntu-24.04",
  "ubuntu-22.04",
  "ubuntu-26.04-arm",
  "ubuntu-24.04-arm",
  "ubuntu-22.04-arm",
  "ubuntu-slim",
  "windows-latest",
  "windows-2025",
  "windows-2022",
  "windows-11-arm",
  "macos-latest",
  "macos-26",
  "macos-15",
  "macos-14",
  "macos-26-intel",
  "macos-15-intel",
  "macos-latest-large",
  "macos-26-large",
  "macos-15-large",
  "macos-14-large",
  "macos-latest-xlarge",
  "macos-26-xlarge",
  "macos-15-xlarge",
  "macos-14-xlarge",
];

// Images GitHub has retired: jobs on them no longer start.
const RETIRED: readonly string[] = [
  "ubuntu-16.04",
  "ubuntu-18.04",
  "ubuntu-20.04",
  "windows-2016",
  "windows-2019",
  "macos-10.15",
  "macos-11",
  "macos-12",
  "macos-13",
  "macos-12-large",
  "macos-13-large",
  "macos-13-xlarge",
];

// Labels every self-hosted runner gets from its operating system and architecture.
const SELF_HOSTED_DEFAULTS = ["self-hosted", "linux", "windows", "macos", "x64", "arm", "arm64"];

export const unknownRunnerLabel = defineRule({
  id: "unknown-runner-label",
  severity: "warning",
  confidence: "medium",
  summary: "runs-on names a label that is neither a GitHub-hosted runner nor a declared self-hosted label.",
  fix: "Use a GitHub-hosted label (ubuntu-latest, windows-latest, macos-latest, ...), or declare the self-hosted label in the config's runnerLabels.",
  visits: ["job"],
  check(context) {
    const { job } = context;
    const runsOn = job.value["runs-on"];
    // A runner group selects runners by group; its labels are the group's own business.
    if (isObject(runsOn) && runsOn.group !== undefined) return;
    const labels = runnerLabels(runsOn, [...job.path, "runs-on"]);
    const lower = labels.map((l) => l.label.trim().toLowerCase());
    if (lower.includes("self-hosted")) return;
    const declared = new Set(context.capabilities.runnerLabels.map((l) => l.toLowerCase()));
    const hosted = new Set(GITHUB_HOSTED_LABELS);
    for (const { label, path } of labels) {
      for (const candidate of expand(label, job.value)) {
        const name = candidate.trim().toLowerCase();
        if (name.includes("${{")) continue;
        if (hosted.has(name) || declared.has(name) || SELF_HOSTED_DEFAULTS.includes(name)) continue;
        const fromMatrix = candidate !== label ? ` (from ${label.trim()})` : "";
        if (RETIRED.includes(name)) {
          context.report({
            path,
            message: `runner label "${candidate}"${fromMatrix} names an image GitHub has retired; the job waits for a runner that no longer exists`,
            fix: `use a current image: ${name.split("-")[0]}-latest, or a supported version (${GITHUB_HOSTED_LABELS.filter((l) => l.startsWith(name.split("-")[0]!)).slice(1, 4).join(", ")})`,
          });
          continue;
        }
        const guess = closest(name, GITHUB_HOSTED_LABELS);
        context.report({
          path,
          message: `runner label "${candidate}"${fromMatrix} is not a GitHub-hosted runner${guess ? ` (did you mean "${guess}"?)` : ""} and no self-hosted label is declared for it; the job would wait for a runner that never comes`,
          fix: guess
            ? `write ${guess}; if "${candidate}" is a self-hosted runner, write runs-on: [self-hosted, ${candidate}] or declare it in the config's runnerLabels`
            : `for a self-hosted runner write runs-on: [self-hosted, ${candidate}] or declare the label in the config's runnerLabels; otherwise use ubuntu-latest, windows-latest or macos-latest`,
        });
      }
    }
  },
});

// `${{ matrix.os }}` stands for every value the matrix gives `os` (its list and include entries).
function expand(label: string, job: Record<string, unknown>): string[] {
  const match = /^\s*\$\{\{\s*matrix\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}\s*$/.exec(label);
  if (!match) return [label];
  const strategy = isObject(job.strategy) ? job.strategy : undefined;
  const matrix = strategy && isObject(strategy.matrix) ? strategy.matrix : undefined;
  if (!matrix) return [label];
  const key = match[1]!;
  const values: string[] = [];
  if (Array.isArray(matrix[key])) for (const v of matrix[key]) if (typeof v === "string") values.push(v);
  if (Array.isArray(matrix.include)) for (const entry of matrix.include) if (isObject(entry) && typeof entry[key] === "string") values.push(entry[key]);
  return values.length > 0 ? [...new Set(values)] : [label];
}

/**
 * `driftCheck`: fail CI when the committed `.github/workflows` no longer match `workflows.ts`. Installs the
 * project's dependencies from its lockfile (so the check runs the wfgen version the project pinned) and
 * runs `wfgen check`, which annotates the first differing line of each file and writes a step summary.
 */
import { checkout, setupNode } from "@wfgen/actions";
import { job, workflow, type JobDefinition, type StepItem, type WorkflowDefinition, type WorkflowInput } from "@wfgen/core/dsl";

/** Options of {@link driftCheck}. */
export interface DriftCheckOptions {
  /** The project's package manager. Default `npm`. */
  packageManager?: "npm" | "pnpm" | "yarn";
  /** The pnpm version to install (pnpm only); pin it as your `packageManager` field does. Default `10`. */
  pnpmVersion?: string;
  /**
   * The install command. Default: `npm ci`, `pnpm install --frozen-lockfile`, or `yarn install --immutable`
   * (Yarn 2 and later; Yarn 1 users pass `yarn install --frozen-lockfile`).
   */
  install?: string;
  /** Steps between the install and the check, e.g. a build the project's wfgen needs. */
  setup?: readonly StepItem[];
  /** The check command. Default: `wfgen check` through the package manager, with `args`. */
  command?: string;
  /** Node.js version. Default 20. */
  nodeVersion?: string | number;
  /** Extra arguments to `wfgen check` (e.g. `["--cwd", "tools"]`). */
  args?: readonly string[];
  /** Output file name. Default `wfgen-check`. */
  file?: string;
  /** Workflow name. Default `Workflows are up to date`. */
  name?: string;
  /** Triggers. Default: pull requests and pushes to `main`. */
  on?: WorkflowInput["on"];
  /** Runner. Default `ubuntu-latest`. */
  runsOn?: string;
}

const INSTALL = { npm: "npm ci", pnpm: "pnpm install --frozen-lockfile", yarn: "yarn install --immutable" } as const;
const EXEC = { npm: "npx", pnpm: "pnpm exec", yarn: "yarn" } as const;

/** The drift-check job alone, to add to an existing CI workflow. */
export function driftCheckJob(options: DriftCheckOptions = {}): JobDefinition<never> {
  const pm = options.packageManager ?? "npm";
  return job({
    "runs-on": options.runsOn ?? "ubuntu-latest",
    steps: [
      checkout({ with: { "persist-credentials": false } }),
      setupNode({ with: { "node-version": options.nodeVersion ?? 20 } }),
      // After setup-node, so the pnpm installed is the one on the PATH the next steps use.
      ...(pm === "pnpm" ? [{ name: "Install pnpm", run: `npm install -g pnpm@${options.pnpmVersion ?? "10"}` }] : []),
      { name: "Install dependencies", run: options.install ?? INSTALL[pm] },
      ...(options.setup ?? []),
      {
        name: "Check the generated workflows",
        run: options.command ?? [`${EXEC[pm]} wfgen check`, ...(options.args ?? [])].join(" "),
      },
    ],
  });
}

/** A workflow that runs the drift check on pull requests and pushes; see {@link DriftCheckOptions}. */
export function driftCheck(options: DriftCheckOptions = {}): WorkflowDefinition {
  return workflow(options.file ?? "wfgen-check", {
    name: options.name ?? "Workflows are up to date",
    on: options.on ?? { pull_request: null, push: { branches: ["main"] } },
    jobs: { check: driftCheckJob(options) },
  });
}

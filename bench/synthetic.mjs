// The synthetic repository of the benchmark: N workflows of about 25 KB of YAML each (5 jobs x 10 steps,
// with `${{ }}` expressions, matrices and `with:` inputs), written twice from one description: as a wfgen
// `workflows.ts` and as the peer replica's `workflows.ts` (plain objects, as the peer's users write them).
// Deterministic: the same N gives the same bytes, so runs and machines compare.

const OSES = ["ubuntu-latest", "windows-latest", "macos-latest"];
const TASKS = ["lint", "typecheck", "unit", "integration", "e2e", "bundle", "docs", "audit"];

/** The workflow with index `i`, as plain data (GitHub's key names), shared by both writers. */
export function workflowData(i) {
  const jobs = {};
  for (let j = 0; j < 5; j++) {
    const steps = [
      { name: "Check out", uses: "actions/checkout@v4", with: { "fetch-depth": 0, "persist-credentials": false } },
      {
        name: "Set up Node ${{ matrix.node }}",
        uses: "actions/setup-node@v4",
        with: { "node-version": "${{ matrix.node }}", cache: "npm", "cache-dependency-path": `packages/p${j}/package-lock.json` },
      },
      {
        name: "Cache build outputs",
        uses: "actions/cache@v4",
        with: {
          path: `packages/p${j}/dist\npackages/p${j}/.cache`,
          key: `w${i}-j${j}-\${{ runner.os }}-node\${{ matrix.node }}-\${{ hashFiles('packages/p${j}/package-lock.json') }}`,
          "restore-keys": `w${i}-j${j}-\${{ runner.os }}-node\${{ matrix.node }}-`,
        },
      },
    ];
    for (let s = 0; s < 6; s++) {
      const task = TASKS[(i + j + s) % TASKS.length];
      steps.push({
        name: `Run ${task} (${s + 1} of 6) on \${{ matrix.os }}`,
        id: `${task}-${s}`,
        if: s % 2 === 0 ? "${{ !cancelled() }}" : `\${{ matrix.os != 'windows-latest' || matrix.node == ${20 + (s % 3) * 2} }}`,
        "working-directory": `packages/p${j}`,
        env: {
          STAGE: `${task}-${s}`,
          TARGET: `w${i}-j${j}`,
          BRANCH: "${{ github.ref_name }}",
        },
        run:
          `echo "::group::$STAGE for $TARGET"\n` +
          `npm run ${task} -- --target "$TARGET" --branch "$BRANCH" --output "reports/${task}-${s}.xml"\n` +
          `test -f "reports/${task}-${s}.xml" || echo "no report for $STAGE"\n` +
          `echo "::endgroup::"\n`,
      });
    }
    steps.push({
      name: "Upload reports",
      if: "${{ always() }}",
      uses: "actions/upload-artifact@v4",
      with: {
        name: `reports-w${i}-j${j}-\${{ matrix.os }}-node\${{ matrix.node }}`,
        path: `packages/p${j}/reports/`,
        "retention-days": 7,
        "if-no-files-found": "ignore",
      },
    });
    jobs[`job${j}`] = {
      name: `Job ${j} (\${{ matrix.os }}, node \${{ matrix.node }})`,
      ...(j > 0 && { needs: [`job${j - 1}`] }),
      "runs-on": "${{ matrix.os }}",
      "timeout-minutes": 30 + j,
      strategy: {
        "fail-fast": false,
        matrix: {
          os: OSES.slice(0, 2 + ((i + j) % 2)),
          node: [18, 20, 22],
          include: [{ os: "ubuntu-latest", node: 24, experimental: true }],
          exclude: [{ os: "windows-latest", node: 18 }],
        },
      },
      env: { CI: "true", PACKAGE: `p${j}`, WORKFLOW_RUN: "${{ github.run_id }}-${{ github.run_attempt }}" },
      steps,
    };
  }
  return {
    name: `Workflow ${i}`,
    on: {
      push: { branches: ["main", `release/w${i}`], paths: [`packages/**`, `w${i}/**`] },
      pull_request: { types: ["opened", "synchronize", "reopened"] },
      workflow_dispatch: { inputs: { target: { description: "What to build", required: false, type: "string", default: `w${i}` } } },
    },
    concurrency: { group: `w${i}-\${{ github.ref }}`, "cancel-in-progress": true },
    jobs,
  };
}

const ident = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/** A JavaScript literal of `value`, indented, with a trailing comma on each property. */
function literal(value, indent = "") {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},\n`).join("")}${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const inner = indent + "  ";
    const entries = Object.entries(value).map(([k, v]) => `${inner}${ident(k)}: ${literal(v, inner)},\n`);
    return `{\n${entries.join("")}${indent}}`;
  }
  return JSON.stringify(value);
}

/** wfgen's `workflows.ts` for N workflows: `workflow()` and `job()` from wfgen, steps as plain objects. */
export function wfgenSource(n) {
  const out = ['import { job, workflow } from "wfgen";', ""];
  for (let i = 0; i < n; i++) {
    const { jobs, ...rest } = workflowData(i);
    const jobLines = Object.entries(jobs).map(
      ([id, body]) => `    ${id}: job(${literal({ permissions: { contents: "read" }, ...body }, "    ")}),\n`,
    );
    const head = literal(rest, "").slice(0, -1); // without the closing brace
    out.push(`export const w${i} = workflow("w${i}", ${head}  jobs: {\n${jobLines.join("")}  },\n});\n`);
  }
  return out.join("\n");
}

/**
 * The peer's `workflows.ts`: its users build plain objects through small classes and export them; the
 * peer's CLI stringifies each export to `<name>.yml`.
 */
export function peerSource(n) {
  const out = ['import { Workflow } from "./peer-dsl.ts";', ""];
  for (let i = 0; i < n; i++) {
    const data = { permissions: { contents: "read" }, ...workflowData(i) };
    out.push(`export const w${i} = new Workflow("w${i}", ${literal(data, "")});\n`);
  }
  return out.join("\n");
}

/** The peer's DSL: what its classes amount to once the types are erased. */
export const PEER_DSL = `export class Workflow {
  constructor(public filename: string, public workflow: Record<string, unknown>) {}
}
`;

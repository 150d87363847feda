/**
 * `wfgen init`: a starter workflows.ts for an existing repository. It only ever creates files; when the
 * entry file exists it changes nothing (exit 1, like any other file in the way).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { emptyLock, isGeneratedFile, parseUses, serializeLock, type Lock } from "@wfgen/core";
import { CatalogResolver } from "../github/catalog.ts";
import { ExitCode, type IO } from "../io.ts";
import { lockChange, lockPathOf, readLockFile } from "../load/lock.ts";
import { applyChanges, type FileChange } from "../fs/apply-changes.ts";
import { checkout, setupNode } from "@wfgen/actions";
import { DEFAULT_ENTRY, DEFAULT_OUT, resolveRoot, type ProjectFlags } from "../load/project.ts";
import { displayPath } from "../paths.ts";

/** Flags of `wfgen init`. */
export interface InitOptions extends Omit<ProjectFlags, "out"> {
  json: boolean;
  quiet: boolean;
}

type PackageManager = "npm" | "pnpm" | "yarn";

interface Repository {
  manager: PackageManager;
  /** Yarn 2+ (Berry) wants `--immutable` where Yarn 1 wants `--frozen-lockfile`. */
  berry: boolean;
  hasPackageJson: boolean;
  scripts: Set<string>;
  nodeVersionFile: string | undefined;
  installedWfgen: boolean;
}

/** Write the starter files; see docs/cli.md. */
export async function init(options: InitOptions, io: IO): Promise<ExitCode> {
  const root = resolveRoot(options, io.cwd);
  const entry = resolve(root, options.entry ?? DEFAULT_ENTRY);
  if (existsSync(entry)) {
    const message = `${displayPath(entry, io.cwd)} already exists; wfgen init changed nothing. Run \`npx wfgen build\` to build it.`;
    if (options.json)
      io.stdout.write(`${JSON.stringify({ version: 1, command: "init", ok: false, written: [], message }, null, 2)}\n`);
    else io.stderr.write(`error: ${message}\n`);
    return ExitCode.failed;
  }

  const repo = inspect(root);
  const name = workflowName(root);
  const text = starter(repo, name);
  // Every file is new (exclusive: one that appears meanwhile is not replaced), written together or not at all.
  const changes: FileChange[] = [{ path: entry, content: text, exclusive: true }];
  // The starter's actions are pinned from the catalog inside wfgen, so the first build needs no network.
  const lockFile = lockPathOf(entry);
  const pinned = await starterLock(text);
  const unknown = pinned.unknown;
  if (!existsSync(lockFile)) {
    changes.push({ path: lockFile, content: serializeLock(pinned.lock), exclusive: true });
  } else {
    // A lock that exists keeps every entry it has; the starter's missing intents are added to it.
    const existing = await readLockFile(lockFile, io.cwd);
    const missing = Object.entries(pinned.lock.actions).filter(([intent]) => !(intent in existing.actions));
    const lockUpdate =
      missing.length > 0
        ? await lockChange(lockFile, { ...existing, actions: { ...existing.actions, ...Object.fromEntries(missing) } }, io.cwd)
        : undefined;
    if (lockUpdate) changes.push(lockUpdate);
  }
  // A config is needed only to remember an entry file that is not the default.
  const config = join(root, "wfgen.config.ts");
  const source = relative(root, entry).split(sep).join("/");
  if (source !== DEFAULT_ENTRY && !existsSync(config)) {
    changes.push({
      path: config,
      content: `import { defineConfig } from "wfgen";\n\nexport default defineConfig({ entry: ${JSON.stringify(source)} });\n`,
      exclusive: true,
    });
  }
  applyChanges(root, changes, io.cwd);
  const written = changes.map((c) => c.path);

  const next = [
    ...(repo.installedWfgen ? [] : [INSTALL[repo.manager]]),
    ...(unknown.length
      ? [`npx wfgen pin      (pins ${unknown.join(", ")}, which the offline catalog does not know)`]
      : []),
    `npx wfgen build    (writes ${DEFAULT_OUT}/${name}.yml)`,
  ];
  if (options.json) {
    const paths = written.map((p) => displayPath(p, io.cwd));
    io.stdout.write(`${JSON.stringify({ version: 1, command: "init", ok: true, written: paths, next }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (!options.quiet) {
    for (const path of written) io.stdout.write(`written ${displayPath(path, io.cwd)}\n`);
    if (name !== "ci") {
      io.stdout.write(
        `note: ${DEFAULT_OUT}/ci.yml is hand-written, so the starter workflow writes ${name}.yml; wfgen never overwrites files it did not generate.\n`,
      );
    }
    io.stdout.write(`Next:\n${next.map((line) => `  ${line}\n`).join("")}`);
  }
  return ExitCode.ok;
}

/** A lock for the actions a starter uses, from the offline catalog; `unknown` lists those it lacks. */
async function starterLock(text: string): Promise<{ lock: Lock; unknown: string[] }> {
  const catalog = new CatalogResolver();
  const lock = emptyLock();
  const unknown: string[] = [];
  // The typed bindings the starter calls, by the intent each writes, and the plain `uses:` steps.
  const bindings = { "checkout(": checkout().input.uses, "setupNode(": setupNode().input.uses };
  const used = [
    ...Object.entries(bindings).filter(([call]) => text.includes(call)).map(([, uses]) => uses as string),
    ...[...text.matchAll(/\{ uses: "([^"]+)"/g)].map((m) => m[1]!),
  ];
  for (const uses of used) {
    const intent = parseUses(uses);
    if (intent?.kind !== "action") continue;
    if (!catalog.knows(intent.owner, intent.repo)) {
      unknown.push(intent.key);
      continue;
    }
    lock.actions[intent.key] = { ...(await catalog.resolve(intent)), resolvedAt: new Date().toISOString() };
  }
  return { lock, unknown };
}

function inspect(root: string): Repository {
  const has = (file: string): boolean => existsSync(join(root, file));
  let pkg: { scripts?: Record<string, string>; dependencies?: object; devDependencies?: object } = {};
  try {
    pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as typeof pkg;
  } catch {
    // No package.json (or an unreadable one): the starter falls back to a placeholder step.
  }
  return {
    manager: has("pnpm-lock.yaml") ? "pnpm" : has("yarn.lock") ? "yarn" : "npm",
    berry: has(".yarnrc.yml"),
    hasPackageJson: has("package.json"),
    scripts: new Set(Object.keys(pkg.scripts ?? {})),
    nodeVersionFile: [".nvmrc", ".node-version"].find(has),
    installedWfgen: "wfgen" in (pkg.devDependencies ?? {}) || "wfgen" in (pkg.dependencies ?? {}),
  };
}

/** `ci`, unless a hand-written `ci.yml` holds that name. */
function workflowName(root: string): string {
  const existing = join(root, DEFAULT_OUT, "ci.yml");
  return existsSync(existing) && !isGeneratedFile(readFileSync(existing, "utf8")) ? "wfgen-ci" : "ci";
}

const INSTALL: Record<PackageManager, string> = {
  npm: "npm install --save-dev wfgen",
  pnpm: "pnpm add --save-dev wfgen",
  yarn: "yarn add --dev wfgen",
};

function starter(repo: Repository, name: string): string {
  const steps = ['        checkout({ with: { "persist-credentials": false } }),'];
  if (repo.hasPackageJson) {
    if (repo.manager === "pnpm") steps.push('        { uses: "pnpm/action-setup@v4" },');
    const version = repo.nodeVersionFile ? `"node-version-file": "${repo.nodeVersionFile}"` : `"node-version": "lts/*"`;
    steps.push(`        setupNode({ with: { ${version}, cache: "${repo.manager}" } }),`);
    const install = {
      npm: "npm ci",
      pnpm: "pnpm install --frozen-lockfile",
      yarn: repo.berry ? "yarn install --immutable" : "yarn install --frozen-lockfile",
    };
    steps.push(`        { run: "${install[repo.manager]}" },`);
    for (const script of ["build", "test"]) {
      if (repo.scripts.has(script))
        steps.push(`        { run: "${repo.manager === "npm" ? `npm run ${script}` : `${repo.manager} ${script}`}" },`);
    }
  } else {
    steps.push('        { run: "echo Replace this step with your build and tests" },');
  }
  return `// GitHub Actions workflows, as typed TypeScript.
// \`npx wfgen build\` writes every exported workflow to ${DEFAULT_OUT}/<name>.yml, and
// \`npx wfgen check\` fails when those files no longer match this one (run it in CI).
import { job, workflow } from "wfgen";
import { ${repo.hasPackageJson ? "checkout, setupNode" : "checkout"} } from "wfgen/actions";

export const ci = workflow(${JSON.stringify(name)}, {
  name: "CI",
  on: {
    push: { branches: ["main"] },
    pull_request: {},
  },
  jobs: {
    test: job({
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read" },
      steps: [
${steps.join("\n")}
      ],
    }),
  },
});
`;
}

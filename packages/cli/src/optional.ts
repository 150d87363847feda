/**
 * ts-morph and prettier are optional peer dependencies: only `import` and `add` generate TypeScript, and
 * they are most of what a full install weighs (about 70 MB), so the default install leaves them out.
 */
import { createRequire } from "node:module";
import { CliError } from "./errors.ts";

/** Throw (exit 2) with the one command that installs `packages` when any of them cannot be loaded. */
export function requireOptional(command: string, packages: readonly string[]): void {
  const require = createRequire(import.meta.url);
  const missing = packages.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  throw new CliError(
    "missing-optional-dependency",
    `wfgen ${command} needs ${missing.join(" and ")}, which wfgen's default install leaves out. Install ${
      packages.length === 1 ? "it" : "them"
    } with: npm install --save-dev ${packages.join(" ")}`,
  );
}

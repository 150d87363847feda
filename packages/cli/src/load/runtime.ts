/**
 * The user's `import { workflow } from "wfgen"` must reach the very modules the CLI has loaded, whatever
 * the package layout (a hoisted npm tree, pnpm's strict one, a global npx install, this monorepo). The
 * bundler maps every wfgen specifier to a tiny virtual module that reads the CLI's own exports from a
 * global, so the user's workflows and the CLI share one copy of the DSL and its brands.
 */
import type { Plugin } from "esbuild";

const RUNTIME = Symbol.for("wfgen.runtime");
const NAMESPACE = "wfgen-runtime";

/** The modules users may import, by specifier. */
export type RuntimeModules = Record<string, Record<string, unknown>>;

/** Publish the CLI's modules for the virtual modules to read; call before importing a bundle. */
export function installRuntime(modules: RuntimeModules): void {
  (globalThis as Record<symbol, unknown>)[RUNTIME] = modules;
}

/** `@wfgen/core` is a subset of `wfgen`, so it maps to the same module; `@wfgen/x` is `wfgen/x`. */
export function moduleFor(specifier: string): string {
  if (specifier === "@wfgen/core") return "wfgen";
  return specifier.startsWith("@wfgen/") ? `wfgen/${specifier.slice("@wfgen/".length)}` : specifier;
}

/**
 * The esbuild plugin that resolves wfgen specifiers to the shared runtime. It takes the modules as a
 * promise so that bundling (in esbuild's process) and loading wfgen's own modules (in this one) overlap.
 */
export function runtimePlugin(runtime: Promise<RuntimeModules>): Plugin {
  return {
    name: "wfgen-runtime",
    setup(build) {
      build.onResolve({ filter: /^(wfgen|@wfgen)(\/|$)/ }, async (args) => {
        const modules = await runtime;
        const name = moduleFor(args.path);
        if (modules[name]) return { path: name, namespace: NAMESPACE };
        const available = Object.keys(modules).join(", ");
        return { errors: [{ text: `"${args.path}" is not a module of this version of wfgen (it has: ${available})` }] };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async (args) => {
        const modules = await runtime;
        const names = Object.keys(modules[args.path] ?? {}).filter((n) => n !== "default");
        const source =
          `const m = globalThis[Symbol.for("wfgen.runtime")][${JSON.stringify(args.path)}];\n` +
          (names.length ? `export const { ${names.join(", ")} } = m;\n` : "");
        return { contents: source, loader: "js" };
      });
    },
  };
}

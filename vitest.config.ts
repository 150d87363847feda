import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    {
      // The workflow parser's source maps point at sources it does not publish; vite would warn about
      // every file, so its modules are loaded without them.
      name: "workflow-parser-without-source-maps",
      enforce: "pre",
      load(id) {
        if (!id.includes("/@actions/workflow-parser/dist/") || !id.endsWith(".js")) return null;
        return readFileSync(id, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
      },
    },
  ],
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // The pack-and-install test needs the npm registry and minutes: `pnpm test:package` runs it.
    exclude: ["**/node_modules/**", "test/package/**"],
    // GitHub's workflow parser imports a JSON file without an import attribute, which plain Node ESM
    // refuses; inlining it lets vite transform that import.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
    testTimeout: 30_000,
    // CI asks for a JSON report (to print a "N passed, N failed" line) through this variable, so that it
    // can run the exact test command the README gives.
    ...(process.env.WFGEN_TEST_REPORT
      ? { reporters: ["default", "json"], outputFile: { json: process.env.WFGEN_TEST_REPORT } }
      : {}),
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // GitHub's workflow parser imports a JSON file without an import attribute, which plain Node ESM
    // refuses; inlining it lets vite transform that import.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
    testTimeout: 30_000,
  },
});

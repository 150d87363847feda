import { defineConfig } from "vitest/config";

// The pack-and-install test alone (see pack-and-install.test.ts); its JSON report feeds .ci/run's count line.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/package/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    ...(process.env.WFGEN_TEST_REPORT
      ? { reporters: ["default", "json"], outputFile: { json: process.env.WFGEN_TEST_REPORT } }
      : {}),
  },
});

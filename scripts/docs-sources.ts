// The TypeScript that the docs generators of scripts/generators.mjs read: plain Node cannot import it, so
// scripts/generate.mjs bundles this module with esbuild, and test/generate.test.ts imports it directly.
export { commands, optionsMarkdown } from "../packages/cli/src/options.ts";
export { permissionsDocTables, TABLE_END, TABLE_START } from "../packages/core/src/permissions/doc-table.ts";

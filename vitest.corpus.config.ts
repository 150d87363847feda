// `pnpm test:corpus <dir>` (scripts/test-corpus.mjs): the import round trip over a folder of workflows,
// outside the default suite. The default configuration, with this one test file.
import base from "./vitest.config.ts";

export default { ...base, test: { ...base.test, include: ["test/corpus/round-trip.ts"], testTimeout: 600_000 } };

// Compiled by test/types.test.ts, which expects two errors: cache without its `key` input, and
// github-script without `with` at all (its `script` input is required).
import { cache, githubScript } from "@wfgen/actions";

export const restore = cache({ with: { path: "node_modules" } });
export const script = githubScript({ name: "Comment" });

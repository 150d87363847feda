/**
 * `node:crypto`, loaded on first use. Most runs hash and write nothing (a `check` without the content cache,
 * as on CI), and loading the module cost each of them 6 ms (docs/performance.md).
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);
let crypto: typeof import("node:crypto") | undefined;

export function nodeCrypto(): typeof import("node:crypto") {
  return (crypto ??= load("node:crypto") as typeof import("node:crypto"));
}

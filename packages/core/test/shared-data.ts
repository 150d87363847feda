/**
 * The shared reference data (seed workflows, SchemaStore fixtures, starter workflows) sits in `shared/`
 * beside the repository, in development and in CI alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of a file under `shared/data`. */
export function sharedData(path: string): string {
  const full = fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url));
  if (!existsSync(full)) throw new Error(`shared data missing: ${full} (the shared/ folder must sit beside the repository)`);
  return full;
}

/** Text of a file under `shared/data`. */
export function readSharedData(path: string): string {
  return readFileSync(sharedData(path), "utf8");
}

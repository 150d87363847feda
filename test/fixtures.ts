/**
 * The repository's own test fixtures under test/fixtures/ (seed workflows, the workflow corpus, the model's
 * valid and invalid workflows), for the tests of every package. A missing fixture is an error, never a skip.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("fixtures/", import.meta.url));

/** Absolute path of a file or folder under test/fixtures. */
export function fixturePath(path: string): string {
  const full = join(ROOT, path);
  if (!existsSync(full)) throw new Error(`test fixture missing: ${full}`);
  return full;
}

/** Text of a file under test/fixtures. */
export function readFixture(path: string): string {
  return readFileSync(fixturePath(path), "utf8");
}

/** The .yml and .yaml files under a folder of test/fixtures, relative to it, sorted. */
export function yamlFixtures(dir: string): string[] {
  const root = fixturePath(dir);
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => relative(root, join(root, path)))
    .sort();
  if (files.length === 0) throw new Error(`no workflow fixtures under ${root}`);
  return files;
}

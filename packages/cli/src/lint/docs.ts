/**
 * Where the rule pages are published: the package's `homepage` (package.json, the one place to change it),
 * with `docs/rules/<id>.md` under its default branch. SARIF's helpUri and the text output's links use it.
 */
import pkg from "../../package.json" with { type: "json" };

/** wfgen's version, for SARIF's driver. */
export const WFGEN_VERSION: string = pkg.version;

/** `https://github.com/<owner>/<repo>/blob/main/`: the base each `docs/rules/<id>.md` is appended to. */
export const DOCS_BASE_URL = `${pkg.homepage.replace(/\/+$/, "")}/blob/main/`;

/** The address of a docs page given as a repository path (`docs/rules/unpinned-uses.md`). */
export function docsUrl(path: string): string {
  return `${DOCS_BASE_URL}${path.replace(/^\/+/, "")}`;
}

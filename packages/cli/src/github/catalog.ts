/**
 * The offline catalog as a Resolver: release tags of the popular actions wfgen ships bindings for, read
 * from the tag table generated into `catalog.gen.ts`. It answers with no network (so `wfgen init` and
 * `wfgen pin --offline` always work) but knows nothing newer than its date and no action.yml.
 */
import type { RemoteIntent } from "@wfgen/core";
import { CATALOG, CATALOG_DATE } from "./catalog.gen.ts";
import { ResolveError, noTagError, type Resolution, type Resolver } from "./resolver.ts";
import { mostSpecificTag, parseVersion, targetTag } from "./versions.ts";

/** Resolves intents from the catalog that ships inside wfgen. */
export class CatalogResolver implements Resolver {
  readonly source = `wfgen's offline catalog (tags as of ${CATALOG_DATE})`;

  /** Whether the catalog knows a repository at all. */
  knows(owner: string, repo: string): boolean {
    return table(owner, repo) !== undefined;
  }

  async resolve(intent: RemoteIntent): Promise<Resolution> {
    const tags = table(intent.owner, intent.repo);
    if (!tags) {
      throw new ResolveError(
        "not-in-catalog",
        `${intent.owner}/${intent.repo} is not in ${this.source}, which knows ${Object.keys(CATALOG).join(", ")}`,
        "run `npx wfgen pin` with network access to resolve it through GitHub's API",
      );
    }
    const target = targetTag(intent.ref, Object.keys(tags));
    if (target === undefined) throw noTagError(intent);
    const sha = tags[target]!;
    const atCommit = Object.keys(tags).filter((t) => tags[t] === sha);
    return { sha, tag: mostSpecificTag(intent.ref, target, atCommit) };
  }

  async tags(owner: string, repo: string): Promise<string[]> {
    return Object.keys(table(owner, repo) ?? {}).filter((t) => parseVersion(t) !== undefined);
  }

  async actionYml(): Promise<undefined> {
    return undefined;
  }
}

// GitHub treats owner and repository names case-insensitively, and so does the catalog.
function table(owner: string, repo: string): Readonly<Record<string, string>> | undefined {
  const wanted = `${owner}/${repo}`.toLowerCase();
  const key = Object.keys(CATALOG).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : CATALOG[key];
}

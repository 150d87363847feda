/** The resolver a command uses: the offline catalog alone, or GitHub's API with the catalog as fallback. */
import type { IO } from "../io.ts";
import { GitHubApiResolver } from "./api.ts";
import { CatalogResolver } from "./catalog.ts";
import { FallbackResolver } from "./fallback.ts";
import type { Resolver } from "./resolver.ts";

/** `note` is told, once, when the network fails and the catalog takes over. */
export function chooseResolver(io: IO, offline: boolean, note: (text: string) => void): Resolver {
  const catalog = new CatalogResolver();
  if (offline) return catalog;
  return new FallbackResolver(new GitHubApiResolver(io.env), catalog, (reason, fallback) =>
    note(`${reason}; resolving from ${fallback.source} instead.`),
  );
}

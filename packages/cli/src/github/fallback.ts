/**
 * GitHub's API first, the offline catalog when the network is down: `wfgen pin` on a plane still pins
 * the popular actions, and says that it did so from the catalog. Any other API failure (rate limit, a
 * missing repository) is reported as it is, because the catalog would only hide it.
 */
import type { RemoteIntent } from "@wfgen/core";
import { ResolveError, type Resolution, type Resolver } from "./resolver.ts";

/** A resolver that switches to `fallback` for good after `primary` first fails to connect. */
export class FallbackResolver implements Resolver {
  private current: Resolver;
  private readonly fallback: Resolver;
  private readonly onFallback: (reason: string, fallback: Resolver) => void;

  /** `onFallback` is told once, with the network error, when the switch happens. */
  constructor(primary: Resolver, fallback: Resolver, onFallback: (reason: string, fallback: Resolver) => void) {
    this.current = primary;
    this.fallback = fallback;
    this.onFallback = onFallback;
  }

  get source(): string {
    return this.current.source;
  }

  resolve(intent: RemoteIntent): Promise<Resolution> {
    return this.attempt((r) => r.resolve(intent));
  }

  tags(owner: string, repo: string): Promise<string[]> {
    return this.attempt((r) => r.tags(owner, repo));
  }

  actionYml(owner: string, repo: string, path: string | undefined, sha: string): Promise<string | undefined> {
    return this.attempt((r) => r.actionYml(owner, repo, path, sha));
  }

  private async attempt<T>(call: (resolver: Resolver) => Promise<T>): Promise<T> {
    try {
      return await call(this.current);
    } catch (error) {
      if (!(error instanceof ResolveError) || error.kind !== "network" || this.current === this.fallback) throw error;
      this.current = this.fallback;
      this.onFallback(error.message, this.fallback);
      return call(this.fallback);
    }
  }
}

// Verifying a credential through its cache: a fresh verification answers at once, otherwise the database
// is asked and only a positive answer is stored (an unknown or revoked secret costs a lookup, never memory).
// Where the cache has a grace period (API keys), a credential verified lately stands in while the database
// is unreachable, so the engine, which runs from memory, keeps answering known integrators.
import { isDatabaseUnavailable } from '../db/databaseErrors.ts';
import { sha256Hex } from '../services/tokens.ts';
import type { CredentialCache, CredentialOwner } from './credentialCache.ts';

/** After a lookup failed for want of a database, use last-known credentials without asking for this long. */
const DATABASE_RETRY_MS = 2 * 1000;

export type CredentialLookup<T> = (secret: string) => Promise<T | undefined>;

export function cachedLookup<T>(
  cache: CredentialCache<T>,
  lookup: CredentialLookup<T>,
  ownerOf: (value: T) => CredentialOwner,
  now: () => number = Date.now,
): CredentialLookup<T> {
  let databaseAwayUntil = 0;
  return async (secret) => {
    const hash = sha256Hex(secret);
    const fresh = cache.fresh(hash);
    if (fresh) return fresh;
    const lastKnown = cache.lastKnown(hash);
    if (lastKnown && now() < databaseAwayUntil) return lastKnown;
    const generation = cache.generation;
    try {
      const value = await lookup(secret);
      if (value) cache.remember(hash, value, ownerOf(value), generation);
      else if (lastKnown) cache.forget({ hash });
      return value;
    } catch (error) {
      if (!lastKnown || !isDatabaseUnavailable(error)) throw error;
      databaseAwayUntil = now() + DATABASE_RETRY_MS;
      return lastKnown;
    }
  };
}

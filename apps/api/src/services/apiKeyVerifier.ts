// API keys verified against the database, remembered for a minute so that integrators' stateless
// parse and diagnose calls keep working through a short database outage. The database stays the
// authority while it answers: revoking a key or disabling its owner takes effect on the next request.
import { isDatabaseUnavailable } from '../db/databaseErrors.ts';
import type { ActiveApiKey } from './apiKeyService.ts';
import { sha256Hex } from './tokens.ts';

/** How long a verification may stand in for the database while it is away. */
export const VERIFIED_KEY_TTL_MS = 60 * 1000;
/** After a failed lookup, trust remembered keys without asking for this long, so calls stay fast. */
const DATABASE_RETRY_MS = 2 * 1000;
/** Keys remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED_KEYS = 1000;

export type ApiKeyLookup = (key: string) => Promise<ActiveApiKey | undefined>;

/** Looks keys up with `lookup`; answers from memory only when the database is unavailable. */
export function createApiKeyVerifier(lookup: ApiKeyLookup, now: () => number = Date.now) {
  const remembered = new Map<string, { key: ActiveApiKey; verifiedAt: number }>();
  let databaseAwayUntil = 0;

  const recall = (hash: string) => {
    const entry = remembered.get(hash);
    if (!entry) return undefined;
    if (now() - entry.verifiedAt > VERIFIED_KEY_TTL_MS) {
      remembered.delete(hash);
      return undefined;
    }
    return entry.key;
  };

  return async function verify(bearer: string): Promise<ActiveApiKey | undefined> {
    const hash = sha256Hex(bearer);
    const fallback = recall(hash);
    if (fallback && now() < databaseAwayUntil) return fallback;
    try {
      const key = await lookup(bearer);
      remembered.delete(hash);
      if (key) {
        remembered.set(hash, { key, verifiedAt: now() });
        if (remembered.size > MAX_REMEMBERED_KEYS) remembered.delete(remembered.keys().next().value as string);
      }
      return key;
    } catch (error) {
      if (!fallback || !isDatabaseUnavailable(error)) throw error;
      databaseAwayUntil = now() + DATABASE_RETRY_MS;
      return fallback;
    }
  };
}

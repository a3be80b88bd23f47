// API keys verified against the database and remembered: for a few seconds a key is trusted without
// asking again (integrators send many engine calls in a row; a lookup costs more than a diagnosis),
// and for a minute it stands in for the database during an outage. Revoking a key or disabling its
// owner through this server forgets it at once; another replica trusts it at most FRESH_KEY_MS more.
import { isDatabaseUnavailable } from '../db/databaseErrors.ts';
import type { ActiveApiKey } from './apiKeyService.ts';
import { sha256Hex } from './tokens.ts';

/** How long a verification is trusted without asking the database again. */
export const FRESH_KEY_MS = 5 * 1000;
/** How long a verification may stand in for the database while it is away. */
export const VERIFIED_KEY_TTL_MS = 60 * 1000;
/** After a failed lookup, trust remembered keys without asking for this long, so calls stay fast. */
const DATABASE_RETRY_MS = 2 * 1000;
/** Keys remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED_KEYS = 1000;

export type ApiKeyLookup = (key: string) => Promise<ActiveApiKey | undefined>;

export interface ApiKeyVerifier {
  verify: ApiKeyLookup;
  /** Forget a key (revoked) or every key of an account (disabled, role changed). */
  forget(which: { keyId?: string; ownerId?: string }): void;
}

/** Looks keys up with `lookup`, trusting a fresh verification, and the last one while the database is away. */
export function createApiKeyVerifier(lookup: ApiKeyLookup, now: () => number = Date.now): ApiKeyVerifier {
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

  async function verify(bearer: string): Promise<ActiveApiKey | undefined> {
    const hash = sha256Hex(bearer);
    const fallback = recall(hash);
    if (fallback && now() - (remembered.get(hash)?.verifiedAt ?? 0) < FRESH_KEY_MS) return fallback;
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
  }

  return {
    verify,
    forget({ keyId, ownerId }) {
      for (const [hash, entry] of remembered) {
        if (entry.key.id === keyId || entry.key.owner.id === ownerId) remembered.delete(hash);
      }
    },
  };
}

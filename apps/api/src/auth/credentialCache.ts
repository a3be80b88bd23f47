// Verified credentials (sessions, API keys), keyed by the SHA-256 of their secret and remembered for a few
// seconds, so a signed-in page or an integrator's burst of engine calls does not ask the database every time.
// Bounded in size; a change to a credential or its account forgets it here (credentialChanges.ts tells the
// other replicas).

/**
 * How long a verification is trusted without asking the database again. It is also the longest a missed
 * forget can last: a change made outside the API, or on another replica while Redis is away or not set.
 */
export const CREDENTIAL_TTL_MS = 5 * 1000;
/**
 * Entries kept at most, the least recently used forgotten first, so memory stays bounded (a few megabytes)
 * whatever callers send. Only credentials the database vouched for are stored: guessing fills nothing.
 */
export const MAX_CACHED_CREDENTIALS = 10_000;

/** What a change names: one credential by the hash of its secret or by its id, or every credential of an account. */
export interface CredentialChange {
  hash?: string;
  credentialId?: string;
  userId?: string;
}

/** Whose credential a value is, and when it ends at the latest (a session's expiry), in epoch milliseconds. */
export interface CredentialOwner {
  credentialId: string;
  userId: string;
  notAfter?: number;
}

export interface CredentialCache<T> {
  /** The value if it was verified less than the TTL ago, is not past its end and has not been distrusted. */
  fresh(hash: string): T | undefined;
  /** The value verified within the TTL plus the grace period: to stand in only while the database is away. */
  lastKnown(hash: string): T | undefined;
  /** Moves on every forget: read it before a lookup and pass it to `remember`, which then stores nothing stale. */
  readonly generation: number;
  /** Stores a verified value, unless something was forgotten since `generationAtLookup` (the answer may be stale). */
  remember(hash: string, value: T, owner: CredentialOwner, generationAtLookup: number): void;
  forget(change: CredentialChange): void;
  /** After changes may have been missed: nothing stored so far is fresh any more (it may still stand in). */
  distrustAll(): void;
  readonly size: number;
}

interface Entry<T> {
  value: T;
  credentialId: string;
  userId: string;
  verifiedAt: number;
  notAfter: number;
  generation: number;
}

export interface CredentialCacheOptions {
  ttlMs?: number;
  /** How long past the TTL a value may stand in for an unreachable database (0: not at all). */
  graceMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createCredentialCache<T>(options: CredentialCacheOptions = {}): CredentialCache<T> {
  const ttlMs = options.ttlMs ?? CREDENTIAL_TTL_MS;
  const keepMs = ttlMs + (options.graceMs ?? 0);
  const maxEntries = options.maxEntries ?? MAX_CACHED_CREDENTIALS;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry<T>>();
  let generation = 0;
  let trustedFromGeneration = 0;

  function live(hash: string): Entry<T> | undefined {
    const entry = entries.get(hash);
    if (!entry) return undefined;
    const at = now();
    entries.delete(hash);
    if (at - entry.verifiedAt >= keepMs || at >= entry.notAfter) return undefined;
    entries.set(hash, entry);
    return entry;
  }

  return {
    fresh(hash) {
      const entry = live(hash);
      if (!entry || entry.generation < trustedFromGeneration || now() - entry.verifiedAt >= ttlMs) return undefined;
      return entry.value;
    },
    lastKnown(hash) {
      return live(hash)?.value;
    },
    get generation() {
      return generation;
    },
    remember(hash, value, owner, generationAtLookup) {
      if (generationAtLookup !== generation) return;
      entries.delete(hash);
      entries.set(hash, {
        value,
        credentialId: owner.credentialId,
        userId: owner.userId,
        verifiedAt: now(),
        notAfter: owner.notAfter ?? Number.POSITIVE_INFINITY,
        generation,
      });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    forget({ hash, credentialId, userId }) {
      generation++;
      if (hash !== undefined) entries.delete(hash);
      if (credentialId === undefined && userId === undefined) return;
      // A scan: forgetting by id or account is rare (an admin's change), and the map is bounded.
      for (const [key, entry] of entries) {
        if (entry.credentialId === credentialId || entry.userId === userId) entries.delete(key);
      }
    },
    distrustAll() {
      generation++;
      trustedFromGeneration = generation;
    },
    get size() {
      return entries.size;
    },
  };
}

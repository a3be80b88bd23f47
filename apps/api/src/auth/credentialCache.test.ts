import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TTL_MS, type CredentialOwner, createCredentialCache } from './credentialCache.ts';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const alice: CredentialOwner = { credentialId: 'session-a', userId: 'user-a' };
const aliceKey: CredentialOwner = { credentialId: 'key-a', userId: 'user-a' };
const bob: CredentialOwner = { credentialId: 'session-b', userId: 'user-b' };

function cacheWith(options: Parameters<typeof createCredentialCache>[0] = {}) {
  const c = clock();
  const cache = createCredentialCache<string>({ now: c.now, ...options });
  const store = (hash: string, value: string, owner: CredentialOwner) =>
    cache.remember(hash, value, owner, cache.generation);
  return { cache, store, ...c };
}

describe('credential cache', () => {
  it('trusts a verification for the TTL, then no longer', () => {
    const { cache, store, advance } = cacheWith();
    store('h1', 'alice', alice);
    advance(CREDENTIAL_TTL_MS - 1);
    expect(cache.fresh('h1')).toBe('alice');
    advance(1);
    expect(cache.fresh('h1')).toBeUndefined();
    expect(cache.lastKnown('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never trusts a credential past its own end, even within the TTL', () => {
    const { cache, now, advance } = cacheWith();
    cache.remember('h1', 'alice', { ...alice, notAfter: now() + 1_000 }, cache.generation);
    advance(999);
    expect(cache.fresh('h1')).toBe('alice');
    advance(1);
    expect(cache.fresh('h1')).toBeUndefined();
  });

  it('keeps a value past the TTL only as last known, for the grace period', () => {
    const { cache, store, advance } = cacheWith({ graceMs: 60_000 });
    store('h1', 'alice', alice);
    advance(CREDENTIAL_TTL_MS + 30_000);
    expect(cache.fresh('h1')).toBeUndefined();
    expect(cache.lastKnown('h1')).toBe('alice');
    advance(30_000);
    expect(cache.lastKnown('h1')).toBeUndefined();
  });

  it('holds at most its bound, forgetting the least recently used first', () => {
    const { cache, store } = cacheWith({ maxEntries: 3 });
    store('h1', 'one', alice);
    store('h2', 'two', alice);
    store('h3', 'three', bob);
    expect(cache.fresh('h1')).toBe('one');
    store('h4', 'four', bob);
    expect(cache.size).toBe(3);
    expect(cache.fresh('h2')).toBeUndefined();
    expect(['h1', 'h3', 'h4'].map((h) => cache.fresh(h))).toEqual(['one', 'three', 'four']);
    for (let i = 0; i < 1_000; i++) store(`guess-${i}`, 'x', bob);
    expect(cache.size).toBe(3);
  });

  it('forgets one credential by the hash of its secret or by its id', () => {
    const { cache, store } = cacheWith();
    store('h1', 'alice session', alice);
    store('h2', 'alice key', aliceKey);
    store('h3', 'bob session', bob);
    cache.forget({ hash: 'h1' });
    expect(cache.fresh('h1')).toBeUndefined();
    cache.forget({ credentialId: 'key-a' });
    expect(cache.fresh('h2')).toBeUndefined();
    expect(cache.fresh('h3')).toBe('bob session');
  });

  it('forgets every credential of an account, and nobody else’s', () => {
    const { cache, store } = cacheWith();
    store('h1', 'alice session', alice);
    store('h2', 'alice key', aliceKey);
    store('h3', 'bob session', bob);
    cache.forget({ userId: 'user-a' });
    expect(['h1', 'h2', 'h3'].map((h) => cache.fresh(h))).toEqual([undefined, undefined, 'bob session']);
  });

  it('stores nothing a lookup read before a forget, since the answer may predate the change', () => {
    const { cache } = cacheWith();
    const before = cache.generation;
    cache.forget({ userId: 'user-a' });
    cache.remember('h1', 'alice', alice, before);
    expect(cache.fresh('h1')).toBeUndefined();
    cache.remember('h1', 'alice', alice, cache.generation);
    expect(cache.fresh('h1')).toBe('alice');
  });

  it('trusts nothing stored before distrustAll, but keeps it as last known', () => {
    const { cache, store } = cacheWith({ graceMs: 60_000 });
    store('h1', 'alice', alice);
    cache.distrustAll();
    expect(cache.fresh('h1')).toBeUndefined();
    expect(cache.lastKnown('h1')).toBe('alice');
    store('h1', 'alice again', alice);
    expect(cache.fresh('h1')).toBe('alice again');
  });
});

import { describe, expect, it } from 'vitest';
import { cachedLookup } from './cachedLookup.ts';
import { CREDENTIAL_TTL_MS, createCredentialCache } from './credentialCache.ts';

type Principal = { id: string; userId: string };
const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

function setup(graceMs = 0) {
  let t = 0;
  const now = () => t;
  const valid = new Map<string, Principal>([['secret-a', { id: 'cred-a', userId: 'user-a' }]]);
  const asked: string[] = [];
  let failure: Error | undefined;
  const cache = createCredentialCache<Principal>({ graceMs, now });
  const verify = cachedLookup(
    cache,
    async (secret) => {
      asked.push(secret);
      if (failure) throw failure;
      return valid.get(secret);
    },
    (p) => ({ credentialId: p.id, userId: p.userId }),
    now,
  );
  return {
    verify,
    cache,
    asked,
    valid,
    advance: (ms: number) => (t += ms),
    fail: (error: Error | undefined) => (failure = error),
  };
}

describe('cached credential lookup', () => {
  it('asks the database once per TTL for a valid credential', async () => {
    const s = setup();
    expect(await s.verify('secret-a')).toEqual({ id: 'cred-a', userId: 'user-a' });
    await s.verify('secret-a');
    expect(s.asked).toEqual(['secret-a']);
    s.advance(CREDENTIAL_TTL_MS);
    await s.verify('secret-a');
    expect(s.asked).toEqual(['secret-a', 'secret-a']);
  });

  it('never stores a refusal: each unknown secret is asked again and takes no room', async () => {
    const s = setup();
    for (let i = 0; i < 3; i++) expect(await s.verify('guess')).toBeUndefined();
    expect(s.asked).toEqual(['guess', 'guess', 'guess']);
    expect(s.cache.size).toBe(0);
  });

  it('asks again at once after a forget', async () => {
    const s = setup();
    await s.verify('secret-a');
    s.valid.delete('secret-a');
    s.cache.forget({ userId: 'user-a' });
    expect(await s.verify('secret-a')).toBeUndefined();
  });

  it('lets a last-known credential stand in while the database is unreachable, within the grace period', async () => {
    const s = setup(60_000);
    await s.verify('secret-a');
    s.advance(CREDENTIAL_TTL_MS + 1);
    s.fail(unreachable);
    expect(await s.verify('secret-a')).toEqual({ id: 'cred-a', userId: 'user-a' });
    await expect(s.verify('never-seen')).rejects.toBe(unreachable);
  });

  it('passes on other errors, and outages without a grace period', async () => {
    const bug = new Error('a bug');
    const s = setup(60_000);
    await s.verify('secret-a');
    s.advance(CREDENTIAL_TTL_MS + 1);
    s.fail(bug);
    await expect(s.verify('secret-a')).rejects.toBe(bug);
    const noGrace = setup();
    await noGrace.verify('secret-a');
    noGrace.advance(CREDENTIAL_TTL_MS + 1);
    noGrace.fail(unreachable);
    await expect(noGrace.verify('secret-a')).rejects.toBe(unreachable);
  });
});

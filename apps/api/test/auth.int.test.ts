import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_FAILED } from '../src/routes/auth/index.ts';
import { ACCOUNT_CHECKS_PER_WINDOW, ADDRESS_CHECKS_PER_WINDOW } from '../src/services/loginThrottle.ts';
import { createSignedInUser, createTestApiKey, createTestUser, signIn, TEST_PASSWORD } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  // The production pool's size (DB_CONNECTION_LIMIT): 50 sign-ins at once queue for connections.
  s = await createTestServer({ connections: 10 });
});
afterAll(async () => {
  await s.close();
});

describe('sign-in', () => {
  it('returns the account and a CSRF token and sets an httpOnly SameSite=Lax session cookie', async () => {
    const user = await createTestUser(s.db);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: user.id, email: user.email, name: 'Hakim Test', role: 'practitioner' });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === 'cdss_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(JSON.stringify(body)).not.toContain(cookie?.value);
  });

  it('stores only a hash of the session token', async () => {
    const session = await createSignedInUser(s.app, s.db);
    const token = session.cookie.split('=')[1] ?? '';
    const rows = await s.db.session.findMany({ where: { userId: session.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.tokenHash).not.toBe(token);
  });

  it('answers 401 with one message for a wrong password and for an unknown email', async () => {
    const user = await createTestUser(s.db);
    // Its own client address, so that this file's sign-ins from the default one stay under the per-minute limit.
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not the password' },
      remoteAddress: '192.0.2.10',
    });
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'x' },
      remoteAddress: '192.0.2.10',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(SIGN_IN_FAILED);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('names each invalid field', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
      remoteAddress: '192.0.2.11',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });

  it('checks at most the budget of passwords per account when 50 guesses arrive at once from 5 addresses', async () => {
    const user = await createTestUser(s.db);
    const guesses = Array.from({ length: 50 }, (_v, i) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `guess number ${i}` },
        remoteAddress: `203.0.113.${i % 5}`,
      }),
    );
    const answers = await Promise.all(guesses);
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([401]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    // Each attempt leaves one row: `denied` when the password was checked, `throttled` when it was not.
    const rows = await s.db.auditLog.groupBy({
      by: ['outcome'],
      where: { action: 'auth.login', entityId: user.id },
      _count: true,
    });
    const counts = Object.fromEntries(rows.map((r) => [r.outcome, r._count]));
    expect(counts).toEqual({ denied: ACCOUNT_CHECKS_PER_WINDOW, throttled: 50 - ACCOUNT_CHECKS_PER_WINDOW });
    // The right password from a browser that never signed in to the account waits for the window too.
    const stranger = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '203.0.113.99',
    });
    expect(stranger.statusCode).toBe(401);
  });

  it('lets the owner in from a browser that signed in before, however many guesses came from elsewhere', async () => {
    const user = await createTestUser(s.db);
    const first = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '203.0.114.1',
    });
    const device = first.cookies.find((c) => c.name === 'cdss_device');
    expect(device).toMatchObject({ httpOnly: true, path: '/api/v1/auth', sameSite: 'Strict' });
    for (let i = 0; i < ACCOUNT_CHECKS_PER_WINDOW + 3; i++) {
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `attacker ${i}` },
        remoteAddress: `203.0.114.${10 + i}`,
      });
    }
    const owner = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: `cdss_device=${device?.value}` },
      remoteAddress: '203.0.114.1',
    });
    expect(owner.statusCode).toBe(200);
    // Nor do guesses at other accounts from the owner's own (shared) address keep the owner's browser out: the
    // address's budget spent (as 30 failures would; the per-minute rate limit would refuse them sooner here).
    await s.db.loginThrottle.upsert({
      where: { bucket: 'address:203.0.114.1' },
      create: { bucket: 'address:203.0.114.1', windowStart: new Date(), attempts: ADDRESS_CHECKS_PER_WINDOW },
      update: { windowStart: new Date(), attempts: ADDRESS_CHECKS_PER_WINDOW },
    });
    const stranger = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '203.0.114.1',
    });
    expect(stranger.statusCode, 'the address’s budget is spent for browsers it does not know').toBe(401);
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: `cdss_device=${device?.value}` },
      remoteAddress: '203.0.114.1',
    });
    expect(again.statusCode).toBe(200);
    // Another account's device cookie gives no budget of its own.
    const other = await createTestUser(s.db);
    const borrowed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: other.email, password: TEST_PASSWORD },
      headers: { cookie: `cdss_device=${device?.value}` },
      remoteAddress: '203.0.114.2',
    });
    expect(borrowed.statusCode).toBe(200);
    expect(borrowed.cookies.find((c) => c.name === 'cdss_device')?.value).not.toBe(device?.value);
  });

  it('remembers at most 20 browsers per account, forgetting the oldest', async () => {
    const user = await createTestUser(s.db);
    for (let i = 0; i < 22; i++) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
        remoteAddress: `203.0.115.${i}`,
      });
      expect(r.statusCode).toBe(200);
    }
    expect(await s.db.signInDevice.count({ where: { userId: user.id } })).toBe(20);
  });

  it('limits sign-in attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.org', password: 'x' },
        remoteAddress: '192.0.2.77',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('gives a new session at every sign-in and ends the old one (no fixation)', async () => {
    const user = await createTestUser(s.db);
    const first = await signIn(s.app, user.email);
    const second = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: first.cookie },
    });
    const newCookie = second.cookies.find((c) => c.name === 'cdss_session')?.value;
    expect(`cdss_session=${newCookie}`).not.toBe(first.cookie);
    const old = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(401);
  });
});

describe('session', () => {
  it('tells who is signed in', async () => {
    const session = await createSignedInUser(s.app, s.db, 'researcher');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { role: 'researcher' }, csrfToken: session.csrfToken });
    // The same, answered 200 whether signed in or not (sign-in attempts are rate-limited: no new session here).
    const signedIn = await s.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(signedIn.json()).toMatchObject({
      signedIn: true,
      user: { role: 'researcher' },
      csrfToken: session.csrfToken,
    });
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });

  it('answers 200 signed-out to an anonymous caller and to an API key', async () => {
    const anonymous = await s.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ signedIn: false });
    const { headers } = await createTestApiKey(s.db, ['knowledge:read']);
    const key = await s.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(key.json()).toEqual({ signedIn: false });
  });

  it('needs the CSRF token to sign out, then the cookie no longer works', async () => {
    const session = await createSignedInUser(s.app, s.db);
    const noCsrf = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toMatch(/CSRF/);
    const out = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a disabled account’s existing session', async () => {
    const session = await createSignedInUser(s.app, s.db);
    await s.db.user.update({ where: { id: session.user.id }, data: { disabled: true } });
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('are refused on routes for signed-in accounts', async () => {
    const { headers } = await createTestApiKey(s.db, ['knowledge:read', 'engine:use', 'research:read']);
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/patients', headers });
    expect(res.statusCode).toBe(403);
  });

  it('answer 401 when unknown or malformed', async () => {
    const unknown = await s.app.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: { authorization: 'Bearer ucdss_abc_def' },
    });
    const malformed = await s.app.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: { authorization: 'Basic abc' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(malformed.statusCode).toBe(401);
  });

  it('are stored only as a hash', async () => {
    const { key, owner } = await createTestApiKey(s.db, ['engine:use']);
    const row = await s.db.apiKey.findFirstOrThrow({ where: { ownerId: owner.id } });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    // The secret is what follows the stored prefix; the prefix itself may contain "_".
    const secret = key.slice(key.indexOf(`_${row.prefix}_`) + row.prefix.length + 2);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
  });
});

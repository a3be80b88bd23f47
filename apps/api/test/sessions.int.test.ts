// Sessions end on the server after 30 idle minutes (configurable) and 12 hours after sign-in however busy,
// checked with a controlled clock; the cookie is `__Host-` and Secure behind https; links and client addresses
// follow configuration, never a forged header.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer, type ServerDeps } from '../src/app.ts';
import { createSignedInUser, createTestUser, type SignedIn, TEST_PASSWORD } from './factories.ts';
import { createTestDb } from './testDatabase.ts';

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof createTestDb>>;
const servers: FastifyInstance[] = [];

async function server(env: Partial<ServerDeps['env']> = {}) {
  const app = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env }, db: t.db });
  servers.push(app);
  return app;
}

beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const app of servers) await app.close();
  await t?.close();
});

/**
 * Moves the process's clock (Date only: timers and the database driver keep real time). Started before the
 * server is built, so its credential cache reads the same clock.
 */
const clock = {
  start() {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  },
  advance(ms: number) {
    vi.setSystemTime(Date.now() + ms);
  },
};

const me = (app: FastifyInstance, as: SignedIn) =>
  app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: as.cookie } });

describe('session limits', () => {
  it('ends a session left alone for 30 minutes, and only then', async () => {
    clock.start();
    const app = await server();
    const as = await createSignedInUser(app, t.db);
    for (let i = 0; i < 4; i++) {
      clock.advance(29 * MINUTE);
      expect((await me(app, as)).statusCode).toBe(200);
    }
    clock.advance(30 * MINUTE);
    expect((await me(app, as)).statusCode).toBe(401);
  });

  it('ends a busy session 12 hours after sign-in', async () => {
    clock.start();
    const app = await server();
    const as = await createSignedInUser(app, t.db);
    for (let elapsed = 0; elapsed < 11 * 60 + 50; elapsed += 10) {
      clock.advance(10 * MINUTE);
      expect((await me(app, as)).statusCode, `${elapsed + 10} minutes in`).toBe(200);
    }
    clock.advance(10 * MINUTE);
    expect((await me(app, as)).statusCode).toBe(401);
  });

  it('ends a session from before the absolute limit once 12 hours old, whatever its stored expiry', async () => {
    const app = await server();
    const as = await createSignedInUser(app, t.db);
    const created = new Date(Date.now() - 12 * 60 * MINUTE - 1000);
    await t.db.session.updateMany({
      where: { userId: as.user.id },
      data: { createdAt: created, expiresAt: new Date(Date.now() + 60 * MINUTE) },
    });
    expect((await me(app, as)).statusCode).toBe(401);
  });

  it('takes its idle limit from SESSION_IDLE_MINUTES', async () => {
    clock.start();
    const app = await server({ SESSION_IDLE_MINUTES: 10 });
    const as = await createSignedInUser(app, t.db);
    clock.advance(9 * MINUTE);
    expect((await me(app, as)).statusCode).toBe(200);
    clock.advance(10 * MINUTE);
    expect((await me(app, as)).statusCode).toBe(401);
  });
});

async function login(app: FastifyInstance, headers: Record<string, string> = {}) {
  const user = await createTestUser(t.db);
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers,
    payload: { email: user.email, password: TEST_PASSWORD },
  });
}

describe('session cookie', () => {
  it('is __Host- prefixed and Secure when the public address is https, and works', async () => {
    const app = await server({ PUBLIC_URL: 'https://clinic.example.org' });
    const res = await login(app);
    const cookie = res.cookies.find((c) => c.name === '__Host-cdss_session');
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(cookie?.domain).toBeUndefined();
    // Besides the session, only the device cookie that marks a browser which signed in before: Secure too.
    expect(res.cookies.map((c) => [c.name, c.secure])).toEqual([
      ['__Host-cdss_session', true],
      ['cdss_device', true],
    ]);
    const signedIn = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `__Host-cdss_session=${cookie?.value}` },
    });
    expect(signedIn.statusCode).toBe(200);
    const plainName = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `cdss_session=${cookie?.value}` },
    });
    expect(plainName.statusCode).toBe(401);
  });

  it('keeps its plain name over plain http, Secure only for requests a trusted proxy says were https', async () => {
    const plain = await login(await server());
    expect(plain.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([
      ['cdss_session', false],
      ['cdss_device', false],
    ]);
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = await login(await server(), forwarded);
    expect(untrusted.cookies[0]?.secure ?? false).toBe(false);
    const trusted = await login(await server({ TRUST_PROXY: '127.0.0.1' }), forwarded);
    expect(trusted.cookies[0]?.secure).toBe(true);
  });
});

describe('behind a proxy', () => {
  it('tells clients apart by X-Forwarded-For only when the proxy is trusted', async () => {
    const ipOf = async (app: FastifyInstance, forwardedFor: string) => {
      let seen = '';
      app.addHook('onRequest', async (req) => {
        seen = req.ip;
      });
      await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { 'x-forwarded-for': forwardedFor } });
      return seen;
    };
    expect(await ipOf(await server({ TRUST_PROXY: '127.0.0.1' }), '203.0.113.7')).toBe('203.0.113.7');
    expect(await ipOf(await server(), '203.0.113.7')).toBe('127.0.0.1');
  });

  it('builds links from PUBLIC_URL, never from the Host header', async () => {
    const app = await server({ PUBLIC_URL: 'https://clinic.example.org/' });
    const signedIn = await login(app);
    const cookie = `${signedIn.cookies[0]?.name}=${signedIn.cookies[0]?.value}`;
    await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { cookie, 'x-csrf-token': signedIn.json().csrfToken },
      payload: { name: 'Linked Patient', age: 40, sex: 'male' },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/fhir/Patient',
      headers: { cookie, host: 'attacker.example.net' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('attacker.example.net');
    expect(res.json().entry[0].fullUrl).toMatch(/^https:\/\/clinic\.example\.org\/fhir\/Patient\//);
  });
});

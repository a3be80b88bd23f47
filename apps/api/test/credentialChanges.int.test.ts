// Sign-out, disabling an account and revoking an API key reach every replica: two servers on one database
// and the real Redis (a channel of their own per run), and one server without Redis.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerDeps } from '../src/app.ts';
import { CREDENTIAL_CHANNEL } from '../src/auth/credentialChanges.ts';
import { createPrisma, type Db } from '../src/db/prisma.ts';
import { createSignedInUser, createTestApiKey, type SignedIn } from './factories.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestServer } from './testServer.ts';

/** The Redis `.ci/run` starts; TEST_REDIS_URL names another. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Longer than any test: only a message through Redis can make the other replica refuse in time. */
const CACHE_TTL_MS = 60_000;
/** A change must reach the other replica within this long. */
const PROPAGATION_LIMIT_MS = 5_000;
const POLL_MS = 50;

async function until(condition: () => Promise<boolean> | boolean, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Why Redis cannot be used, or undefined when it answers. */
async function redisProblem(): Promise<string | undefined> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, retryStrategy: () => null });
  let cause = '';
  probe.on('error', (error: Error) => {
    cause = error.message;
  });
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return (
      `Redis is not answering at ${REDIS_URL} (${cause || (error as Error).message}). These tests need it: start it with ` +
      '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no` (.ci/run does), ' +
      'or name another in TEST_REDIS_URL.'
    );
  } finally {
    probe.disconnect();
  }
}

const me = (headers: Record<string, string>): InjectOptions => ({ method: 'GET', url: '/api/v1/auth/me', headers });
const status = async (app: FastifyInstance, options: InjectOptions) => (await app.inject(options)).statusCode;

describe('credential changes across two replicas with Redis', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let dbB: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: SignedIn;
  // Each test fails with this message when Redis is missing: counted as failures, never skipped.
  let missingRedis: string | undefined;
  const requireRedis = () => {
    if (missingRedis) throw new Error(missingRedis);
  };

  beforeAll(async () => {
    missingRedis = await redisProblem();
    if (missingRedis) return;
    t = await createTestDb();
    dbB = createPrisma(t.target, 4);
    const run = randomBytes(6).toString('hex');
    const replica = (db: Db): ServerDeps => ({
      // Rate-limit counters under a prefix of this run's own, so runs sharing the Redis do not count together.
      env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', REDIS_URL, REDIS_PREFIX: `cdss:test:${run}:` },
      db,
      credentials: { channel: `${CREDENTIAL_CHANNEL}:test:${run}`, ttlMs: CACHE_TTL_MS },
    });
    const deps = replica(t.db);
    a = await buildServer(deps);
    b = await buildServer({ ...replica(dbB), credentials: deps.credentials });
    const connected = await until(
      () => a.credentials.propagation() === 'redis' && b.credentials.propagation() === 'redis',
      PROPAGATION_LIMIT_MS,
    );
    if (!connected) missingRedis = `The servers did not subscribe to Redis at ${REDIS_URL} within 5 s.`;
    admin = await createSignedInUser(a, t.db, 'admin', 'Admin');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dbB?.$disconnect();
    await t?.close();
  });

  it('trusts a session it verified without asking again, so refusals below come from the messages', async () => {
    requireRedis();
    const session = await createSignedInUser(a, t.db);
    expect(await status(b, me({ cookie: session.cookie }))).toBe(200);
    await t.db.session.deleteMany({ where: { userId: session.user.id } });
    expect(await status(b, me({ cookie: session.cookie }))).toBe(200);
    expect(await status(a, me({ cookie: session.cookie }))).toBe(401);
  });

  it('refuses on B a session signed out on A', async () => {
    requireRedis();
    const session = await createSignedInUser(a, t.db);
    expect(await status(a, me({ cookie: session.cookie }))).toBe(200);
    expect(await status(b, me({ cookie: session.cookie }))).toBe(200);
    const out = await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(await status(a, me({ cookie: session.cookie }))).toBe(401);
    expect(
      await until(async () => (await status(b, me({ cookie: session.cookie }))) === 401, PROPAGATION_LIMIT_MS),
    ).toBe(true);
  });

  it('refuses on B the sessions of an account disabled on A', async () => {
    requireRedis();
    const session = await createSignedInUser(b, t.db);
    expect(await status(b, { method: 'GET', url: '/api/v1/patients', headers: { cookie: session.cookie } })).toBe(200);
    const disabled = await a.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${session.user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(
      await until(async () => (await status(b, me({ cookie: session.cookie }))) === 401, PROPAGATION_LIMIT_MS),
    ).toBe(true);
  });

  it('refuses on B an API key revoked on A', async () => {
    requireRedis();
    const { headers, owner } = await createTestApiKey(t.db, ['engine:use']);
    // A key is not a session: 403 says it was recognised, 401 that it is unknown or revoked.
    expect(await status(a, me(headers))).toBe(403);
    expect(await status(b, me(headers))).toBe(403);
    const key = await t.db.apiKey.findFirstOrThrow({ where: { ownerId: owner.id } });
    const revoked = await a.inject({
      method: 'POST',
      url: `/api/v1/admin/api-keys/${key.id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(await until(async () => (await status(b, me(headers))) === 401, PROPAGATION_LIMIT_MS)).toBe(true);
  });
});

describe('a server whose Redis does not answer', () => {
  const lines: string[] = [];
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildServer({
      // Port 1 on loopback refuses every connection: Redis as good as down.
      env: { LOG_LEVEL: 'warn', NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:1' },
      db: t.db,
      logStream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const redisWarnings = () => lines.filter((line) => line.includes('Redis is not answering'));

  it('still signs in, serves and signs out, and warns once', async () => {
    expect(await until(() => redisWarnings().length > 0, PROPAGATION_LIMIT_MS)).toBe(true);
    const session = await createSignedInUser(app, t.db);
    expect(await status(app, me({ cookie: session.cookie }))).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(await status(app, me({ cookie: session.cookie }))).toBe(401);
    expect(app.credentials.propagation()).toBe('redis-away');
    expect(redisWarnings()).toHaveLength(1);
    expect(JSON.parse(redisWarnings()[0] ?? '{}')).toMatchObject({ level: 40 });
    // Sign-in is rate-limited: with the counters' Redis away it was served, not refused, and said so once.
    expect(lines.filter((line) => line.includes('Rate limits cannot reach Redis'))).toHaveLength(1);
  });
});

describe('a single server without Redis', () => {
  let s: Awaited<ReturnType<typeof createTestServer>>;
  let admin: SignedIn;

  beforeAll(async () => {
    s = await createTestServer();
    admin = await createSignedInUser(s.app, s.db, 'admin', 'Admin');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('keeps changes in process', () => {
    expect(s.app.credentials.propagation()).toBe('in-process');
  });

  it('refuses a session at once after its sign-out', async () => {
    const session = await createSignedInUser(s.app, s.db);
    expect(await status(s.app, me({ cookie: session.cookie }))).toBe(200);
    await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(await status(s.app, me({ cookie: session.cookie }))).toBe(401);
  });

  it('refuses at once a session whose account was disabled, or whose role changed', async () => {
    const disabled = await createSignedInUser(s.app, s.db);
    const demoted = await createSignedInUser(s.app, s.db);
    for (const session of [disabled, demoted]) expect(await status(s.app, me({ cookie: session.cookie }))).toBe(200);
    const change = (id: string, payload: object) =>
      s.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: admin.headers, payload });
    await change(disabled.user.id, { disabled: true });
    await change(demoted.user.id, { role: 'researcher' });
    for (const session of [disabled, demoted]) expect(await status(s.app, me({ cookie: session.cookie }))).toBe(401);
  });

  it('refuses a revoked API key at once', async () => {
    const { headers, owner } = await createTestApiKey(s.db, ['engine:use']);
    expect(await status(s.app, me(headers))).toBe(403);
    const key = await s.db.apiKey.findFirstOrThrow({ where: { ownerId: owner.id } });
    await s.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${key.id}/revoke`, headers: admin.headers });
    expect(await status(s.app, me(headers))).toBe(401);
  });
});

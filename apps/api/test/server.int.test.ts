import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { parseDatabaseUrl } from '../src/db/databaseUrl.ts';
import { createPrisma } from '../src/db/prisma.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestEngine } from './testEngine.ts';

const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test' } as const;
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildServer({ env, db: t.db });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('health', () => {
  it('answers live', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is not ready until the engine is loaded', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'not ready', checks: { database: 'ok', model: 'failing' } });
  });

  it('answers ready when the database answers and the engine is loaded', async () => {
    const withEngine = await buildServer({ env, db: t.db, engine: await createTestEngine() });
    try {
      const res = await withEngine.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', model: 'ok' } });
    } finally {
      await withEngine.close();
    }
  });

  it('answers 503 naming the failing dependency when the database does not answer', async () => {
    // Port 9 (discard) on loopback has no MySQL server: connections are refused at once.
    const unreachable = createPrisma(parseDatabaseUrl('mysql://root@127.0.0.1:9/nowhere'), 1);
    const broken = await buildServer({ env, db: unreachable, engine: await createTestEngine() });
    try {
      const res = await broken.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not ready', checks: { database: 'failing', model: 'ok' } });
    } finally {
      await broken.close();
      await unreachable.$disconnect();
    }
  });
});

describe('errors', () => {
  it('answers an unknown route with a 404 problem document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route for GET /api/v1/nothing-here',
    });
  });
});

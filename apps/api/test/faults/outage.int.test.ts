// A database outage: the API's connection runs through a TCP proxy the test cuts and restores.
// Database routes answer 503 problem documents promptly; the engine keeps answering API-key holders
// from memory; readiness names the database; everything recovers without a restart.
import { loadKnowledgeDir } from '@unani/knowledge';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../../packages/knowledge/test/knowledgeFixture.ts';
import { buildServer } from '../../src/app.ts';
import { createPrisma, type Db } from '../../src/db/prisma.ts';
import { seedKnowledge } from '../../src/db/seedKnowledge.ts';
import { createSignedInUser, createTestApiKey, type SignedIn } from '../factories.ts';
import { createTestDb } from '../testDatabase.ts';
import { createTestEngine } from '../testEngine.ts';
import { startTcpProxy, type TcpProxy } from './tcpProxy.ts';

/** Every answer during the outage must arrive within this bound: no request hangs. */
const PROMPT_ANSWER_MS = 3_000;
/** Rounds of concurrent requests sent while the database is away. */
const OUTAGE_ROUNDS = 3;
/** How long the recovery may take after the proxy is restored, polled every RECOVERY_POLL_MS. */
const RECOVERY_LIMIT_MS = 10_000;
const RECOVERY_POLL_MS = 100;

let t: Awaited<ReturnType<typeof createTestDb>>;
let proxy: TcpProxy;
let proxied: Db;
let app: FastifyInstance;
let hakim: SignedIn;
let apiKey: Record<string, string>;
let patientId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedKnowledge(t.db, loadKnowledgeDir(minimalKnowledgeDir));
  proxy = await startTcpProxy({ host: t.target.host, port: t.target.port });
  proxied = createPrisma({ ...t.target, host: '127.0.0.1', port: proxy.port }, 4);
  app = await buildServer({
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    db: proxied,
    engine: await createTestEngine(),
  });
  hakim = await createSignedInUser(app, t.db);
  // Created and used once before the outage, as an integrator's key would be.
  apiKey = (await createTestApiKey(t.db, ['engine:use'])).headers;
  const patient = await app.inject({
    method: 'POST',
    url: '/api/v1/patients',
    headers: hakim.headers,
    payload: { name: 'Bilal', age: 41, sex: 'male' },
  });
  patientId = patient.json().id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await proxied?.$disconnect();
  await proxy?.close();
  await t?.close();
});

type Call = { name: string; request: () => InjectOptions; kind: 'database' | 'engine' };

const calls: Call[] = [
  {
    name: 'list patients',
    kind: 'database',
    request: () => ({ method: 'GET', url: '/api/v1/patients', headers: { cookie: hakim.cookie } }),
  },
  {
    name: 'start a visit',
    kind: 'database',
    request: () => ({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/encounters`,
      headers: hakim.headers,
      payload: { complaint: 'headache and nausea since two days' },
    }),
  },
  // (Knowledge pages are cached in memory until the knowledge tables change, so they may keep answering.)
  {
    name: 'read a patient',
    kind: 'database',
    request: () => ({ method: 'GET', url: `/api/v1/patients/${patientId}`, headers: { cookie: hakim.cookie } }),
  },
  {
    name: 'parse',
    kind: 'engine',
    request: () => ({
      method: 'POST',
      url: '/api/v1/parse',
      headers: apiKey,
      payload: { text: 'fever and cough for 3 days' },
    }),
  },
  {
    name: 'diagnose',
    kind: 'engine',
    request: () => ({
      method: 'POST',
      url: '/api/v1/diagnose',
      headers: apiKey,
      payload: {
        text: 'severe headache with nausea and sensitivity to light',
        context: { ageYears: 30, sex: 'female' },
      },
    }),
  },
];

async function timed(options: InjectOptions) {
  const started = performance.now();
  const res = await app.inject(options);
  return { res, ms: performance.now() - started };
}

describe('a database outage', () => {
  it('serves every route normally through the proxy before the outage', async () => {
    for (const call of calls) {
      const { res } = await timed(call.request());
      expect(res.statusCode, `${call.name}: ${res.body}`).toBeLessThan(300);
    }
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
  });

  it('never answers 500 or hangs for requests in flight when the connection is cut', async () => {
    const inFlight = Promise.all(Array.from({ length: 4 }, () => calls.map((c) => timed(c.request()))).flat());
    await proxy.cut();
    for (const { res, ms } of await inFlight) {
      expect([200, 201, 503], res.body).toContain(res.statusCode);
      expect(ms).toBeLessThan(PROMPT_ANSWER_MS);
    }
  });

  it('answers 503 problem documents from database routes promptly, round after round', async () => {
    for (let round = 0; round < OUTAGE_ROUNDS; round++) {
      const answers = await Promise.all(calls.filter((c) => c.kind === 'database').map((c) => timed(c.request())));
      for (const { res, ms } of answers) {
        expect(res.statusCode, res.body).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json()).toEqual({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'The database is not answering; please try again shortly.',
        });
        expect(ms).toBeLessThan(PROMPT_ANSWER_MS);
      }
    }
  });

  it('keeps parse and diagnose answering from memory for an API key verified before the outage', async () => {
    for (let round = 0; round < OUTAGE_ROUNDS; round++) {
      const answers = await Promise.all(calls.filter((c) => c.kind === 'engine').map((c) => timed(c.request())));
      for (const { res, ms } of answers) {
        expect(res.statusCode, res.body).toBe(200);
        expect(ms).toBeLessThan(PROMPT_ANSWER_MS);
      }
    }
    const diagnosis = await app.inject(calls[4]?.request() ?? {});
    expect(diagnosis.json().differential.length).toBeGreaterThan(0);
  });

  it('answers 503 to a key it has never verified, since the database cannot vouch for it', async () => {
    const { res, ms } = await timed({
      method: 'POST',
      url: '/api/v1/parse',
      headers: { authorization: 'Bearer ucdss_unknown_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG' },
      payload: { text: 'fever' },
    });
    expect(res.statusCode).toBe(503);
    expect(ms).toBeLessThan(PROMPT_ANSWER_MS);
  });

  it('reports not ready naming the database, while staying live', async () => {
    const { res: ready, ms } = await timed({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not ready', checks: { database: 'failing', model: 'ok' } });
    expect(ms).toBeLessThan(PROMPT_ANSWER_MS);
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
  });

  it('recovers without a restart once the database is back', async () => {
    await proxy.restore();
    const deadline = Date.now() + RECOVERY_LIMIT_MS;
    let ready = await app.inject({ method: 'GET', url: '/health/ready' });
    while (ready.statusCode !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, RECOVERY_POLL_MS));
      ready = await app.inject({ method: 'GET', url: '/health/ready' });
    }
    expect(ready.statusCode).toBe(200);
    for (const call of calls) {
      const { res } = await timed(call.request());
      expect(res.statusCode, `${call.name}: ${res.body}`).toBeLessThan(300);
    }
    const visits = await app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patientId}/encounters`,
      headers: { cookie: hakim.cookie },
    });
    expect(visits.statusCode).toBe(200);
  });
});

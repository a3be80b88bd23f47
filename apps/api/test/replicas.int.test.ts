// Three `cdss serve` processes on one database and one Redis behind a real HAProxy: a session works whichever
// replica answers, a sign-out or a revoked key reaches all of them, rate limits count for all together, and a
// retrain queued through one replica is seen running and then activated on all of them, and a replica killed
// mid-burst loses no acknowledged write while the proxy routes around it.
// Fails (never skips) without HAProxy or Redis: `.ci/run` installs and starts both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { totpCode } from '../src/auth/totp.ts';
import { DEVELOPMENT_TOTP_KEY } from '../src/auth/totpSecrets.ts';
import { seedKnowledge } from '../src/db/seedKnowledge.ts';
import { trainToFile } from '../src/modelRuntime/modelStore.ts';
import { registerModelVersion } from '../src/services/modelVersionService.ts';
import { createTestApiKey, createTestUser, enableTestTotp, TEST_PASSWORD } from './factories.ts';
import { type Cluster, haproxyProblem, startCluster } from './replicaCluster.ts';
import { createTestDb } from './testDatabase.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A change must reach every replica within this long (the brief of decision 0011). */
const PROPAGATION_LIMIT_MS = 5_000;
/**
 * A replica's cached credential lives 5 s (CREDENTIAL_TTL_MS), and the caches are warmed just before each change:
 * a refusal everywhere in under half that came through Redis, not from an entry expiring.
 */
const THROUGH_REDIS_MS = 2_500;
/** The share-link route's limit per client and minute (routes/sharedNotes). */
const SHARED_NOTE_LIMIT = 30;

let t: Awaited<ReturnType<typeof createTestDb>>;
let cluster: Cluster | undefined;
const dir = mkdtempSync(join(tmpdir(), 'cdss-replicas-'));
const prefix = `cdss-test-${randomBytes(6).toString('hex')}:`;

async function redisProblem(): Promise<string | undefined> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return `Redis is not answering at ${REDIS_URL} (${(error as Error).message}); .ci/run starts it, or name another in TEST_REDIS_URL.`;
  } finally {
    probe.disconnect();
  }
}

interface Session {
  cookie: string;
  headers: Record<string, string>;
}

/** Signs in through the proxy (a real HTTP round trip, any replica). */
async function signIn(email: string, code?: string): Promise<Session> {
  const res = await fetch(`${proxy()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD, ...(code ? { code } : {}) }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('cdss_session='));
  if (!session) throw new Error('no session cookie');
  const cookie = session.split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

function proxy(): string {
  if (!cluster) throw new Error('the cluster did not start');
  return cluster.proxyUrl;
}

async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, replica: res.headers.get('x-replica') ?? '', json: () => JSON.parse(text) };
}

/** Milliseconds until every replica, asked directly, answers `status` for the probe; fails after the limit. */
async function untilAll(path: string, headers: Record<string, string>, status: number): Promise<number> {
  const started = Date.now();
  const replicas = cluster?.replicas ?? [];
  for (;;) {
    const answers = await Promise.all(replicas.map((r) => call(r.url, 'GET', path, headers)));
    if (answers.every((a) => a.status === status)) return Date.now() - started;
    if (Date.now() - started > PROPAGATION_LIMIT_MS)
      throw new Error(`not every replica answered ${status}: ${answers.map((a) => a.status).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Why the cluster could not start: each test then fails with it (counted as failures, never skipped). */
let problem: string | undefined;
function requireCluster() {
  if (problem) throw new Error(problem);
}

beforeAll(async () => {
  problem = haproxyProblem() ?? (await redisProblem());
  if (problem) return;
  try {
    await startAll();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
}, 90_000);

async function startAll() {
  t = await createTestDb();
  const kb = loadKnowledgeDir(minimalKnowledgeDir);
  await seedKnowledge(t.db, kb);
  // A small model, active before the replicas start: each loads it rather than queueing training.
  const knowledge = toEngineKnowledge(kb);
  const trained = await trainToFile(knowledge, dir, { seed: 7, casesPerDisease: 60, epochs: 5, backend: 'cpu' });
  await registerModelVersion(t.db, trained.model, trained.file);
  // An account exists, so no replica makes up a first administrator.
  await createTestUser(t.db, 'practitioner');
  cluster = await startCluster({
    count: 3,
    dir,
    readyTimeoutMs: 60_000,
    env: {
      DATABASE_URL: t.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KNOWLEDGE_DIR: minimalKnowledgeDir,
      MODEL_DIR: dir,
      ENGINE_BACKEND: 'cpu',
      DB_CONNECTION_LIMIT: '4',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      TOTP_ENCRYPTION_KEY: DEVELOPMENT_TOTP_KEY,
    },
  });
}

afterAll(async () => {
  await cluster?.stop();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('three replicas behind HAProxy', () => {
  it('keeps a session working whichever replica answers', async () => {
    requireCluster();
    const user = await createTestUser(t.db, 'practitioner');
    const session = await signIn(user.email);
    const answered: string[] = [];
    let readElsewhere = 0;
    for (let i = 0; i < 6; i++) {
      const created = await call(proxy(), 'POST', '/api/v1/patients', session.headers, {
        name: `Spread ${i}`,
        age: 40,
        sex: 'male',
      });
      expect(created.status).toBe(201);
      const read = await call(proxy(), 'GET', `/api/v1/patients/${created.json().id}`, { cookie: session.cookie });
      expect(read.status).toBe(200);
      expect(read.json().name).toBe(`Spread ${i}`);
      answered.push(created.replica, read.replica);
      if (read.replica !== created.replica) readElsewhere++;
    }
    console.info(`requests answered by: ${answered.join(' ')}`);
    expect(new Set(answered)).toEqual(new Set(cluster?.replicas.map((r) => r.name)));
    expect(readElsewhere).toBeGreaterThan(0);
  });

  it('honours a sign-out through one replica on all of them', async () => {
    requireCluster();
    const user = await createTestUser(t.db, 'practitioner');
    const session = await signIn(user.email);
    expect(await untilAll('/api/v1/auth/me', { cookie: session.cookie }, 200)).toBeLessThan(THROUGH_REDIS_MS);
    const out = await call(proxy(), 'POST', '/api/v1/auth/logout', session.headers);
    expect(out.status).toBe(204);
    const ms = await untilAll('/api/v1/auth/me', { cookie: session.cookie }, 401);
    console.info(`sign-out through ${out.replica} honoured by every replica after ${ms} ms`);
    expect(ms).toBeLessThan(THROUGH_REDIS_MS);
    for (let i = 0; i < 3; i++)
      expect((await call(proxy(), 'GET', '/api/v1/auth/me', { cookie: session.cookie })).status).toBe(401);
  });

  it('refuses a revoked API key on every replica', async () => {
    requireCluster();
    const admin = await createTestUser(t.db, 'admin');
    const secret = await enableTestTotp(t.db, admin.id);
    const adminSession = await signIn(admin.email, totpCode(secret));
    const { headers, owner } = await createTestApiKey(t.db, ['engine:use']);
    // A key is not a session: 403 says it was recognised (and is now cached), 401 that it is unknown or revoked.
    await untilAll('/api/v1/auth/me', headers, 403);
    const key = await t.db.apiKey.findFirstOrThrow({ where: { ownerId: owner.id } });
    const revoked = await call(proxy(), 'POST', `/api/v1/admin/api-keys/${key.id}/revoke`, adminSession.headers);
    expect(revoked.status).toBe(200);
    const ms = await untilAll('/api/v1/auth/me', headers, 401);
    console.info(`revocation through ${revoked.replica} refused by every replica after ${ms} ms`);
    expect(ms).toBeLessThan(THROUGH_REDIS_MS);
  });

  it('counts a rate limit for all replicas together', async () => {
    requireCluster();
    const statuses: number[] = [];
    const limitedBy = new Set<string>();
    const servedBy = new Set<string>();
    for (let i = 0; i < SHARED_NOTE_LIMIT + 9; i++) {
      const res = await call(proxy(), 'GET', `/api/v1/shared-notes/${randomBytes(24).toString('base64url')}`, {});
      statuses.push(res.status);
      (res.status === 429 ? limitedBy : servedBy).add(res.replica);
    }
    // Each replica alone would have allowed its own 30: together they allowed 30 in all.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(SHARED_NOTE_LIMIT);
    expect(statuses.slice(SHARED_NOTE_LIMIT).every((s) => s === 429)).toBe(true);
    expect(servedBy.size).toBe(3);
    expect(limitedBy.size).toBe(3);
  });

  it('shows a retrain queued through one replica in progress on all, and each activates it within 10 s', async () => {
    requireCluster();
    const admin = await createTestUser(t.db, 'admin');
    const adminSession = await signIn(admin.email, totpCode(await enableTestTotp(t.db, admin.id)));
    const { headers: keyHeaders } = await createTestApiKey(t.db, ['engine:use'], 'practitioner');
    const replicas = cluster?.replicas ?? [];
    const modelOf = async (url: string) => {
      const res = await call(url, 'GET', '/api/v1/admin/model', { cookie: adminSession.cookie });
      expect(res.status).toBe(200);
      return res.json() as { current: { version: string }; training: { jobStatus: string } };
    };
    const before = (await modelOf(proxy())).current.version;

    const queued = await call(proxy(), 'POST', '/api/v1/admin/model/retrain', adminSession.headers);
    expect(queued.status).toBe(202);
    cluster?.startWorker();
    // Every replica, asked directly, shows the job running (progress from the worker through the database).
    const sawRunning = new Set<string>();
    const deadline = Date.now() + 60_000;
    let infos: Awaited<ReturnType<typeof modelOf>>[] = [];
    for (;;) {
      infos = await Promise.all(replicas.map((r) => modelOf(r.url)));
      infos.forEach((info, i) => {
        if (info.training.jobStatus === 'running') sawRunning.add(replicas[i]?.name ?? '');
      });
      if (infos.every((info) => ['done', 'failed', 'rejected'].includes(info.training.jobStatus))) break;
      if (Date.now() > deadline) throw new Error('the retrain did not finish within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const done = Date.now();
    expect(infos.map((info) => info.training.jobStatus)).toEqual(['done', 'done', 'done']);
    expect(sawRunning.size).toBe(3);
    const version = infos[0]?.current.version;
    expect(version).not.toBe(before);
    // Each replica's engine, not only the database, moves to the new version: its diagnoses name it.
    const engineVersions = async () =>
      Promise.all(
        replicas.map(async (r) => {
          const res = await call(r.url, 'POST', '/api/v1/diagnose', keyHeaders, { text: 'sneezing and fever' });
          return res.status === 200 ? (res.json().modelVersion as string) : `status ${res.status}`;
        }),
      );
    let seen = await engineVersions();
    while (seen.some((v) => v !== version) && Date.now() - done < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      seen = await engineVersions();
    }
    console.info(`retrain ${before} → ${version}: every replica diagnoses with it ${Date.now() - done} ms after`);
    expect(seen).toEqual([version, version, version]);
  }, 80_000);

  it('loses no acknowledged write when a replica dies mid-burst, and routes around it', async () => {
    requireCluster();
    const user = await createTestUser(t.db, 'practitioner');
    const session = await signIn(user.email);
    const victim = cluster?.replicas[1];
    if (!victim) throw new Error('no replica to stop');
    const burst = `Burst ${randomBytes(4).toString('hex')}`;
    const acknowledged: string[] = [];
    const failures: number[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < 60) {
        const n = sent++;
        if (n === 20) cluster?.kill(victim);
        const res = await call(proxy(), 'POST', '/api/v1/patients', session.headers, {
          name: `${burst} ${n}`,
          age: 30,
          sex: 'female',
        }).catch(() => ({ status: 0, replica: '', json: () => ({}) }));
        if (res.status === 201) acknowledged.push(res.json().id as string);
        else failures.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    console.info(`burst: ${acknowledged.length} acknowledged, failures ${JSON.stringify(failures)}`);
    expect(victim.process.signalCode).toBe('SIGKILL');
    // Every 201 is in the database.
    const stored = await t.db.patient.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(stored).toHaveLength(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(40);

    // Later requests all succeed, answered by the replicas still running.
    const later: string[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await call(proxy(), 'GET', '/api/v1/auth/me', { cookie: session.cookie });
      expect(res.status).toBe(200);
      later.push(res.replica);
    }
    expect(later).not.toContain(victim.name);
    expect(new Set(later).size).toBe(2);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConfirmedCase, generatedEvaluationCases } from '@unani/engine';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { buildServer } from '../src/app.ts';
import { createPrisma } from '../src/db/prisma.ts';
import { seedKnowledge } from '../src/db/seedKnowledge.ts';
import { loadEngine } from '../src/modelRuntime/loadEngine.ts';
import { confirmedCases } from '../src/services/modelVersionService.ts';
import {
  claimNextJob,
  EXPIRED_LEASE_ERROR,
  enqueueTraining,
  failExpiredJobs,
} from '../src/services/trainingJobService.ts';
import { runJob } from '../src/worker/runJob.ts';
import { createDiagnosedVisit, createSignedInUser, type SignedIn } from './factories.ts';
import { cdssArgs } from './productionBundle.ts';
import { createTestDb } from './testDatabase.ts';

type App = Awaited<ReturnType<typeof buildServer>>;
let t: Awaited<ReturnType<typeof createTestDb>>;
let replicaA: App;
let replicaB: App;
let admin: SignedIn;
let worker: ChildProcess | undefined;
const modelDir = mkdtempSync(join(tmpdir(), 'cdss-models-'));
const knowledge = toEngineKnowledge(loadKnowledgeDir(minimalKnowledgeDir));
const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test' } as const;
const jobDeps = () => ({ db: t.db, knowledge, modelDir, backend: 'cpu' as const, log: () => {} });

async function modelInfo(app: App) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/admin/model', headers: { cookie: admin.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100) {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await seedKnowledge(t.db, loadKnowledgeDir(minimalKnowledgeDir));
  // Two replicas of the API on one database, neither with a model: the worker must make the first one.
  replicaA = await buildServer({ env, db: t.db, followModel: { knowledge } });
  replicaB = await buildServer({ env, db: t.db, followModel: { knowledge } });
  await replicaA.ready();
  await replicaB.ready();
  admin = await createSignedInUser(replicaA, t.db, 'admin');
}, 120_000);
afterAll(async () => {
  worker?.kill('SIGTERM');
  await replicaA?.close();
  await replicaB?.close();
  await t?.close();
});

describe('training as a job', () => {
  it('queues the first model, shows the worker’s progress on another replica, and every replica loads it', async () => {
    expect(await loadEngine(t.db, knowledge, { modelDir, log: () => {} })).toBeUndefined();
    expect((await replicaA.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);

    const started = await replicaA.inject({
      method: 'POST',
      url: '/api/v1/admin/model/retrain',
      headers: admin.headers,
    });
    expect(started.statusCode).toBe(202);
    expect(started.json().training).toMatchObject({ status: 'training', jobStatus: 'queued' });

    worker = spawn(process.execPath, cdssArgs('worker'), {
      cwd: join(import.meta.dirname, '..'),
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        KNOWLEDGE_DIR: minimalKnowledgeDir,
        MODEL_DIR: modelDir,
        ENGINE_BACKEND: 'cpu',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const seen: string[] = [];
    const { value: done } = await until(
      'the job to finish',
      async () => {
        const info = await modelInfo(replicaB);
        const tr = info.training;
        if (tr.jobStatus === 'running' && tr.stage) seen.push(`${tr.stage} ${tr.done}/${tr.total}`);
        return ['done', 'failed', 'rejected'].includes(tr.jobStatus) ? info : undefined;
      },
      90_000,
      50,
    );
    expect(done.training).toMatchObject({ status: 'done', jobStatus: 'done', confirmedCases: 0 });
    // Training yields the CPU: the worker runs below normal priority, so a retrain slows the servers' answers less.
    expect(getPriority(worker.pid)).toBe(10);
    // Progress came from the worker through the database: at least one stage seen with its counts mid-run.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((s) => /^(sampling|tree|network|calibration|evaluation|gate) \d+\/\d+$/.test(s))).toBe(true);
    expect(done.training.evaluation).toMatchObject({ accepted: true, current: null });
    expect(done.current.version).toBe(done.training.version);
    // The other replica answers the same.
    expect((await modelInfo(replicaA)).training).toEqual(done.training);

    const file = (await t.db.modelVersion.findFirstOrThrow({ where: { current: true } })).artifactPath;
    expect(file).toBe(join(modelDir, `model-${done.current.version}.json`));
    expect(readdirSync(modelDir).filter((f) => f.startsWith('candidate-'))).toEqual([]);

    for (const replica of [replicaA, replicaB]) {
      const { ms } = await until(
        'the replica to load the model',
        async () => {
          return replica.engine?.modelVersion === done.current.version ? true : undefined;
        },
        10_000,
      );
      expect(ms).toBeLessThan(10_000);
    }
    expect((await replicaA.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  }, 120_000);

  it('stops the worker process on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => worker?.once('exit', (code) => resolve(code)));
    worker?.kill('SIGTERM');
    expect(await exited).toBe(0);
    worker = undefined;
  });

  it('lets exactly one of two workers claim a job', async () => {
    const second = createPrisma(t.target, 2);
    try {
      for (let round = 0; round < 5; round++) {
        await enqueueTraining(t.db, null);
        const claims = await Promise.all([claimNextJob(t.db), claimNextJob(second)]);
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
        const claim = claims.find((c) => c !== null);
        await t.db.trainingJob.update({ where: { id: claim?.job.id }, data: { status: 'failed' } });
      }
    } finally {
      await second.$disconnect();
    }
  });

  it('marks a job failed when its worker’s lease expires', async () => {
    await enqueueTraining(t.db, null);
    const claim = await claimNextJob(t.db, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await failExpiredJobs(t.db)).toBe(1);
    const row = await t.db.trainingJob.findUniqueOrThrow({ where: { id: claim?.job.id } });
    expect(row).toMatchObject({ status: 'failed', error: EXPIRED_LEASE_ERROR });
  });

  it('rejects a candidate trained on corrupted labels and keeps the current model', async () => {
    const before = await t.db.modelVersion.findFirstOrThrow({ where: { current: true } });
    const codes = knowledge.diseases.map((d) => d.code);
    // Honest bad data: knowledge-like cases, each labelled with the wrong disease.
    const corrupted: ConfirmedCase[] = generatedEvaluationCases(knowledge, 40, 99).map((c) => ({
      disease: codes[(codes.indexOf(c.disease) + 1) % codes.length] as string,
      findings: c.findings,
    }));
    await enqueueTraining(t.db, admin.user.id);
    const claim = await claimNextJob(t.db);
    if (!claim) throw new Error('no job claimed');
    const outcome = await runJob({ ...jobDeps(), cases: async () => corrupted }, claim);
    expect(outcome.status).toBe('rejected');
    const info = await modelInfo(replicaB);
    expect(info.training).toMatchObject({ status: 'rejected', jobStatus: 'rejected' });
    const { candidate, current } = info.training.evaluation;
    expect(current.version).toBe(before.version);
    expect(candidate.top1).toBeLessThan(current.top1 - info.training.evaluation.tolerance);
    expect(info.training.error).toContain('scored below the current one');
    expect(info.current.version).toBe(before.version);
    expect(existsSync(join(modelDir, `candidate-${claim.job.id}.json`))).toBe(false);
    expect(existsSync(join(modelDir, `model-${candidate.version}.json`))).toBe(false);
  }, 60_000);

  it('accepts a candidate trained on confirmed diagnoses, and each replica swaps to it within 10 s', async () => {
    const hakim = await createSignedInUser(replicaA, t.db);
    await createDiagnosedVisit(replicaA, hakim, 'sneezing and fever', {
      diseaseCode: 'zukam',
      patient: { name: 'P', age: 40, sex: 'male' },
    });
    // A deleted patient's confirmed diagnosis is not trained on.
    const deleted = await createDiagnosedVisit(replicaA, hakim, 'sneezing and headache', {
      diseaseCode: 'zukam',
      patient: { name: 'Q', age: 35, sex: 'female' },
    });
    const gone = await replicaA.inject({
      method: 'DELETE',
      url: `/api/v1/patients/${deleted.patientId}`,
      headers: hakim.headers,
    });
    expect(gone.statusCode).toBe(204);

    const before = replicaA.engine?.modelVersion;
    await enqueueTraining(t.db, admin.user.id);
    const claim = await claimNextJob(t.db);
    if (!claim) throw new Error('no job claimed');
    const outcome = await runJob(jobDeps(), claim);
    expect(outcome.status).toBe('done');
    const info = await modelInfo(replicaB);
    expect(info.training).toMatchObject({ status: 'done', confirmedCases: 1 });
    const { candidate, current } = info.training.evaluation;
    expect(current.version).toBe(before);
    expect(candidate.top1).toBeGreaterThanOrEqual(current.top1 - info.training.evaluation.tolerance);
    expect(info.current.version).toBe(candidate.version);
    expect(candidate.version).not.toBe(before);
    for (const replica of [replicaA, replicaB]) {
      const { ms } = await until(
        'the swap',
        async () => {
          return replica.engine?.modelVersion === candidate.version ? true : undefined;
        },
        10_000,
      );
      expect(ms).toBeLessThan(10_000);
    }
    expect(await t.db.modelVersion.count({ where: { current: true } })).toBe(1);
  }, 60_000);

  it('caps the confirmed diagnoses each practitioner contributes', async () => {
    const busy = await createSignedInUser(replicaA, t.db);
    for (let i = 0; i < 3; i++) {
      await createDiagnosedVisit(replicaA, busy, 'sneezing and fever', {
        diseaseCode: 'zukam',
        patient: { name: `R${i}`, age: 30 + i, sex: 'male' },
      });
    }
    // One case from the earlier practitioner, three from this one: a cap of two keeps 1 + 2.
    expect(await confirmedCases(t.db)).toHaveLength(4);
    expect(await confirmedCases(t.db, 2)).toHaveLength(3);
    expect(await confirmedCases(t.db, 1)).toHaveLength(2);
  }, 60_000);

  it('lets only admins retrain', async () => {
    const practitioner = await createSignedInUser(replicaA, t.db);
    const res = await replicaA.inject({
      method: 'POST',
      url: '/api/v1/admin/model/retrain',
      headers: practitioner.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});

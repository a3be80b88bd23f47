// A crash during writes: the real server is killed (SIGKILL) in the middle of a burst of visit saves,
// then restarted on the same database. Every write it acknowledged is there and complete; nothing
// it was in the middle of is left half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../src/db/prisma.ts';
import { createUser } from '../../src/services/userService.ts';
import { createTestDatabase, type TestDatabase } from '../testDatabase.ts';
import { type ChildServer, send, signInOverHttp, startChildServer, temporaryModelDir } from './childServer.ts';

const PASSWORD = 'a long practitioner password';
/** Concurrent practitioners' screens, each saving visits one after another. */
const CONCURRENT_CHAINS = 12;
const VISITS_PER_CHAIN = 4;
/** Steps per visit: patient, visit with findings, analysis, diagnosis, plan. */
const STEPS_PER_VISIT = 5;
/** The server is killed once this share of all steps was acknowledged: well inside the burst. */
const KILL_AT_SHARE = 0.4;

const FINDINGS = [
  { symptom: 'sneezing', present: true, severity: 'moderate', durationDays: 3 },
  { symptom: 'runny-nose', present: true },
  { symptom: 'fever', present: false },
  { symptom: 'headache', present: true, uncertain: true },
];
const PLAN = {
  items: [
    { kind: 'dawa', formulationCode: 'itrifal-ustukhuddus', dose: '5 g at night', duration: '2 weeks' },
    { kind: 'ghiza', text: 'cold and sour foods', avoid: true },
    { kind: 'tadbeer', text: 'steam inhalation twice daily' },
  ],
  advice: 'Rest and warm fluids.',
};

interface Acknowledged {
  patientId?: string;
  encounterId?: string;
  analysed: boolean;
  diagnosed: boolean;
  planned: boolean;
}

let database: TestDatabase;
let model: ReturnType<typeof temporaryModelDir>;
let db: Db;
const servers: ChildServer[] = [];
let session: Record<string, string>;
const acknowledged: Acknowledged[] = [];
let refusedWhileUp = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  model = temporaryModelDir();
  servers.push(await startChildServer({ databaseUrl: database.url, modelDir: model.dir }));
  db = createPrisma(database.target, 2);
  const user = await createUser(db, {
    email: 'crash@example.org',
    name: 'Hakim Crash',
    role: 'practitioner',
    password: PASSWORD,
  });
  session = await signInOverHttp(servers[0]?.origin ?? '', user.email, PASSWORD);
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.kill();
  await db?.$disconnect();
  await database?.drop();
  model?.remove();
});

/** One screen saving visits; stops at the first failed request (the server is gone). */
async function chain(origin: string, onAck: () => void) {
  const ok = (status: number, expected: number) => {
    if (status !== expected) {
      refusedWhileUp++;
      throw new Error(`answered ${status}`);
    }
    onAck();
  };
  for (let v = 0; v < VISITS_PER_CHAIN; v++) {
    const ack: Acknowledged = { analysed: false, diagnosed: false, planned: false };
    acknowledged.push(ack);
    const patient = await send(origin, 'POST', '/api/v1/patients', {
      headers: session,
      body: { name: `Crash ${acknowledged.length}`, age: 30 + v, sex: 'female' },
    });
    ok(patient.status, 201);
    ack.patientId = (patient.json() as { id: string }).id;
    const visit = await send(origin, 'POST', `/api/v1/patients/${ack.patientId}/encounters`, {
      headers: session,
      body: { complaint: 'sneezing and runny nose, no fever', findings: FINDINGS },
    });
    ok(visit.status, 201);
    ack.encounterId = (visit.json() as { id: string }).id;
    const analysis = await send(origin, 'POST', `/api/v1/encounters/${ack.encounterId}/analyse`, { headers: session });
    ok(analysis.status, 200);
    ack.analysed = true;
    const diagnosis = await send(origin, 'POST', `/api/v1/encounters/${ack.encounterId}/diagnosis`, {
      headers: session,
      body: { diseaseCode: 'zukam' },
    });
    ok(diagnosis.status, 201);
    ack.diagnosed = true;
    const plan = await send(origin, 'POST', `/api/v1/encounters/${ack.encounterId}/plan`, {
      headers: session,
      body: PLAN,
    });
    ok(plan.status, 201);
    ack.planned = true;
  }
}

describe('a crash in the middle of visit saves', () => {
  it('is killed with SIGKILL while requests are in flight', async () => {
    const first = servers[0] as ChildServer;
    const total = CONCURRENT_CHAINS * VISITS_PER_CHAIN * STEPS_PER_VISIT;
    let acks = 0;
    const onAck = () => {
      acks++;
      if (acks === Math.round(total * KILL_AT_SHARE)) first.process.kill('SIGKILL');
    };
    const outcomes = await Promise.allSettled(
      Array.from({ length: CONCURRENT_CHAINS }, () => chain(first.origin, onAck)),
    );
    expect(await first.exited).toBe('SIGKILL');
    expect(refusedWhileUp, first.stderr()).toBe(0);
    // Killed mid-burst: some chains were cut short, and some steps had been acknowledged.
    expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);
    expect(acks).toBeGreaterThanOrEqual(Math.round(total * KILL_AT_SHARE));
    expect(acks).toBeLessThan(total);
  });

  it('restarts on the same database', async () => {
    servers.push(await startChildServer({ databaseUrl: database.url, modelDir: model.dir }));
  }, 120_000);

  it('keeps every acknowledged visit with all its findings, analyses, diagnosis and plan', async () => {
    for (const ack of acknowledged) {
      if (ack.patientId) expect(await db.patient.count({ where: { id: ack.patientId } })).toBe(1);
      if (!ack.encounterId) continue;
      const encounter = await db.encounter.findUniqueOrThrow({
        where: { id: ack.encounterId },
        select: {
          findings: { orderBy: { id: 'asc' }, select: { present: true, symptom: { select: { code: true } } } },
          suggestions: { select: { id: true } },
          diagnosis: { select: { disease: { select: { code: true } } } },
          plan: { select: { advice: true, items: { orderBy: { position: 'asc' }, select: { kind: true } } } },
        },
      });
      expect(encounter.findings.map((f) => [f.symptom.code, f.present])).toEqual(
        FINDINGS.map((f) => [f.symptom, f.present]),
      );
      if (ack.analysed) expect(encounter.suggestions.length).toBeGreaterThanOrEqual(1);
      if (ack.diagnosed) expect(encounter.diagnosis?.disease.code).toBe('zukam');
      if (ack.planned) {
        expect(encounter.plan?.items.map((i) => i.kind)).toEqual(PLAN.items.map((i) => i.kind));
        expect(encounter.plan?.advice).toBe(PLAN.advice);
      }
    }
  });

  it('leaves nothing half-written: every visit, status, diagnosis and plan in the database is whole', async () => {
    const encounters = await db.encounter.findMany({
      select: {
        status: true,
        _count: { select: { findings: true, suggestions: true } },
        diagnosis: { select: { id: true } },
        plan: { select: { _count: { select: { items: true } } } },
      },
    });
    expect(encounters.length).toBeGreaterThan(0);
    for (const e of encounters) {
      expect(e._count.findings).toBe(FINDINGS.length);
      if (e.status !== 'open') expect(e._count.suggestions).toBeGreaterThanOrEqual(1);
      if (e.status === 'diagnosed' || e.status === 'planned') expect(e.diagnosis).not.toBeNull();
      if (e.status === 'planned') expect(e.plan?._count.items).toBe(PLAN.items.length);
      if (e.plan) expect(e.status).toBe('planned');
    }
    const plans = await db.treatmentPlan.findMany({ select: { _count: { select: { items: true } } } });
    for (const p of plans) expect(p._count.items).toBe(PLAN.items.length);
  });

  it('serves the same session and the saved visits after the restart, and takes new writes', async () => {
    const restarted = servers[1] as ChildServer;
    const done = acknowledged.find((a) => a.planned);
    expect(done?.encounterId).toBeDefined();
    const visit = await send(restarted.origin, 'GET', `/api/v1/encounters/${done?.encounterId}`, { headers: session });
    expect(visit.status).toBe(200);
    expect((visit.json() as { findings: unknown[] }).findings).toHaveLength(FINDINGS.length);
    const plan = await send(restarted.origin, 'GET', `/api/v1/encounters/${done?.encounterId}/plan`, {
      headers: session,
    });
    expect(plan.status).toBe(200);
    const before = acknowledged.length;
    await chain(restarted.origin, () => undefined);
    expect(acknowledged.slice(before).every((a) => a.planned)).toBe(true);
  });
});

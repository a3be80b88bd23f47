import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { buildServer } from '../src/app.ts';
import { seedKnowledge } from '../src/db/seedKnowledge.ts';
import { loadEngine } from '../src/modelRuntime/loadEngine.ts';
import { createRetrainer } from '../src/modelRuntime/retraining.ts';
import { createDiagnosedVisit, createSignedInUser, type SignedIn } from './factories.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: Awaited<ReturnType<typeof buildServer>>;
let admin: SignedIn;
const modelDir = mkdtempSync(join(tmpdir(), 'cdss-models-'));

beforeAll(async () => {
  t = await createTestDb();
  const kb = loadKnowledgeDir(minimalKnowledgeDir);
  await seedKnowledge(t.db, kb);
  const knowledge = toEngineKnowledge(kb);
  const engine = await loadEngine(t.db, knowledge, { modelDir, backend: 'cpu', log: () => {} });
  const retrainer = createRetrainer({
    db: t.db,
    knowledge,
    modelDir,
    backend: 'cpu',
    onTrained: (next) => {
      app.engine = next;
    },
  });
  app = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db: t.db, engine, retrainer });
  admin = await createSignedInUser(app, t.db, 'admin');
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('the model', () => {
  it('trains at start when none matches the knowledge, and records it as the current ModelVersion', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/model', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(info.current.version).toBe(app.engine?.modelVersion);
    expect(info.current.metrics.top1).toBeGreaterThan(0.5);
    expect(info.training.status).toBe('idle');
    const rows = await t.db.modelVersion.findMany();
    expect(rows.map((r) => [r.version, r.current])).toEqual([[app.engine?.modelVersion, true]]);
    expect(rows[0]?.artifactPath).toContain(modelDir);
  });

  it('is loaded from its file on the next start instead of being trained again', async () => {
    const knowledge = toEngineKnowledge(loadKnowledgeDir(minimalKnowledgeDir));
    const logs: string[] = [];
    const again = await loadEngine(t.db, knowledge, { modelDir, backend: 'cpu', log: (l) => logs.push(l) });
    expect(again.modelVersion).toBe(app.engine?.modelVersion);
    expect(logs).toEqual([]);
  });

  it('retrains with confirmed diagnoses, reports progress, and swaps the engine when done', async () => {
    const hakim = await createSignedInUser(app, t.db);
    await createDiagnosedVisit(app, hakim, 'sneezing and fever', {
      diseaseCode: 'zukam',
      patient: { name: 'P', age: 40, sex: 'male' },
    });
    // A deleted patient's confirmed diagnosis is not trained on.
    const deleted = await createDiagnosedVisit(app, hakim, 'sneezing and headache', {
      diseaseCode: 'zukam',
      patient: { name: 'Q', age: 35, sex: 'female' },
    });
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/v1/patients/${deleted.patientId}`,
      headers: hakim.headers,
    });
    expect(gone.statusCode).toBe(204);

    const before = app.engine?.modelVersion;
    const started = await app.inject({ method: 'POST', url: '/api/v1/admin/model/retrain', headers: admin.headers });
    expect(started.statusCode).toBe(202);
    expect(started.json().training.status).toBe('training');
    let info = started.json();
    for (let i = 0; i < 120 && info.training.status === 'training'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      info = (
        await app.inject({ method: 'GET', url: '/api/v1/admin/model', headers: { cookie: admin.cookie } })
      ).json();
    }
    expect(info.training).toMatchObject({ status: 'done', confirmedCases: 1 });
    expect(app.engine?.modelVersion).toBe(info.training.version);
    expect(app.engine?.modelVersion).not.toBe(before);
    expect(info.current.version).toBe(info.training.version);
    const current = await t.db.modelVersion.findMany({ where: { current: true } });
    expect(current).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const practitioner = await createSignedInUser(app, t.db);
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/model/retrain', headers: practitioner.headers });
    expect(res.statusCode).toBe(403);
  });
});

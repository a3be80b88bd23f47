import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBand } from '../src/services/researchService.ts';
import { createSignedInUser, createTestApiKey, createVisit, type SignedIn } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let researcher: SignedIn;

async function confirmedCase(as: SignedIn, complaint: string, diseaseCode: string, age: number) {
  const { visitId } = await createVisit(s.app, as, complaint, { name: 'Sakina Bibi', age, phone: '0300 7654321' });
  // Analysed before the diagnosis, so the engine's suggestion counts in the agreement figures.
  await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${visitId}/analyse`, headers: as.headers });
  await s.app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${visitId}/diagnosis`,
    headers: as.headers,
    payload: { diseaseCode },
  });
}

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  const hakim = await createSignedInUser(s.app, s.db);
  for (let i = 0; i < 6; i++)
    await confirmedCase(hakim, 'headache with nausea and sensitivity to light', 'shaqeeqa', 30 + i);
  await confirmedCase(hakim, 'sneezing and runny nose', 'zukam', 41);
  researcher = await createSignedInUser(s.app, s.db, 'researcher');
}, 120_000);
afterAll(async () => {
  await s.close();
});

describe('research data', () => {
  it('bands ages by five years', () => {
    expect([ageBand(0), ageBand(34), ageBand(35), ageBand(89)]).toEqual(['0-4', '30-34', '35-39', '85-89']);
  });

  it('gives de-identified cases: no names, contacts, free text or exact dates', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/cases',
      headers: { cookie: researcher.cookie },
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(7);
    expect(items[0]).toEqual({
      caseId: expect.stringMatching(/^[0-9a-f]{16}$/),
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      ageBand: expect.stringMatching(/^\d+-\d+$/),
      sex: 'female',
      temperament: null,
      presentFindings: expect.any(Array),
      absentFindings: [],
      diagnosis: expect.any(String),
      engineTop: expect.any(String),
      engineTop3: expect.any(Array),
    });
    for (const leak of ['Sakina', '0300', 'headache with', 'sneezing and']) expect(res.body).not.toContain(leak);
    const visitIds = (await s.db.encounter.findMany({ select: { id: true } })).map((e) => e.id);
    for (const id of visitIds) expect(res.body).not.toContain(id);
  });

  it('suppresses counts under five and reports engine agreement', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/statistics',
      headers: { cookie: researcher.cookie },
    });
    const stats = res.json();
    expect(stats.cases).toBe(7);
    const rows = stats.diseaseByMonth.map((r: { disease: string; count: number | null; suppressed: boolean }) => [
      r.disease,
      r.count,
      r.suppressed,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['shaqeeqa', 6, false],
        ['zukam', null, true],
      ]),
    );
    expect(
      stats.symptomPairs.find((p: { a: string; b: string }) => p.a === 'headache' && p.b === 'nausea'),
    ).toMatchObject({ count: 6, suppressed: false });
    expect(stats.agreement.n).toBe(7);
    expect(stats.agreement.top1).toBeGreaterThan(0.8);
    expect(stats.minReportedCount).toBe(5);
  });

  it('streams every case as CSV', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/cases.csv?disease=shaqeeqa',
      headers: { cookie: researcher.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'caseId,month,ageBand,sex,temperament,presentFindings,absentFindings,diagnosis,engineTop,engineTop3',
    );
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^"[0-9a-f]{16}","\d{4}-\d{2}","3\d-3\d","female","",".*","","shaqeeqa",/);
  });

  it('is for researchers, admins and research:read keys only', async () => {
    const practitioner = await createSignedInUser(s.app, s.db);
    const { headers: readKey } = await createTestApiKey(s.db, ['research:read']);
    const { headers: engineKey } = await createTestApiKey(s.db, ['engine:use']);
    const answers = await Promise.all([
      s.app.inject({ method: 'GET', url: '/api/v1/research/statistics' }),
      s.app.inject({ method: 'GET', url: '/api/v1/research/statistics', headers: { cookie: practitioner.cookie } }),
      s.app.inject({ method: 'GET', url: '/api/v1/research/statistics', headers: readKey }),
      s.app.inject({ method: 'GET', url: '/api/v1/research/statistics', headers: engineKey }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([401, 403, 200, 403]);
  });

  it('refuses a malformed month', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/statistics?from=2026-1',
      headers: { cookie: researcher.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.from');
  });
});

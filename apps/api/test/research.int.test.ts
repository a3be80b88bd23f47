import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, createTestApiKey, createVisit, type SignedIn } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let researcher: SignedIn;

async function confirmedCase(as: SignedIn, complaint: string, diseaseCode: string, age: number): Promise<string> {
  const { patientId, visitId } = await createVisit(s.app, as, complaint, {
    name: 'Sakina Bibi',
    age,
    phone: '0300 7654321',
  });
  // Analysed before the diagnosis, so the engine's suggestion counts in the agreement figures.
  await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${visitId}/analyse`, headers: as.headers });
  await s.app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${visitId}/diagnosis`,
    headers: as.headers,
    payload: { diseaseCode },
  });
  return patientId;
}

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  const hakim = await createSignedInUser(s.app, s.db);
  for (const age of [30, 31, 32, 33, 34, 30])
    await confirmedCase(hakim, 'headache with nausea and sensitivity to light', 'shaqeeqa', age);
  // One of a kind: released nowhere, counted nowhere.
  await confirmedCase(hakim, 'sneezing and runny nose', 'zukam', 41);
  // A deleted patient's visit is left out, though it would join the group above.
  const deleted = await confirmedCase(hakim, 'headache with nausea and sensitivity to light', 'shaqeeqa', 31);
  await s.app.inject({ method: 'DELETE', url: `/api/v1/patients/${deleted}`, headers: hakim.headers });
  researcher = await createSignedInUser(s.app, s.db, 'researcher');
}, 120_000);
afterAll(async () => {
  await s.close();
});

describe('research data', () => {
  it('gives k-anonymous cases: no names, contacts, free text, exact dates or deleted patients', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/cases',
      headers: { cookie: researcher.cookie },
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(6);
    expect(items[0]).toEqual({
      caseId: expect.stringMatching(/^[0-9a-f]{16}$/),
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      ageBand: '30-34',
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
    for (const id of visitIds) {
      expect(res.body).not.toContain(id);
      // The unkeyed pseudonym anyone could recompute from a visit id seen in a URL.
      const unkeyed = createHash('sha256').update(`unani-cdss-case:${id}`).digest('hex').slice(0, 16);
      expect(res.body).not.toContain(unkeyed);
    }
    expect(items.every((c: { diagnosis: string }) => c.diagnosis === 'shaqeeqa')).toBe(true);
  });

  it('counts released cases only, every count 5 or more, and reports engine agreement', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/statistics',
      headers: { cookie: researcher.cookie },
    });
    const stats = res.json();
    expect(stats.cases).toBe(6);
    const rows = stats.diseaseByMonth.map((r: { disease: string; count: number | null; suppressed: boolean }) => [
      r.disease,
      r.count,
      r.suppressed,
    ]);
    expect(rows).toEqual([['shaqeeqa', 6, false]]);
    expect(
      stats.symptomPairs.find((p: { a: string; b: string }) => p.a === 'headache' && p.b === 'nausea'),
    ).toMatchObject({ count: 6, suppressed: false });
    expect(stats.agreement.n).toBe(6);
    expect(stats.agreement.top1).toBeGreaterThan(0.8);
    expect(stats.minReportedCount).toBe(5);
    // Codes come with their knowledge-base names, so the dashboard shows words, not codes.
    expect(stats.names).toMatchObject({ shaqeeqa: 'Shaqeeqa (Migraine)', headache: 'headache', nausea: 'nausea' });
  });

  it('answers a filter that would single a patient out with nulls, totals included', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/research/statistics?disease=zukam',
      headers: { cookie: researcher.cookie },
    });
    expect(res.json()).toMatchObject({
      cases: null,
      diseaseByMonth: [],
      symptomPairs: [],
      agreement: { n: null, top1: null, top3: null },
    });
  });

  it('exports every released case as CSV', async () => {
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

// Who FHIR searches answer and with what: a practitioner's searches see only their own records, a patient or visit
// that is unknown or someone else's gives an empty Bundle (never a 404, never data), every search leaves an audit
// row, and POST searches need the session's CSRF token like any other POST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, createTestApiKey } from './factories.ts';
import { fhirAnswer, matchIds, type SearchFixture, searchset, seedSearchFixture } from './fhirSearchFixture.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let f: SearchFixture;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  f = await seedSearchFixture(s.app, s.db);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const get = (url: string, cookie: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });
const asA = (url: string) => get(url, f.a.cookie);
const asB = (url: string) => get(url, f.b.cookie);
const A_NAMES = ['Amina Khan', 'José Núñez', 'Khalid Rahman', '100% Pure', 'Zainab Ali'];

describe('practitioners searching', () => {
  it('see only their own patients, diagnoses and findings', async () => {
    const bSearches = [
      '/fhir/Patient',
      '/fhir/Patient?name=amina',
      '/fhir/Condition',
      '/fhir/Condition?code=shaqeeqa',
      '/fhir/Observation',
      '/fhir/Observation?code=fever',
    ];
    const bFindings = await s.db.finding.findMany({
      where: { encounterId: f.bVisit },
      orderBy: { id: 'asc' },
      select: { id: true, symptom: { select: { code: true } } },
    });
    const bDiagnosis = await s.db.diagnosis.findUniqueOrThrow({ where: { encounterId: f.bVisit } });
    const expected = [
      [f.bPatient],
      [f.bPatient],
      [bDiagnosis.id],
      [bDiagnosis.id],
      bFindings.map((r) => String(r.id)),
      bFindings.filter((r) => r.symptom.code === 'fever').map((r) => String(r.id)),
    ];
    for (const [i, url] of bSearches.entries()) {
      const res = await asB(url);
      expect(matchIds(searchset(res)), url).toEqual(expected[i]);
      for (const name of A_NAMES) expect(res.body).not.toContain(name);
      expect(res.body).not.toContain(f.patients.amina);
    }
    expect(matchIds(searchset(await asA('/fhir/Patient?name=amina')))).toEqual([f.patients.amina]);
  });

  it('get an empty Bundle, not 404, for a patient or visit that is someone else’s or unknown', async () => {
    const aminaCondition = await s.db.diagnosis.findUniqueOrThrow({ where: { encounterId: f.visits.migraine } });
    const empty = [
      [asB, `/fhir/Condition?patient=${f.patients.amina}`],
      [asB, `/fhir/Condition?subject=Patient/${f.patients.amina}&code=shaqeeqa`],
      [asB, `/fhir/Observation?encounter=${f.visits.migraine}`],
      [asB, `/fhir/Observation?patient=${f.patients.amina}&_count=0`],
      [asB, `/fhir/Patient?_id=${f.patients.amina}`],
      [asB, `/fhir/Condition?_id=${aminaCondition.id}`],
      [asA, '/fhir/Condition?patient=no-such-patient'],
      [asA, '/fhir/Observation?encounter=Encounter/no-such-visit'],
      [asA, `/fhir/Observation?patient=${f.bPatient}`],
      [asA, '/fhir/Observation?subject=Group/1'],
    ] as const;
    for (const [as, url] of empty) {
      const res = await as(url);
      const bundle = searchset(res);
      expect(bundle.total, url).toBe(0);
      expect(bundle.entry, url).toBeUndefined();
      for (const name of [...A_NAMES, 'Amina Bibi']) expect(res.body).not.toContain(name);
    }
    fhirAnswer(await asB(`/fhir/Patient/${f.patients.amina}`), 404);
    fhirAnswer(await asA(`/fhir/Patient/${f.bPatient}`), 404);
  });

  it('no longer find a patient once removed, nor the patient’s findings', async () => {
    const leaving = await createPatient(s.app, f.a, { name: 'Leaving Soon', sex: 'male' });
    const visit = await s.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${leaving}/encounters`,
      headers: f.a.headers,
      payload: { complaint: 'fever', findings: [{ symptom: 'fever', present: true }] },
    });
    expect(searchset(await asA(`/fhir/Observation?encounter=${visit.json().id}`)).total).toBe(1);
    await s.app.inject({ method: 'DELETE', url: `/api/v1/patients/${leaving}`, headers: f.a.headers });
    expect(searchset(await asA('/fhir/Patient?name=leaving')).total).toBe(0);
    expect(searchset(await asA(`/fhir/Observation?encounter=${visit.json().id}`)).total).toBe(0);
  });
});

describe('audit of searches', () => {
  async function rowsAfter(actorId: string, run: () => Promise<unknown>) {
    const before = await s.db.auditLog.count({ where: { actorId } });
    await run();
    const rows = await s.db.auditLog.findMany({ where: { actorId }, orderBy: { id: 'asc' }, skip: before });
    return rows.map((r) => [r.action, r.entity, r.entityId, r.outcome]);
  }

  it('names the patient or visit searched, not_found when it is not the caller’s, none otherwise', async () => {
    const rows = await rowsAfter(f.a.user.id, async () => {
      await asA(`/fhir/Condition?patient=${f.patients.amina}`);
      await asA(`/fhir/Observation?encounter=${f.visits.cold}&code=fever`);
      await asA('/fhir/Patient?name=kha');
      await asA(`/fhir/Patient?_id=${f.patients.jose}`);
      await asA(`/fhir/Observation?patient=${f.bPatient}`);
      await s.app.inject({
        method: 'POST',
        url: '/fhir/Condition/_search',
        headers: { ...f.a.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `subject=Patient/${f.patients.khalid}`,
      });
    });
    expect(rows).toEqual([
      ['fhir.condition.search', 'patient', f.patients.amina, 'ok'],
      ['fhir.observation.search', 'encounter', f.visits.cold, 'ok'],
      ['fhir.patient.search', 'patient', null, 'ok'],
      ['fhir.patient.search', 'patient', f.patients.jose, 'ok'],
      ['fhir.observation.search', 'patient', f.bPatient, 'not_found'],
      ['fhir.condition.search', 'patient', f.patients.khalid, 'ok'],
    ]);
  });
});

describe('who may search', () => {
  const form = 'application/x-www-form-urlencoded';

  it('refuses anonymous callers (401) and API keys without fhir:read (403), by GET and by POST', async () => {
    const key = await createTestApiKey(s.db, ['knowledge:read', 'engine:use', 'research:read']);
    for (const headers of [{}, key.headers]) {
      const status = 'authorization' in headers ? 403 : 401;
      fhirAnswer(await s.app.inject({ method: 'GET', url: '/fhir/Patient', headers }), status);
      const post = await s.app.inject({
        method: 'POST',
        url: '/fhir/Patient/_search',
        headers: { ...headers, 'content-type': form },
        payload: 'name=a',
      });
      fhirAnswer(post, status);
    }
  });

  it('asks a session’s POST search for its CSRF token, as every POST', async () => {
    const post = (headers: Record<string, string>) =>
      s.app.inject({
        method: 'POST',
        url: '/fhir/Observation/_search',
        headers: { ...headers, 'content-type': form },
        payload: 'code=fever',
      });
    fhirAnswer(await post({ cookie: f.a.cookie }), 403);
    fhirAnswer(await post({ cookie: f.a.cookie, 'x-csrf-token': 'not-the-token' }), 403);
    expect(searchset(await post(f.a.headers)).total).toBe(3);
  });
});

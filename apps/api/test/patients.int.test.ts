import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type SignedIn } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
let b: SignedIn;
beforeAll(async () => {
  s = await createTestServer();
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim A');
  b = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim B');
});
afterAll(async () => {
  await s.close();
});

async function newPatient(
  as: SignedIn,
  body: Record<string, unknown> = { name: 'Amina Khan', age: 34, sex: 'female' },
) {
  return s.app.inject({ method: 'POST', url: '/api/v1/patients', headers: as.headers, payload: body });
}

describe('patients', () => {
  it('creates a patient and reads it back', async () => {
    const created = await newPatient(a, {
      name: 'Amina Khan',
      age: 34,
      sex: 'female',
      phone: '+92 300 1234567',
      temperament: 'balghami',
    });
    expect(created.statusCode).toBe(201);
    const patient = created.json();
    expect(patient).toMatchObject({
      name: 'Amina Khan',
      age: 34,
      sex: 'female',
      phone: '+92 300 1234567',
      temperament: 'balghami',
      lastVisitAt: null,
    });
    const read = await s.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patient.id}`,
      headers: { cookie: a.cookie },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(patient);
  });

  it('keeps a date of birth, a clinic number and the history, and works the age out from the birth date', async () => {
    const born = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const created = await newPatient(a, {
      name: 'Baby Noor',
      birthDate: born,
      birthDateEstimated: true,
      sex: 'female',
      clinicNumber: 'LHR-0042',
      history: { allergies: ['penicillin'], conditions: ['epilepsy'], medicines: ['Phenobarbital 15 mg at night'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      age: 0,
      birthDate: born,
      birthDateEstimated: true,
      clinicNumber: 'LHR-0042',
      history: {
        allergies: ['penicillin'],
        conditions: ['epilepsy'],
        otherConditions: [],
        medicines: ['Phenobarbital 15 mg at night'],
        pregnancy: null,
      },
    });
    // Found by its clinic number; another practitioner may use the same number, the same one may not.
    const found = await s.app.inject({ method: 'GET', url: '/api/v1/patients?q=LHR-0042', headers: a.headers });
    expect(found.json().items.map((p: { name: string }) => p.name)).toEqual(['Baby Noor']);
    expect((await newPatient(b, { name: 'X', age: 3, sex: 'male', clinicNumber: 'LHR-0042' })).statusCode).toBe(201);
    const twice = await newPatient(a, { name: 'Y', age: 3, sex: 'male', clinicNumber: 'LHR-0042' });
    expect(twice.statusCode).toBe(409);
    const byB = await s.app.inject({ method: 'GET', url: '/api/v1/patients?q=LHR-0042', headers: b.headers });
    expect(byB.json().items.map((p: { name: string }) => p.name)).toEqual(['X']);
  });

  it('refuses an age that disagrees with the birth date, a pregnancy for a man, and a missing age', async () => {
    const disagree = await newPatient(a, { name: 'Z', age: 40, birthDate: '2000-01-01', sex: 'male' });
    expect(disagree.statusCode).toBe(400);
    const man = await newPatient(a, {
      name: 'Z',
      age: 40,
      sex: 'male',
      history: { pregnancy: { status: 'pregnant', weeks: 12, recordedOn: '2026-01-01' } },
    });
    expect(man.statusCode).toBe(400);
    expect((await newPatient(a, { name: 'Z', sex: 'male' })).statusCode).toBe(400);
  });

  it('updates the history and removes a date of birth', async () => {
    const id = (await newPatient(a, { name: 'Salma', birthDate: '1990-05-05', sex: 'female' })).json().id;
    const today = new Date().toISOString().slice(0, 10);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/patients/${id}`,
      headers: a.headers,
      payload: {
        birthDate: null,
        age: 36,
        history: { pregnancy: { status: 'pregnant', weeks: 20, recordedOn: today }, otherConditions: ['asthma'] },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      age: 36,
      birthDate: null,
      history: { otherConditions: ['asthma'], pregnancy: { status: 'pregnant', weeks: 20, recordedOn: today } },
    });
  });

  it('names each invalid field', async () => {
    const res = await newPatient(a, { name: '', age: -1, sex: 'unknown', phone: 'call me' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.age', 'body.name', 'body.phone', 'body.sex']);
  });

  it('needs a session (401) and a CSRF token for changes (403)', async () => {
    const anonymous = await s.app.inject({ method: 'GET', url: '/api/v1/patients' });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await s.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { cookie: a.cookie },
      payload: { name: 'X', age: 1, sex: 'male' },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('is for practitioners only', async () => {
    const researcher = await createSignedInUser(s.app, s.db, 'researcher');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/patients', headers: { cookie: researcher.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('never shows one practitioner’s patient to another: 404 for read, change and delete', async () => {
    const patient = (await newPatient(a)).json();
    const read = await s.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patient.id}`,
      headers: { cookie: b.cookie },
    });
    const change = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/patients/${patient.id}`,
      headers: b.headers,
      payload: { name: 'Taken' },
    });
    const remove = await s.app.inject({ method: 'DELETE', url: `/api/v1/patients/${patient.id}`, headers: b.headers });
    expect([read.statusCode, change.statusCode, remove.statusCode]).toEqual([404, 404, 404]);
    expect(read.body).not.toContain('Amina');
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/patients', headers: { cookie: b.cookie } });
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(patient.id);
    const stillThere = await s.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patient.id}`,
      headers: { cookie: a.cookie },
    });
    expect(stillThere.json().name).toBe('Amina Khan');
  });

  it('updates details and clears optional ones with null', async () => {
    const patient = (await newPatient(a, { name: 'Bilal', age: 50, sex: 'male', phone: '0300 1111111' })).json();
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/patients/${patient.id}`,
      headers: a.headers,
      payload: { age: 51, phone: null, temperament: 'safravi' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Bilal', age: 51, phone: null, temperament: 'safravi' });
  });

  it('soft-deletes: the patient leaves the lists and reads as not found', async () => {
    const patient = (await newPatient(a, { name: 'Gone Soon', age: 20, sex: 'other' })).json();
    const del = await s.app.inject({ method: 'DELETE', url: `/api/v1/patients/${patient.id}`, headers: a.headers });
    expect(del.statusCode).toBe(204);
    const read = await s.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patient.id}`,
      headers: { cookie: a.cookie },
    });
    expect(read.statusCode).toBe(404);
    const row = await s.db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it('lists newest first with pagination and name search', async () => {
    const c = await createSignedInUser(s.app, s.db);
    for (const name of ['Zainab', 'Yusuf', 'Zaid']) await newPatient(c, { name, age: 30, sex: 'male' });
    const page1 = await s.app.inject({ method: 'GET', url: '/api/v1/patients?limit=2', headers: { cookie: c.cookie } });
    const body1 = page1.json();
    expect(body1.items.map((p: { name: string }) => p.name)).toEqual(['Zaid', 'Yusuf']);
    const page2 = await s.app.inject({
      method: 'GET',
      url: `/api/v1/patients?limit=2&cursor=${body1.nextCursor}`,
      headers: { cookie: c.cookie },
    });
    expect(page2.json()).toMatchObject({ items: [{ name: 'Zainab' }], nextCursor: null });
    const search = await s.app.inject({ method: 'GET', url: '/api/v1/patients?q=za', headers: { cookie: c.cookie } });
    expect(
      search
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['Zaid', 'Zainab']);
    // `%` and `_` are searched as themselves, not as wildcards.
    for (const q of ['%', '_', 'Z_i']) {
      const literal = await s.app.inject({
        method: 'GET',
        url: `/api/v1/patients?q=${encodeURIComponent(q)}`,
        headers: { cookie: c.cookie },
      });
      expect(literal.json().items, q).toEqual([]);
    }
    const tooMany = await s.app.inject({
      method: 'GET',
      url: '/api/v1/patients?limit=1000',
      headers: { cookie: c.cookie },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('writes an audit row for every read and change, including refused ones', async () => {
    const patient = (await newPatient(a, { name: 'Audited', age: 40, sex: 'female' })).json();
    await s.app.inject({ method: 'GET', url: `/api/v1/patients/${patient.id}`, headers: { cookie: a.cookie } });
    await s.app.inject({ method: 'GET', url: `/api/v1/patients/${patient.id}`, headers: { cookie: b.cookie } });
    const rows = await s.db.auditLog.findMany({
      where: { entity: 'patient', entityId: patient.id },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.action, r.actorId, r.outcome])).toEqual([
      ['patient.create', a.user.id, 'ok'],
      ['patient.read', a.user.id, 'ok'],
      ['patient.read', b.user.id, 'not_found'],
    ]);
  });
});

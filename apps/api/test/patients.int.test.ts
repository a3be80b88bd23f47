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

// FHIR for integrators: a practitioner's API key with fhir:read reads and searches that practitioner's records and
// no one else's, within the owner's current role (decision 0017); public FHIR and CDS Hooks routes serve a caller
// whose token is unknown or malformed as anonymous instead of refusing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { createSignedInUser } from './factories.ts';
import { fhirAnswer, matchIds, type SearchFixture, searchset, seedSearchFixture } from './fhirSearchFixture.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let f: SearchFixture;
let aKey: { id: string; headers: Record<string, string> };

async function keyOf(ownerId: string, scopes: Parameters<typeof createApiKey>[3]) {
  const created = await createApiKey(s.db, ownerId, 'FHIR integration', scopes);
  return { id: created.id, headers: { authorization: `Bearer ${created.key}` } };
}

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  f = await seedSearchFixture(s.app, s.db);
  aKey = await keyOf(f.a.user.id, ['fhir:read']);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const get = (url: string, headers: Record<string, string> = aKey.headers) =>
  s.app.inject({ method: 'GET', url, headers });

describe('a practitioner’s key with fhir:read', () => {
  it('reads and searches that practitioner’s patients, by GET and by POST without a CSRF token', async () => {
    expect(fhirAnswer(await get(`/fhir/Patient/${f.patients.amina}`)).name).toEqual([{ text: 'Amina Khan' }]);
    expect(matchIds(searchset(await get('/fhir/Patient?name=amina')))).toEqual([f.patients.amina]);
    const post = await s.app.inject({
      method: 'POST',
      url: '/fhir/Observation/_search',
      headers: { ...aKey.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `patient=${f.patients.khalid}&code=fever`,
    });
    expect(searchset(post).total).toBe(1);
    fhirAnswer(await get(`/fhir/Encounter/${f.visits.migraine}/$everything`));
  });

  it('never reaches another practitioner’s patient: 404 by id, an empty Bundle by search', async () => {
    fhirAnswer(await get(`/fhir/Patient/${f.bPatient}`), 404);
    fhirAnswer(await get(`/fhir/Encounter/${f.bVisit}`), 404);
    expect(searchset(await get(`/fhir/Observation?patient=${f.bPatient}`)).total).toBe(0);
    const all = await get('/fhir/Patient?_count=100');
    expect(matchIds(searchset(all))).not.toContain(f.bPatient);
    expect(all.body).not.toContain('Amina Bibi');
  });

  it('is audited under its owner and the key', async () => {
    await get(`/fhir/Patient/${f.patients.jose}`);
    const row = await s.db.auditLog.findFirstOrThrow({
      where: { action: 'fhir.patient.read', entityId: f.patients.jose },
      orderBy: { id: 'desc' },
    });
    expect(row).toMatchObject({ actorId: f.a.user.id, actorKind: 'apiKey', apiKeyId: aKey.id, outcome: 'ok' });
  });

  it('is needed: a practitioner’s key without it gets 403', async () => {
    const engineKey = await keyOf(f.a.user.id, ['engine:use', 'knowledge:read']);
    fhirAnswer(await get(`/fhir/Patient/${f.patients.amina}`, engineKey.headers), 403);
  });

  it('stops when its owner is no longer a practitioner, and cannot be issued to another role', async () => {
    const owner = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim Soon Researcher');
    const key = await keyOf(owner.user.id, ['fhir:read']);
    expect(searchset(await get('/fhir/Patient', key.headers)).total).toBe(0);
    const admin = await createSignedInUser(s.app, s.db, 'admin');
    const demoted = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${owner.user.id}`,
      headers: admin.headers,
      payload: { role: 'researcher' },
    });
    expect(demoted.statusCode).toBe(200);
    fhirAnswer(await get('/fhir/Patient', key.headers), 403);
    const issued = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'fhir for a researcher', scopes: ['fhir:read'], ownerId: owner.user.id },
    });
    expect(issued.statusCode).toBe(400);
  });
});

describe('public routes and a token they cannot verify', () => {
  const strangers = [
    { authorization: 'Bearer ucdss_unknown_0123456789abcdefghijklmnopqrstuvwxyz' },
    { authorization: 'Bearer eyJhbGciOiJSUzM4NCJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl' },
    { authorization: 'Basic dXNlcjpwYXNz' },
  ];

  it('answer as to an anonymous caller', async () => {
    for (const headers of strangers) {
      for (const url of [
        '/fhir/metadata',
        '/fhir/CodeSystem',
        '/fhir/CodeSystem/unani-cdss-symptoms',
        '/cds-services',
      ]) {
        const res = await s.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, `${url} with ${headers.authorization}`).toBe(200);
      }
    }
    const row = await s.db.auditLog.findFirstOrThrow({ where: { route: '/cds-services' }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ actorId: null, actorKind: 'anonymous', outcome: 'ok' });
  });

  it('while routes that need a caller still refuse it with 401', async () => {
    for (const headers of strangers) fhirAnswer(await get('/fhir/Patient', headers), 401);
  });
});

// Who may call what: every route against every kind of caller, with the expected answer in one table; and
// practitioner B never sees anything of practitioner A's, whether ids are known, guessed or enumerated.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiClient } from '../../src/services/apiClientService.ts';
import { createSignedInUser, createTestApiKey, createTestUser, type SignedIn } from '../factories.ts';
import { createTestServer } from '../testServer.ts';
import { anonymous, type CallerHeaders, clientAddress, headersFor, keyCaller, sessionCaller } from './callers.ts';

const A_PATIENT_NAME = 'Zubaida Qureshi-Fixture';

/** A's records (and spares for the requests that remove or revoke what they touch), and the admin's spares. */
interface Ids {
  patient: string;
  sparePatient: string;
  encounter: string;
  note: string;
  spareNote: string;
  token: string;
  diagnosis: string;
  finding: string;
  spareUser: string;
  spareKey: string;
  spareClient: string;
  /** A public key a client may register. */
  jwk: Record<string, unknown>;
}

type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409;
/** Expected status per caller, in the column order of the table. */
type Expected = [
  anon: Status,
  a: Status,
  b: Status,
  researchKey: Status,
  keyNoScope: Status,
  admin: Status,
  researcher: Status,
];

interface Row {
  route: string;
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** A form body (FHIR's POST searches) instead of JSON. */
  form?: string;
  expected: Expected;
}

const row = (route: string, expected: Expected, url?: Row['url'], body?: Row['body']): Row => ({
  route,
  expected,
  url: url ?? (() => route.split(' ')[1] ?? ''),
  ...(body ? { body } : {}),
});

const formRow = (route: string, expected: Expected, form: string): Row => ({ ...row(route, expected), form });

const planBody = { items: [{ kind: 'ghiza', text: 'Light meals' }], advice: 'Rest.' };
/** Enough answers of the Mizaj questionnaire to name a temperament (Safravi). */
const mizajAnswers = {
  build: 'lean',
  complexion: 'yellowish',
  'touch-warmth': 'warm',
  'touch-texture': 'dry-rough',
  weather: 'hot',
  sleep: 'little',
};
const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
const NUMC_VS = 'https://unani-cdss.org/fhir/ValueSet/namaste-numc';
/** The Parameters body of a terminology operation sent by POST. */
const parameters = (...parameter: Record<string, unknown>[]) => ({ resourceType: 'Parameters', parameter });
let emails = 0;
let clients = 0;

// biome-ignore format: one row per route, one column per caller, reads as a table
const table: Row[] = [
  //                                                  anon   A    B   research noScope admin researcher
  row('POST /api/v1/auth/login',                      [401, 401, 401, 401, 401, 401, 401], undefined, () => ({ email: 'nobody@example.org', password: 'wrong password' })),
  row('GET /api/v1/auth/me',                          [401, 200, 200, 403, 403, 200, 200]),
  row('GET /api/v1/auth/session',                     [200, 200, 200, 200, 200, 200, 200]),
  row('POST /api/v1/auth/password',                   [401, 400, 400, 403, 403, 400, 400], undefined, () => ({ currentPassword: 'not the password', newPassword: 'copper kettle orchard 9' })),
  row('GET /api/v1/auth/totp',                        [401, 200, 200, 403, 403, 200, 200]),
  row('POST /api/v1/auth/totp/enrol',                 [401, 200, 200, 403, 403, 409, 200]),
  row('POST /api/v1/auth/totp/confirm',               [401, 400, 400, 403, 403, 409, 400], undefined, () => ({ code: '000000' })),
  row('GET /api/v1/patients',                         [401, 200, 200, 403, 403, 403, 403]),
  row('POST /api/v1/patients',                        [401, 201, 201, 403, 403, 403, 403], undefined, () => ({ name: 'New Patient', age: 30, sex: 'male' })),
  row('GET /api/v1/patients/:id',                     [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}`),
  row('PATCH /api/v1/patients/:id',                   [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}`, () => ({ phone: '0300 1234567' })),
  row('DELETE /api/v1/patients/:id',                  [401, 204, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.sparePatient}`),
  row('GET /api/v1/patients/:id/mizaj-assessments',  [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}/mizaj-assessments`),
  row('POST /api/v1/patients/:id/mizaj-assessments', [401, 201, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}/mizaj-assessments`, () => ({ answers: mizajAnswers })),
  row('GET /api/v1/patients/:id/encounters',          [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}/encounters`),
  row('POST /api/v1/patients/:id/encounters',         [401, 201, 404, 403, 403, 403, 403], (i) => `/api/v1/patients/${i.patient}/encounters`, () => ({ complaint: 'cough' })),
  row('GET /api/v1/encounters/:id',                   [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}`),
  row('PATCH /api/v1/encounters/:id',                 [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}`, () => ({ nabzNotes: 'steady' })),
  row('POST /api/v1/encounters/:id/analyse',          [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/analyse`),
  row('GET /api/v1/encounters/:id/analysis',          [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/analysis`),
  row('GET /api/v1/encounters/:id/safety',            [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/safety`),
  row('POST /api/v1/encounters/:id/diagnosis',        [401, 201, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/diagnosis`, () => ({ diseaseCode: 'shaqeeqa' })),
  row('GET /api/v1/encounters/:id/plan',              [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/plan`),
  row('POST /api/v1/encounters/:id/plan',             [401, 201, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/plan`, () => planBody),
  row('POST /api/v1/encounters/:id/plan/check',       [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/plan/check`, () => planBody),
  row('POST /api/v1/encounters/:id/notes',            [401, 201, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/notes`, () => ({ language: 'en' })),
  row('GET /api/v1/encounters/:id/notes',             [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/encounters/${i.encounter}/notes`),
  row('POST /api/v1/notes/:id/revoke',                [401, 200, 404, 403, 403, 403, 403], (i) => `/api/v1/notes/${i.spareNote}/revoke`),
  row('GET /api/v1/shared-notes/:token',              [200, 200, 200, 200, 200, 200, 200], (i) => `/api/v1/shared-notes/${i.token}`),
  row('GET /api/v1/diseases',                         [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/diseases/:code',                   [200, 200, 200, 200, 200, 200, 200], () => '/api/v1/diseases/shaqeeqa'),
  row('GET /api/v1/symptoms',                         [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/urdu-names',                       [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/symptoms/:code',                   [200, 200, 200, 200, 200, 200, 200], () => '/api/v1/symptoms/headache'),
  row('GET /api/v1/single-drugs',                     [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/single-drugs/:code',               [200, 200, 200, 200, 200, 200, 200], () => '/api/v1/single-drugs/ustukhuddus'),
  row('GET /api/v1/formulations',                     [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/formulations/:code',               [200, 200, 200, 200, 200, 200, 200], () => '/api/v1/formulations/itrifal-ustukhuddus'),
  row('GET /api/v1/sources',                          [200, 200, 200, 200, 200, 200, 200]),
  row('GET /api/v1/search',                           [200, 200, 200, 200, 200, 200, 200], () => '/api/v1/search?q=head'),
  row('POST /api/v1/parse',                           [401, 200, 200, 403, 403, 200, 200], undefined, () => ({ text: 'headache and fever' })),
  row('POST /api/v1/diagnose',                        [401, 200, 200, 403, 403, 200, 200], undefined, () => ({ text: 'headache and nausea' })),
  row('GET /api/v1/admin/users',                      [401, 403, 403, 403, 403, 200, 403]),
  row('POST /api/v1/admin/users',                     [401, 403, 403, 403, 403, 201, 403], undefined, () => ({ email: `made-${emails++}@example.org`, name: 'Made', role: 'researcher', password: 'a long enough password' })),
  row('PATCH /api/v1/admin/users/:id',                [401, 403, 403, 403, 403, 200, 403], (i) => `/api/v1/admin/users/${i.spareUser}`, () => ({ name: 'Renamed' })),
  row('GET /api/v1/admin/api-keys',                   [401, 403, 403, 403, 403, 200, 403]),
  row('POST /api/v1/admin/api-keys',                  [401, 403, 403, 403, 403, 201, 403], undefined, () => ({ name: 'integration', scopes: ['engine:use'] })),
  row('POST /api/v1/admin/api-keys/:id/revoke',       [401, 403, 403, 403, 403, 200, 403], (i) => `/api/v1/admin/api-keys/${i.spareKey}/revoke`),
  row('GET /api/v1/admin/clients',                    [401, 403, 403, 403, 403, 200, 403]),
  row('POST /api/v1/admin/clients',                   [401, 403, 403, 403, 403, 201, 403], undefined, (i) => ({ clientId: `https://ehr.example/client-${clients++}`, name: 'EHR', jwks: { keys: [i.jwk] }, ownerId: i.spareUser, scopes: ['cds-hooks'] })),
  row('POST /api/v1/admin/clients/:id/revoke',        [401, 403, 403, 403, 403, 200, 403], (i) => `/api/v1/admin/clients/${i.spareClient}/revoke`),
  row('GET /api/v1/admin/model',                      [401, 403, 403, 403, 403, 200, 403]),
  row('POST /api/v1/admin/model/retrain',             [401, 403, 403, 403, 403, 202, 403]),
  row('GET /api/v1/research/cases',                   [401, 403, 403, 200, 403, 200, 200]),
  row('GET /api/v1/research/statistics',              [401, 403, 403, 200, 403, 200, 200]),
  row('GET /api/v1/research/cases.csv',               [401, 403, 403, 200, 403, 200, 200]),
  row('GET /fhir/metadata',                           [200, 200, 200, 200, 200, 200, 200]),
  row('GET /fhir/CodeSystem',                         [200, 200, 200, 200, 200, 200, 200]),
  row('GET /fhir/CodeSystem/$lookup',                 [200, 200, 200, 200, 200, 200, 200], () => `/fhir/CodeSystem/$lookup?system=${encodeURIComponent(NUMC)}&code=K-1`),
  row('GET /fhir/CodeSystem/$validate-code',          [200, 200, 200, 200, 200, 200, 200], () => `/fhir/CodeSystem/$validate-code?url=${encodeURIComponent(NUMC)}&code=K-1`),
  row('POST /fhir/CodeSystem/$validate-code',         [200, 200, 200, 200, 200, 200, 200], undefined, () => parameters({ name: 'url', valueUri: NUMC }, { name: 'code', valueCode: 'K-1' })),
  row('GET /fhir/CodeSystem/:id',                     [200, 200, 200, 200, 200, 200, 200], () => '/fhir/CodeSystem/namaste-numc'),
  row('GET /fhir/CodeSystem/:id/$lookup',             [200, 200, 200, 200, 200, 200, 200], () => '/fhir/CodeSystem/unani-cdss-diseases/$lookup?code=shaqeeqa'),
  row('GET /fhir/CodeSystem/:id/$validate-code',      [200, 200, 200, 200, 200, 200, 200], () => '/fhir/CodeSystem/unani-cdss-diseases/$validate-code?code=shaqeeqa'),
  row('POST /fhir/CodeSystem/:id/$validate-code',     [200, 200, 200, 200, 200, 200, 200], () => '/fhir/CodeSystem/unani-cdss-diseases/$validate-code', () => parameters({ name: 'code', valueCode: 'shaqeeqa' })),
  row('GET /fhir/ValueSet',                           [200, 200, 200, 200, 200, 200, 200]),
  row('GET /fhir/ValueSet/$expand',                   [200, 200, 200, 200, 200, 200, 200], () => `/fhir/ValueSet/$expand?url=${encodeURIComponent(NUMC_VS)}&filter=humma&count=5`),
  row('POST /fhir/ValueSet/$expand',                  [200, 200, 200, 200, 200, 200, 200], undefined, () => parameters({ name: 'url', valueUri: NUMC_VS }, { name: 'count', valueInteger: 5 })),
  row('GET /fhir/ValueSet/$validate-code',            [200, 200, 200, 200, 200, 200, 200], () => `/fhir/ValueSet/$validate-code?url=${encodeURIComponent(NUMC_VS)}&system=${encodeURIComponent(NUMC)}&code=K-1`),
  row('POST /fhir/ValueSet/$validate-code',           [200, 200, 200, 200, 200, 200, 200], undefined, () => parameters({ name: 'url', valueUri: NUMC_VS }, { name: 'coding', valueCoding: { system: NUMC, code: 'K-1' } })),
  row('GET /fhir/ValueSet/:id',                       [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ValueSet/unani-cdss-symptoms'),
  row('GET /fhir/ValueSet/:id/$expand',               [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ValueSet/unani-cdss-diseases/$expand?filter=migraine'),
  row('POST /fhir/ValueSet/:id/$expand',              [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ValueSet/unani-cdss-diseases/$expand', () => parameters({ name: 'filter', valueString: 'migraine' })),
  row('GET /fhir/ValueSet/:id/$validate-code',        [200, 200, 200, 200, 200, 200, 200], () => `/fhir/ValueSet/namaste-numc/$validate-code?system=${encodeURIComponent(NUMC)}&code=K-1`),
  row('POST /fhir/ValueSet/:id/$validate-code',       [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ValueSet/namaste-numc/$validate-code', () => parameters({ name: 'coding', valueCoding: { system: NUMC, code: 'K-1' } })),
  row('GET /fhir/ConceptMap',                         [200, 200, 200, 200, 200, 200, 200]),
  row('GET /fhir/ConceptMap/$translate',              [200, 200, 200, 200, 200, 200, 200], () => `/fhir/ConceptMap/$translate?system=${encodeURIComponent(NUMC)}&code=K-1`),
  row('POST /fhir/ConceptMap/$translate',             [200, 200, 200, 200, 200, 200, 200], undefined, () => parameters({ name: 'system', valueUri: NUMC }, { name: 'code', valueCode: 'K-1' })),
  row('GET /fhir/ConceptMap/:id',                     [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ConceptMap/namaste-numc-to-icd11-tm2'),
  row('GET /fhir/ConceptMap/:id/$translate',          [200, 200, 200, 200, 200, 200, 200], () => `/fhir/ConceptMap/namaste-numc-to-icd11-tm2/$translate?system=${encodeURIComponent(NUMC)}&code=K-1`),
  row('POST /fhir/ConceptMap/:id/$translate',         [200, 200, 200, 200, 200, 200, 200], () => '/fhir/ConceptMap/namaste-numc-to-icd11-tm2/$translate', () => parameters({ name: 'system', valueUri: NUMC }, { name: 'code', valueCode: 'K-1' })),
  row('GET /fhir/StructureDefinition',                [200, 200, 200, 200, 200, 200, 200]),
  row('GET /fhir/StructureDefinition/:id',            [200, 200, 200, 200, 200, 200, 200], () => '/fhir/StructureDefinition/patient-age'),
  row('GET /fhir/.well-known/smart-configuration',    [200, 200, 200, 200, 200, 200, 200]),
  formRow('POST /fhir/auth/token',                    [400, 400, 400, 400, 400, 400, 400], 'grant_type=client_credentials&scope=system%2F*.read'),
  row('GET /fhir/Patient/:id',                        [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Patient/${i.patient}`),
  row('GET /fhir/Patient/:id/$everything',            [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Patient/${i.patient}/$everything`),
  row('GET /fhir/Encounter/:id',                      [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Encounter/${i.encounter}`),
  row('GET /fhir/Encounter/:id/$everything',          [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Encounter/${i.encounter}/$everything`),
  row('GET /fhir/Patient',                            [401, 200, 200, 403, 403, 403, 403], () => '/fhir/Patient?name=zubaida'),
  formRow('POST /fhir/Patient/_search',               [401, 200, 200, 403, 403, 403, 403], 'name=zubaida'),
  row('GET /fhir/Condition',                          [401, 200, 200, 403, 403, 403, 403], (i) => `/fhir/Condition?patient=${i.patient}`),
  formRow('POST /fhir/Condition/_search',             [401, 200, 200, 403, 403, 403, 403], 'code=shaqeeqa'),
  row('GET /fhir/Condition/:id',                      [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Condition/${i.diagnosis}`),
  row('GET /fhir/Observation',                        [401, 200, 200, 403, 403, 403, 403], (i) => `/fhir/Observation?encounter=${i.encounter}`),
  formRow('POST /fhir/Observation/_search',           [401, 200, 200, 403, 403, 403, 403], 'code=headache'),
  row('GET /fhir/Observation/:id',                    [401, 200, 404, 403, 403, 403, 403], (i) => `/fhir/Observation/${i.finding}`),
  row('POST /cds-services/unani-cdss-differential',   [401, 200, 200, 403, 403, 200, 403], undefined, () => ({ hookInstance: 'h1', hook: 'patient-view', context: { userId: 'u', patientId: 'p' } })),
  row('POST /cds-services/unani-cdss-differential/feedback', [401, 200, 200, 403, 403, 200, 403], undefined, () => ({ feedback: [{ card: '6f1c2a52-93c4-4f5e-9d43-2b1f4f0e8a11', outcome: 'accepted', outcomeTimestamp: '2026-12-01T10:00:00Z' }] })),
  // Last: signing out ends the session the other rows are sent with.
  row('POST /api/v1/auth/logout',                     [401, 204, 204, 403, 403, 204, 204]),
];

const CLIENT_REQUEST_ID = 'chosen-by-the-client';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const COLUMNS = [
  'anonymous',
  'practitioner A',
  'practitioner B',
  'research key',
  'key without scope',
  'admin',
  'researcher',
];
/** B and the others go before A, so A's removals and revocations cannot change what they would see. */
const RUN_ORDER = [0, 2, 3, 4, 5, 6, 1];

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
let b: SignedIn;
let callers: CallerHeaders[];
/** Who each column's audit rows name: the account, and the API key where one was used. */
let actors: { actorId: string | null; apiKeyId: string | null }[];
let ids: Ids;
let requests = 0;

async function send(
  app: FastifyInstance,
  caller: CallerHeaders,
  method: string,
  url: string,
  body?: unknown,
  form?: string,
) {
  const options: InjectOptions = {
    method: method as InjectOptions['method'],
    url,
    headers: {
      // The audit trail's request ids are the server's own; a client's is ignored.
      'x-request-id': CLIENT_REQUEST_ID,
      ...headersFor(caller, method),
      ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    remoteAddress: clientAddress(requests++),
    ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    ...(form !== undefined ? { payload: form } : {}),
  };
  return app.inject(options);
}

async function seedA(): Promise<Ids> {
  const post = async (url: string, payload: unknown) => {
    const res = await s.app.inject({ method: 'POST', url, headers: a.headers, payload: payload as never });
    if (res.statusCode >= 300) throw new Error(`seeding ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const patient = await post('/api/v1/patients', { name: A_PATIENT_NAME, age: 41, sex: 'female' });
  const spare = await post('/api/v1/patients', { name: A_PATIENT_NAME, age: 42, sex: 'female' });
  const encounter = await post(`/api/v1/patients/${patient.id}/encounters`, { complaint: 'headache and nausea' });
  await post(`/api/v1/encounters/${encounter.id}/analyse`, {});
  const diagnosis = await post(`/api/v1/encounters/${encounter.id}/diagnosis`, { diseaseCode: 'shaqeeqa' });
  await post(`/api/v1/encounters/${encounter.id}/plan`, planBody);
  const note = await post(`/api/v1/encounters/${encounter.id}/notes`, { language: 'en' });
  const spareNote = await post(`/api/v1/encounters/${encounter.id}/notes`, { language: 'ur' });
  const finding = await s.db.finding.findFirstOrThrow({ where: { encounterId: encounter.id } });
  const diagnosisRow = await s.db.diagnosis.findFirstOrThrow({ where: { encounterId: encounter.id } });
  const spareUser = await createTestUser(s.db, 'researcher', 'Spare Account');
  const spareKey = await createTestApiKey(s.db, ['engine:use']);
  const spareKeyRow = await s.db.apiKey.findFirstOrThrow({ where: { ownerId: spareKey.owner.id } });
  const { publicKey } = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
  const spareClient = await registerApiClient(s.db, {
    clientId: 'https://ehr.example/spare',
    name: 'Spare client',
    jwks: { keys: [jwk as never] },
    ownerId: spareUser.id,
    scopes: ['cds-hooks'],
  });
  expect(diagnosis.disease.code).toBe('shaqeeqa');
  return {
    patient: patient.id,
    sparePatient: spare.id,
    encounter: encounter.id,
    note: note.id,
    spareNote: spareNote.id,
    token: note.token,
    diagnosis: diagnosisRow.id,
    finding: String(finding.id),
    spareUser: spareUser.id,
    spareKey: spareKeyRow.id,
    spareClient: spareClient.id,
    jwk,
  };
}

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim A');
  b = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim B');
  const admin = await createSignedInUser(s.app, s.db, 'admin', 'Admin');
  const researcher = await createSignedInUser(s.app, s.db, 'researcher', 'Researcher');
  const researchKey = await createTestApiKey(s.db, ['research:read']);
  const narrowKey = await createTestApiKey(s.db, ['knowledge:read']);
  callers = [
    anonymous,
    sessionCaller('practitioner A', a),
    sessionCaller('practitioner B', b),
    keyCaller('research key', researchKey.headers),
    keyCaller('key without scope', narrowKey.headers),
    sessionCaller('admin', admin),
    sessionCaller('researcher', researcher),
  ];
  const keyId = async (ownerId: string) => (await s.db.apiKey.findFirstOrThrow({ where: { ownerId } })).id;
  actors = [
    { actorId: null, apiKeyId: null },
    { actorId: a.user.id, apiKeyId: null },
    { actorId: b.user.id, apiKeyId: null },
    { actorId: researchKey.owner.id, apiKeyId: await keyId(researchKey.owner.id) },
    { actorId: narrowKey.owner.id, apiKeyId: await keyId(narrowKey.owner.id) },
    { actorId: admin.user.id, apiKeyId: null },
    { actorId: researcher.user.id, apiKeyId: null },
  ];
  ids = await seedA();
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('practitioner B and practitioner A’s records', () => {
  it('lists only B’s own patients and none of A’s', async () => {
    const res = await send(s.app, sessionCaller('B', b), 'GET', '/api/v1/patients?limit=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string }[];
    expect(items.map((p) => p.id)).not.toContain(ids.patient);
    expect(res.body).not.toContain(A_PATIENT_NAME);
    const own = await s.db.patient.count({ where: { practitionerId: b.user.id, deletedAt: null } });
    expect(items).toHaveLength(own);
  });

  it('answers 404 to reads of guessed and enumerated ids — never 200, never 403 — and shows nothing of A', async () => {
    const guesses = [
      ids.patient,
      ids.encounter,
      ids.note,
      ids.diagnosis,
      `${ids.patient.slice(0, -1)}${ids.patient.endsWith('a') ? 'b' : 'a'}`,
      `${ids.encounter.slice(0, -2)}00`,
      '1',
      '0',
    ];
    const observationIds = Array.from({ length: 30 }, (_v, i) => String(Number(ids.finding) - 10 + i));
    const urls = [
      ...guesses.flatMap((id) => [
        `/api/v1/patients/${id}`,
        `/api/v1/patients/${id}/encounters`,
        `/api/v1/encounters/${id}`,
        `/api/v1/encounters/${id}/plan`,
        `/api/v1/encounters/${id}/notes`,
        `/fhir/Patient/${id}`,
        `/fhir/Patient/${id}/$everything`,
        `/fhir/Encounter/${id}/$everything`,
        `/fhir/Condition/${id}`,
      ]),
      ...observationIds.map((id) => `/fhir/Observation/${id}`),
    ];
    const asB = sessionCaller('B', b);
    const answers = await Promise.all(urls.map((url) => send(s.app, asB, 'GET', url)));
    const statuses = new Map(urls.map((url, i) => [url, answers[i]?.statusCode]));
    expect([...statuses].filter(([, status]) => status !== 404)).toEqual([]);
    for (const res of answers) expect(res.body).not.toContain(A_PATIENT_NAME);
    const searches = guesses.flatMap((id) => [
      `/fhir/Patient?_id=${id}`,
      `/fhir/Condition?patient=Patient/${id}`,
      `/fhir/Observation?encounter=${id}`,
    ]);
    for (const res of await Promise.all(searches.map((url) => send(s.app, asB, 'GET', url)))) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ type: 'searchset', total: 0 });
      expect(res.body).not.toContain(A_PATIENT_NAME);
    }
    const writes = await Promise.all([
      send(s.app, asB, 'POST', `/api/v1/notes/${ids.note}/revoke`),
      send(s.app, asB, 'PATCH', `/api/v1/encounters/${ids.encounter}`, { status: 'closed' }),
      send(s.app, asB, 'DELETE', `/api/v1/patients/${ids.patient}`),
    ]);
    expect(writes.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    const shared = await send(s.app, anonymous, 'GET', `/api/v1/shared-notes/${ids.token}`);
    expect(shared.statusCode, 'A’s note is still shared').toBe(200);
  });

  it('records B’s attempts as not found, under B’s name', async () => {
    const rows = await s.db.auditLog.findMany({ where: { actorId: b.user.id, entityId: ids.patient } });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['not_found']));
  });
});

describe('the authorization table', () => {
  it('has one row for every route under /api/v1, and no row for a route that does not exist', () => {
    const served = s.app.routesUnderApi.map((r) => `${r.method} ${r.url}`);
    const rows = table.map((r) => r.route);
    expect(
      served.filter((route) => !rows.includes(route)),
      'routes without a row',
    ).toEqual([]);
    expect(
      rows.filter((route) => route.includes(' /api/v1/') && !served.includes(route)),
      'rows without a route',
    ).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('is what every caller gets from every route, and each request leaves exactly one audit row', async () => {
    const got = new Map<string, number[]>(table.map((r) => [r.route, []]));
    const bodiesToB: LightMyRequestResponse[] = [];
    const audit: string[] = [];
    let lastRow = (await s.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    for (const column of RUN_ORDER) {
      const caller = callers[column] as CallerHeaders;
      for (const r of table) {
        const [method = 'GET', pattern] = r.route.split(' ');
        const res = await send(s.app, caller, method, r.url(ids), r.body?.(ids), r.form);
        (got.get(r.route) as number[])[column] = res.statusCode;
        if (column === 2) bodiesToB.push(res);
        const rows = await s.db.auditLog.findMany({ where: { id: { gt: lastRow } }, orderBy: { id: 'asc' } });
        lastRow = rows.at(-1)?.id ?? lastRow;
        const rowSays = rows.map((row) => ({
          route: `${row.method} ${row.route}`,
          status: row.status,
          clientIp: row.clientIp,
          actorId: row.actorId,
          apiKeyId: row.apiKeyId,
          serverRequestId: UUID.test(row.requestId ?? ''),
        }));
        const expected = [
          {
            route: r.route,
            status: res.statusCode,
            clientIp: clientAddress(requests - 1),
            ...(actors[column] as (typeof actors)[number]),
            serverRequestId: true,
          },
        ];
        if (JSON.stringify(rowSays) !== JSON.stringify(expected))
          audit.push(`${COLUMNS[column]} ${method} ${pattern}: ${JSON.stringify(rowSays)}`);
      }
    }
    const actual = table.map((r) => `${r.route.padEnd(48)} ${(got.get(r.route) ?? []).join(' ')}`);
    const expected = table.map((r) => `${r.route.padEnd(48)} ${r.expected.join(' ')}`);
    expect(actual, `columns: ${COLUMNS.join(', ')}`).toEqual(expected);
    for (const res of bodiesToB) expect(res.body).not.toContain(A_PATIENT_NAME);
    expect(audit, 'requests whose audit rows are not exactly one row saying who, what and how').toEqual([]);
  }, 120_000);
});

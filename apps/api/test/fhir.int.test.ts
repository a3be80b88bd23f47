import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, createSignedInUser, createTestApiKey, type SignedIn } from './factories.ts';
import { validateFhir } from './fhirValidation.ts';
import { createTestServer } from './testServer.ts';

const DISEASES = 'https://unani-cdss.org/fhir/CodeSystem/diseases';
const SYMPTOMS = 'https://unani-cdss.org/fhir/CodeSystem/symptoms';
const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
const ICD11 = 'http://id.who.int/icd/release/11/mms';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const SYNONYM = { system: 'http://snomed.info/sct', code: '900000000000013009', display: 'Synonym' };

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
let b: SignedIn;
/** A's patient with one diagnosed visit (headache, nausea present; fever absent → Shaqeeqa). */
let patientId: string;
let encounterId: string;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim A');
  b = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim B');
  // The fixture knowledge base gives NUMC codes alone; here shaqeeqa gets its TM2 and ICD-10 codes too.
  await s.db.disease.update({ where: { code: 'shaqeeqa' }, data: { icd11Code: 'SK01', icd10Code: 'G43.9' } });
  patientId = await createPatient(s.app, a, { name: 'Amina' });
  const visit = await s.app.inject({
    method: 'POST',
    url: `/api/v1/patients/${patientId}/encounters`,
    headers: a.headers,
    payload: {
      complaint: 'Throbbing headache with nausea',
      findings: [
        { symptom: 'headache', present: true, severity: 'severe', durationDays: 3 },
        { symptom: 'nausea', present: true },
        { symptom: 'fever', present: false },
      ],
    },
  });
  encounterId = visit.json().id;
  await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${encounterId}/analyse`, headers: a.headers });
  const diagnosis = await s.app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${encounterId}/diagnosis`,
    headers: a.headers,
    payload: { diseaseCode: 'shaqeeqa', note: 'Left-sided' },
  });
  expect(diagnosis.statusCode).toBe(201);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });
const asA = (url: string) => get(url, { cookie: a.cookie });

/** A FHIR answer: the status, the FHIR content type, and a resource the validator accepts. */
function fhir(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json();
  expect(validateFhir(body)).toEqual([]);
  return body;
}

function outcome(res: LightMyRequestResponse, status: number, code: string) {
  const body = fhir(res, status);
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue[0]).toMatchObject({ severity: 'error', code });
  return body;
}

describe('FHIR metadata', () => {
  it('describes an R4 JSON server with its resources, interactions and operations, to anyone', async () => {
    const body = fhir(await get('/fhir/metadata'));
    expect(body).toMatchObject({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
    });
    const resources = body.rest[0].resource as {
      type: string;
      interaction: { code: string }[];
      operation?: { name: string }[];
    }[];
    expect(resources.map((r) => r.type).sort()).toEqual([
      'CodeSystem',
      'ConceptMap',
      'Condition',
      'Encounter',
      'Observation',
      'Patient',
      'StructureDefinition',
      'ValueSet',
    ]);
    const operations = Object.fromEntries(resources.map((r) => [r.type, r.operation?.map((o) => o.name) ?? []]));
    expect(operations).toEqual({
      CodeSystem: ['lookup', 'validate-code'],
      ValueSet: ['expand', 'validate-code'],
      ConceptMap: ['translate'],
      StructureDefinition: [],
      Patient: ['everything'],
      Encounter: ['everything'],
      Condition: [],
      Observation: [],
    });
    for (const type of ['CodeSystem', 'ValueSet', 'ConceptMap', 'StructureDefinition'])
      expect(resources.find((r) => r.type === type)?.interaction.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(resources.find((r) => r.type === 'Condition')?.interaction.map((i) => i.code)).toContain('search-type');
  });
});

describe('FHIR CodeSystems', () => {
  it('lists our disease and symptom CodeSystems, NUMC and the TM2 fragment as a searchset, each versioned', async () => {
    const body = fhir(await get('/fhir/CodeSystem'));
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 4 });
    const systems = body.entry.map((e: { resource: { url: string; content: string; version: string } }) => e.resource);
    expect(systems.map((c: { url: string }) => c.url)).toEqual([DISEASES, SYMPTOMS, NUMC, ICD11]);
    expect(systems.map((c: { content: string }) => c.content)).toEqual([
      'complete',
      'complete',
      'complete',
      'fragment',
    ]);
    for (const c of systems) expect(c.version).toMatch(/\S/);
    const one = fhir(await get(`/fhir/CodeSystem?url=${encodeURIComponent(SYMPTOMS)}`));
    expect(one.total).toBe(1);
    const numc = fhir(await get(`/fhir/CodeSystem?url=${encodeURIComponent(NUMC)}`));
    expect(numc.entry[0].resource).toMatchObject({ id: 'namaste-numc', content: 'complete', count: 2520 });
    const k1 = numc.entry[0].resource.concept.find((c: { code: string }) => c.code === 'K-1');
    expect(k1).toMatchObject({ display: 'Ḥummā' });
    expect(k1.designation).toContainEqual({ language: 'en', use: SYNONYM, value: 'Fever' });
    const tm2 = fhir(await get('/fhir/CodeSystem/icd11-tm2'));
    expect(tm2).toMatchObject({ url: ICD11, content: 'fragment' });
    expect(tm2.count).toBeUndefined();
    expect(tm2.concept.find((c: { code: string }) => c.code === 'SP51')).toMatchObject({
      display: 'Fever disorder (TM2)',
      property: [{ code: 'unani-index-term', valueString: 'Ḥummā' }],
    });
  });

  it('gives each disease its English display, Unani and Urdu designations, and NUMC code', async () => {
    const body = fhir(await get('/fhir/CodeSystem/unani-cdss-diseases'));
    expect(body).toMatchObject({ url: DISEASES, status: 'active', content: 'complete', count: 2 });
    const shaqeeqa = body.concept.find((c: { code: string }) => c.code === 'shaqeeqa');
    expect(shaqeeqa.display).toBe('Migraine');
    expect(shaqeeqa.designation).toEqual(
      expect.arrayContaining([
        { language: 'ur-Latn', use: SYNONYM, value: 'Shaqeeqa' },
        { language: 'ur', use: SYNONYM, value: 'شقیقہ' },
      ]),
    );
    for (const d of shaqeeqa.designation) expect(d.use).toEqual(SYNONYM);
    expect(shaqeeqa.property).toContainEqual({ code: 'numc', valueCoding: { system: NUMC, code: 'A-2' } });
    expect(shaqeeqa.property).toContainEqual({ code: 'icd10', valueCoding: { system: ICD10, code: 'G43.9' } });
  });

  it('gives each symptom its name and Unani designation, also to an API key with knowledge:read', async () => {
    const key = await createTestApiKey(s.db, ['knowledge:read']);
    const body = fhir(await get('/fhir/CodeSystem/unani-cdss-symptoms', key.headers));
    expect(body).toMatchObject({ url: SYMPTOMS, count: 9 });
    const headache = body.concept.find((c: { code: string }) => c.code === 'headache');
    expect(headache.designation).toContainEqual(expect.objectContaining({ language: 'ur-Latn', value: 'Suda' }));
  });

  it('answers 404 OperationOutcome for an unknown CodeSystem', async () => {
    outcome(await get('/fhir/CodeSystem/icd-10'), 404, 'not-found');
  });
});

describe('FHIR $lookup', () => {
  it('returns name, display and designations for a code, by system or by id', async () => {
    const body = fhir(await get(`/fhir/CodeSystem/$lookup?system=${encodeURIComponent(DISEASES)}&code=shaqeeqa`));
    expect(body.resourceType).toBe('Parameters');
    const params = body.parameter as { name: string; valueString?: string; part?: { name: string }[] }[];
    expect(params.find((p) => p.name === 'display')?.valueString).toBe('Migraine');
    expect(params.find((p) => p.name === 'name')?.valueString).toBe('Unani CDSS Diseases');
    expect(params.filter((p) => p.name === 'designation').length).toBeGreaterThanOrEqual(2);
    const byId = fhir(await get('/fhir/CodeSystem/unani-cdss-symptoms/$lookup?code=fever'));
    expect(byId.parameter).toContainEqual({ name: 'display', valueString: 'fever' });
  });

  it('answers 404 OperationOutcome for an unknown code or system, 400 without a code', async () => {
    outcome(
      await get(`/fhir/CodeSystem/$lookup?system=${encodeURIComponent(DISEASES)}&code=nothing`),
      404,
      'not-found',
    );
    outcome(await get('/fhir/CodeSystem/$lookup?system=http://example.org/x&code=a'), 404, 'not-found');
    outcome(await get('/fhir/CodeSystem/unani-cdss-diseases/$lookup'), 400, 'invalid');
  });
});

describe('FHIR patient data for the owner', () => {
  it('reads the Patient without inventing a birth date', async () => {
    const body = fhir(await asA(`/fhir/Patient/${patientId}`));
    expect(body).toMatchObject({ resourceType: 'Patient', id: patientId, gender: 'female', name: [{ text: 'Amina' }] });
    expect(body.birthDate).toBeUndefined();
    expect(body.extension[0].valueAge).toMatchObject({ value: 34, code: 'a' });
    // The extension's URL resolves: the server serves its StructureDefinition and lists it.
    const defined = fhir(await get(`/fhir/StructureDefinition?url=${encodeURIComponent(body.extension[0].url)}`));
    expect(defined.total).toBe(1);
    expect(defined.entry[0].resource).toMatchObject({
      id: 'patient-age',
      type: 'Extension',
      context: [{ expression: 'Patient' }],
    });
    expect(fhir(await get('/fhir/StructureDefinition/patient-age')).url).toBe(body.extension[0].url);
  });

  it('answers reads with ETag and Last-Modified, and 304 to a matching If-None-Match', async () => {
    const read = await asA(`/fhir/Patient/${patientId}`);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(new Date(read.headers['last-modified'] as string).toISOString().slice(0, 16)).toBe(
      fhir(read).meta.lastUpdated.slice(0, 16),
    );
    const again = await get(`/fhir/Patient/${patientId}`, { cookie: a.cookie, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const changed = await get(`/fhir/Patient/${patientId}`, { cookie: a.cookie, 'if-none-match': 'W/"other"' });
    expect(changed.statusCode).toBe(200);
    // Terminology reads too; searches (Bundles) carry none.
    expect((await get('/fhir/CodeSystem/namaste-numc')).headers.etag).toMatch(/^W\//);
    expect((await asA('/fhir/Patient?name=amina')).headers.etag).toBeUndefined();
  });

  it('searches confirmed Conditions coded with our code, NUMC, ICD-11 TM2 and ICD-10', async () => {
    for (const query of [`patient=${patientId}`, `patient=Patient/${patientId}`]) {
      const body = fhir(await asA(`/fhir/Condition?${query}`));
      expect(body).toMatchObject({ type: 'searchset', total: 1 });
      const condition = body.entry[0].resource;
      expect(condition).toMatchObject({
        resourceType: 'Condition',
        verificationStatus: { coding: [{ code: 'confirmed' }] },
        clinicalStatus: { coding: [{ code: 'active' }] },
        subject: { reference: `Patient/${patientId}` },
        encounter: { reference: `Encounter/${encounterId}` },
        note: [{ text: 'Left-sided' }],
      });
      expect(condition.code.coding).toEqual([
        { system: DISEASES, code: 'shaqeeqa', display: 'Migraine' },
        { system: NUMC, code: 'A-2', display: 'Shaqīqa' },
        { system: ICD11, code: 'SK01', display: 'Migraine disorder (TM2)' },
        { system: ICD10, code: 'G43.9' },
      ]);
      const read = fhir(await asA(`/fhir/Condition/${condition.id}`));
      expect(read).toEqual(condition);
    }
    for (const code of [`${ICD10}|G43.9`, `${ICD11}|SK01`, 'g43.9']) {
      const found = fhir(await asA(`/fhir/Condition?code=${encodeURIComponent(code)}`));
      expect(found.total, code).toBe(1);
    }
  });

  it('searches Observations by patient or encounter: present and absent findings', async () => {
    const byPatient = fhir(await asA(`/fhir/Observation?patient=${patientId}`));
    const byEncounter = fhir(await asA(`/fhir/Observation?encounter=${encounterId}`));
    expect(byEncounter.total).toBe(3);
    expect(byPatient.entry.map((e: { resource: unknown }) => e.resource)).toEqual(
      byEncounter.entry.map((e: { resource: unknown }) => e.resource),
    );
    const values = byEncounter.entry.map(
      (e: { resource: { code: { coding: { code: string }[] }; valueBoolean: boolean } }) => [
        e.resource.code.coding[0]?.code,
        e.resource.valueBoolean,
      ],
    );
    expect(values).toEqual([
      ['headache', true],
      ['nausea', true],
      ['fever', false],
    ]);
    const headache = byEncounter.entry[0].resource;
    expect(headache).toMatchObject({ status: 'final', code: { coding: [{ system: SYMPTOMS }] } });
    expect(headache.note).toEqual([{ text: 'Severity: severe.' }, { text: 'Duration: 3 day(s).' }]);
    fhir(await asA(`/fhir/Observation/${headache.id}`));
    expect(fhir(await asA('/fhir/Observation')).total).toBe(3);
  });

  it('reads the Encounter: in progress, ambulatory, with its diagnosis', async () => {
    const body = fhir(await asA(`/fhir/Encounter/${encounterId}`));
    expect(body).toMatchObject({
      resourceType: 'Encounter',
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: `Patient/${patientId}` },
    });
    expect(body.period.start).toEqual(expect.any(String));
  });

  it('carries the latest analysis’s triage as the Encounter’s priority (ActPriority)', async () => {
    const priority = 'http://terminology.hl7.org/CodeSystem/v3-ActPriority';
    const analysis = await asA(`/api/v1/encounters/${encounterId}/analysis`);
    const expected = { emergency: 'EM', urgent: 'UR', consult: 'R', selfcare: 'EL' }[
      analysis.json().triage.level as 'emergency' | 'urgent' | 'consult' | 'selfcare'
    ];
    const routine = fhir(await asA(`/fhir/Encounter/${encounterId}`));
    expect(routine.priority.coding).toEqual([expect.objectContaining({ system: priority, code: expected })]);

    const visit = await s.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/encounters`,
      headers: a.headers,
      payload: {
        complaint: 'Fainted at home',
        findings: [{ symptom: 'unconsciousness', present: true }],
      },
    });
    const emergencyId = visit.json().id;
    const unanalysed = fhir(await asA(`/fhir/Encounter/${emergencyId}`));
    expect(unanalysed.priority).toBeUndefined();
    await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${emergencyId}/analyse`, headers: a.headers });
    const emergency = fhir(await asA(`/fhir/Encounter/${emergencyId}`));
    expect(emergency.priority).toEqual({
      coding: [{ system: priority, code: 'EM', display: 'emergency' }],
      text: 'Triage (advisory): emergency',
    });
  });

  it('exports the visit as a collection Bundle whose references all resolve', async () => {
    const body = fhir(await asA(`/fhir/Encounter/${encounterId}/$everything`));
    expect(body.type).toBe('collection');
    const types = body.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types).toEqual(['Encounter', 'Patient', 'Condition', 'Observation', 'Observation', 'Observation']);
    expect(body.entry[1].fullUrl).toMatch(new RegExp(`/fhir/Patient/${patientId}$`));
  });

  it('writes an audit row for every read', async () => {
    const before = await s.db.auditLog.count({ where: { actorId: a.user.id, action: { startsWith: 'fhir.' } } });
    await asA(`/fhir/Patient/${patientId}`);
    await asA(`/fhir/Encounter/${encounterId}/$everything`);
    await asA('/fhir/Patient/no-such-patient');
    const rows = await s.db.auditLog.findMany({
      where: { actorId: a.user.id, action: { startsWith: 'fhir.' } },
      orderBy: { id: 'asc' },
      skip: before,
    });
    expect(rows.map((r) => [r.action, r.entityId, r.outcome])).toEqual([
      ['fhir.patient.read', patientId, 'ok'],
      ['fhir.encounter.everything', encounterId, 'ok'],
      ['fhir.patient.read', 'no-such-patient', 'not_found'],
    ]);
  });
});

describe('FHIR patient data for anyone else', () => {
  it('answers 404 OperationOutcome to another practitioner’s reads, an empty Bundle to searches, never data', async () => {
    const condition = (await asA(`/fhir/Condition?patient=${patientId}`)).json().entry[0].resource.id;
    const urls = [
      `/fhir/Patient/${patientId}`,
      `/fhir/Encounter/${encounterId}`,
      `/fhir/Encounter/${encounterId}/$everything`,
      `/fhir/Condition/${condition}`,
    ];
    for (const url of urls) {
      const body = outcome(await get(url, { cookie: b.cookie }), 404, 'not-found');
      expect(JSON.stringify(body)).not.toContain('Amina');
    }
    for (const url of [`/fhir/Condition?patient=${patientId}`, `/fhir/Observation?encounter=${encounterId}`]) {
      const body = fhir(await get(url, { cookie: b.cookie }));
      expect(body).toMatchObject({ type: 'searchset', total: 0 });
      expect(body.entry).toBeUndefined();
    }
  });

  it('answers 404 OperationOutcome for unknown ids and paths', async () => {
    outcome(await asA('/fhir/Patient/nobody'), 404, 'not-found');
    outcome(await asA('/fhir/Observation/999999999'), 404, 'not-found');
    outcome(await asA('/fhir/Practitioner/1'), 404, 'not-found');
  });

  it('answers 401 OperationOutcome to an anonymous caller, 403 to an API key', async () => {
    outcome(await get(`/fhir/Patient/${patientId}`), 401, 'login');
    outcome(await get(`/fhir/Observation?patient=${patientId}`), 401, 'login');
    const key = await createTestApiKey(s.db, ['knowledge:read', 'engine:use', 'research:read']);
    outcome(await get(`/fhir/Patient/${patientId}`, key.headers), 403, 'forbidden');
  });
});

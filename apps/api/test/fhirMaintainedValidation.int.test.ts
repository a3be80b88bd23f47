// Every kind of resource the FHIR interface sends, checked by two maintained validators (Medplum with the official R4
// StructureDefinitions, and FHIR.js) as well as our own: no errors from any, and no value-set warning about a code of
// a system this server serves. Offline: the definitions come from npm packages.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, createSignedInUser, type SignedIn } from './factories.ts';
import { validateFhir } from './fhirValidation.ts';
import { type MaintainedValidators, maintainedValidators } from './maintainedValidators.ts';
import { createTestServer } from './testServer.ts';

const DISEASES = 'https://unani-cdss.org/fhir/CodeSystem/diseases';
const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const OUR_CODE_SYSTEMS = ['unani-cdss-diseases', 'unani-cdss-symptoms', 'namaste-numc', 'icd11-tm2'];

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
let validators: MaintainedValidators;
let ourSystems: Set<string>;
const ids = { patient: '', encounter: '', condition: '', observation: '' };

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim V');
  // The fixture knowledge base gives NUMC codes alone; here shaqeeqa gets its TM2 and ICD-10 codes too.
  await s.db.disease.update({ where: { code: 'shaqeeqa' }, data: { icd11Code: 'SK01', icd10Code: 'G43.9' } });
  // With a recorded date of birth and a clinic number, so Patient.birthDate and Patient.identifier are validated too.
  ids.patient = await createPatient(s.app, a, {
    name: 'Validated Patient',
    age: undefined,
    birthDate: '1990-04-02',
    clinicNumber: 'V-1',
  });
  const visit = await s.app.inject({
    method: 'POST',
    url: `/api/v1/patients/${ids.patient}/encounters`,
    headers: a.headers,
    payload: {
      complaint: 'Throbbing headache with nausea',
      findings: [
        { symptom: 'headache', present: true, severity: 'severe', durationDays: 3 },
        { symptom: 'nausea', present: true, uncertain: true },
        { symptom: 'fever', present: false },
      ],
    },
  });
  ids.encounter = visit.json().id;
  await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${ids.encounter}/analyse`, headers: a.headers });
  await s.app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${ids.encounter}/diagnosis`,
    headers: a.headers,
    payload: { diseaseCode: 'shaqeeqa', note: 'Left-sided' },
  });
  const asA = { cookie: a.cookie };
  ids.condition = (
    await s.app.inject({ url: `/fhir/Condition?patient=${ids.patient}`, headers: asA })
  ).json().entry[0].resource.id;
  ids.observation = (
    await s.app.inject({ url: `/fhir/Observation?encounter=${ids.encounter}`, headers: asA })
  ).json().entry[0].resource.id;
  const ourCodes = new Map<string, Set<string>>();
  for (const id of OUR_CODE_SYSTEMS) {
    const cs = (await s.app.inject({ url: `/fhir/CodeSystem/${id}` })).json();
    ourCodes.set(cs.url, new Set(cs.concept.map((c: { code: string }) => c.code)));
  }
  ourSystems = new Set(ourCodes.keys());
  validators = maintainedValidators(ourCodes);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const parameters = (...parameter: Record<string, unknown>[]) => ({ resourceType: 'Parameters', parameter });
const post = (url: string, payload: unknown): InjectOptions => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/fhir+json' },
  payload: JSON.stringify(payload),
});
const enc = encodeURIComponent;

/** What the server sends, by kind; each entry is a request and the resourceType (and Bundle type) expected. */
function requests(): [string, InjectOptions, string][] {
  const mine = (url: string): InjectOptions => ({ url, headers: { cookie: a.cookie } });
  return [
    ['CapabilityStatement', { url: '/fhir/metadata' }, 'CapabilityStatement'],
    ['Patient', mine(`/fhir/Patient/${ids.patient}`), 'Patient'],
    ['Encounter', mine(`/fhir/Encounter/${ids.encounter}`), 'Encounter'],
    ['Condition', mine(`/fhir/Condition/${ids.condition}`), 'Condition'],
    ['Observation', mine(`/fhir/Observation/${ids.observation}`), 'Observation'],
    ['Bundle searchset of Patients', mine('/fhir/Patient?name=validated'), 'Bundle searchset'],
    ['Bundle searchset of Conditions', mine(`/fhir/Condition?patient=${ids.patient}`), 'Bundle searchset'],
    ['Bundle searchset of Observations', mine(`/fhir/Observation?encounter=${ids.encounter}`), 'Bundle searchset'],
    ['Bundle searchset with an OperationOutcome', mine('/fhir/Patient?nonsense=1'), 'Bundle searchset'],
    ['Bundle collection ($everything)', mine(`/fhir/Encounter/${ids.encounter}/$everything`), 'Bundle collection'],
    ['Bundle searchset (Patient $everything)', mine(`/fhir/Patient/${ids.patient}/$everything`), 'Bundle searchset'],
    ['Bundle searchset of CodeSystems', { url: '/fhir/CodeSystem' }, 'Bundle searchset'],
    ['Bundle searchset of ValueSets', { url: '/fhir/ValueSet' }, 'Bundle searchset'],
    ['Bundle searchset of ConceptMaps', { url: '/fhir/ConceptMap' }, 'Bundle searchset'],
    ['Bundle searchset of StructureDefinitions', { url: '/fhir/StructureDefinition' }, 'Bundle searchset'],
    ...OUR_CODE_SYSTEMS.map((id): [string, InjectOptions, string] => [
      `CodeSystem ${id}`,
      { url: `/fhir/CodeSystem/${id}` },
      'CodeSystem',
    ]),
    ...OUR_CODE_SYSTEMS.map((id): [string, InjectOptions, string] => [
      `ValueSet ${id}`,
      { url: `/fhir/ValueSet/${id}` },
      'ValueSet',
    ]),
    ...OUR_CODE_SYSTEMS.map((id): [string, InjectOptions, string] => [
      `expanded ValueSet ${id}`,
      { url: `/fhir/ValueSet/${id}/$expand?includeDesignations=true&count=50` },
      'ValueSet',
    ]),
    [
      'expanded ValueSet (POST, filtered)',
      post(
        '/fhir/ValueSet/$expand',
        parameters(
          { name: 'url', valueUri: 'https://unani-cdss.org/fhir/ValueSet/namaste-numc' },
          { name: 'filter', valueString: 'humma' },
          { name: 'count', valueInteger: 5 },
        ),
      ),
      'ValueSet',
    ],
    ...[
      'unani-cdss-diseases-to-namaste-numc',
      'unani-cdss-diseases-to-icd11-tm2',
      'unani-cdss-diseases-to-icd10',
      'namaste-numc-to-icd11-tm2',
    ].map((id): [string, InjectOptions, string] => [
      `ConceptMap ${id}`,
      { url: `/fhir/ConceptMap/${id}` },
      'ConceptMap',
    ]),
    ['StructureDefinition', { url: '/fhir/StructureDefinition/patient-age' }, 'StructureDefinition'],
    ['Parameters ($lookup)', { url: `/fhir/CodeSystem/$lookup?system=${enc(NUMC)}&code=K-1` }, 'Parameters'],
    [
      'Parameters ($validate-code, false)',
      { url: `/fhir/CodeSystem/unani-cdss-diseases/$validate-code?code=shaqeeqa&display=Headache` },
      'Parameters',
    ],
    [
      'Parameters ($validate-code on a ValueSet, POST)',
      post(
        '/fhir/ValueSet/unani-cdss-diseases/$validate-code',
        parameters({
          name: 'coding',
          valueCoding: { system: DISEASES, code: 'zukam' },
        }),
      ),
      'Parameters',
    ],
    ['Parameters ($translate)', { url: `/fhir/ConceptMap/$translate?system=${enc(NUMC)}&code=K-1` }, 'Parameters'],
    [
      'Parameters ($translate, no match)',
      post(
        '/fhir/ConceptMap/$translate',
        parameters({ name: 'system', valueUri: ICD10 }, { name: 'code', valueCode: 'Z99.9' }),
      ),
      'Parameters',
    ],
    ['OperationOutcome (404)', { url: '/fhir/ValueSet/nothing' }, 'OperationOutcome'],
    ['OperationOutcome (400)', { url: '/fhir/ValueSet/$expand?count=abc' }, 'OperationOutcome'],
    ['OperationOutcome (401)', { url: `/fhir/Patient/${ids.patient}` }, 'OperationOutcome'],
  ];
}

describe('FHIR resources against maintained validators', () => {
  it('sends every kind of resource without an error from Medplum, FHIR.js or our validator', async () => {
    const failures: Record<string, unknown> = {};
    const foreignWarnings = new Set<string>();
    for (const [label, request, kind] of requests()) {
      const res = await s.app.inject(request);
      const body = res.json();
      const bundleType = body.resourceType === 'Bundle' ? ` ${body.type}` : '';
      expect(`${body.resourceType}${bundleType}`, label).toBe(kind);
      const report = validators.validate(body);
      const ours = report.valueSetWarnings.filter((w) => [...ourSystems].some((system) => w.includes(`(${system})`)));
      for (const w of report.valueSetWarnings.filter((x) => !ours.includes(x))) foreignWarnings.add(w);
      const home = validateFhir(body);
      const problems = {
        ...(report.medplum.length ? { medplum: report.medplum } : {}),
        ...(report.fhirJsErrors.length ? { fhirJs: report.fhirJsErrors } : {}),
        ...(ours.length ? { valueSetWarningsAboutOurCodes: ours } : {}),
        ...(report.otherWarnings.length ? { otherWarnings: report.otherWarnings } : {}),
        ...(home.length ? { ours: home } : {}),
      };
      if (Object.keys(problems).length) failures[label] = problems;
    }
    expect(failures).toEqual({});
    // The only codes FHIR.js cannot place are ICD-10's, which this server maps to but does not serve; R4 binds
    // Condition.code to its SNOMED CT example value set, which does not constrain the code.
    for (const w of foreignWarnings)
      expect(w).toMatch(/^Condition\.code: Code "[A-Z]\d\d(\.\d)?" \(http:\/\/hl7\.org\/fhir\/sid\/icd-10\)/);
  }, 120_000);

  it('rejects what is wrong: the validators are not silent', () => {
    const bad = {
      resourceType: 'Condition',
      id: 'x',
      subject: { reference: 'Patient/1' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'nope' }],
      },
      code: { coding: [{ system: DISEASES, code: 'no-such-disease' }] },
      unknownElement: true,
    };
    const report = validators.validate(bad);
    expect(report.medplum.length).toBeGreaterThan(0);
    expect(report.fhirJsErrors.length).toBeGreaterThan(0);
    expect(report.valueSetWarnings.join('\n')).toContain('no-such-disease');
  });
});

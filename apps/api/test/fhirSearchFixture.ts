// Two practitioners' records for the FHIR search tests, and helpers to read searchset answers. A has five patients
// (three visits, two confirmed diagnoses); B has one patient, named like one of A's, with a diagnosed visit.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/db/prisma.ts';
import { createPatient, createSignedInUser, type SignedIn } from './factories.ts';
import { validateFhir } from './fhirValidation.ts';

export const DISEASES = 'https://unani-cdss.org/fhir/CodeSystem/diseases';
export const SYMPTOMS = 'https://unani-cdss.org/fhir/CodeSystem/symptoms';
export const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
export const ICD11 = 'http://id.who.int/icd/release/11/mms';
/** Given to zukam in the test database only: the fixture knowledge base carries NUMC codes alone. */
export const ZUKAM_ICD11 = 'CA00';

type Finding = { symptom: string; present: boolean; severity?: 'mild' | 'moderate' | 'severe' };

export interface SearchFixture {
  a: SignedIn;
  b: SignedIn;
  /** A's patients, in the order they were created. */
  patients: { amina: string; jose: string; khalid: string; percent: string; zainab: string };
  /** A's visits: amina's diagnosed migraine, khalid's diagnosed cold, amina's later fever. */
  visits: { migraine: string; cold: string; fever: string };
  bPatient: string;
  bVisit: string;
}

async function post(app: FastifyInstance, as: SignedIn, url: string, payload: object) {
  const res = await app.inject({ method: 'POST', url, headers: as.headers, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

async function visit(app: FastifyInstance, as: SignedIn, patientId: string, findings: Finding[], disease?: string) {
  const id = await post(app, as, `/api/v1/patients/${patientId}/encounters`, { complaint: 'as recorded', findings });
  if (disease) await post(app, as, `/api/v1/encounters/${id}/diagnosis`, { diseaseCode: disease });
  return id;
}

export async function seedSearchFixture(app: FastifyInstance, db: Db): Promise<SearchFixture> {
  await db.disease.update({ where: { code: 'zukam' }, data: { icd11Code: ZUKAM_ICD11 } });
  const a = await createSignedInUser(app, db, 'practitioner', 'Hakim A');
  const b = await createSignedInUser(app, db, 'practitioner', 'Hakim B');
  const patients = {
    amina: await createPatient(app, a, { name: 'Amina Khan', sex: 'female' }),
    jose: await createPatient(app, a, { name: 'José Núñez', sex: 'male' }),
    // A recorded date of birth and a clinic number; Zainab's birth date is estimated from an age.
    khalid: await createPatient(app, a, {
      name: 'Khalid Rahman',
      sex: 'male',
      age: undefined,
      birthDate: '1980-03-15',
      clinicNumber: 'K-100',
    }),
    percent: await createPatient(app, a, { name: '100% Pure', sex: 'other' }),
    zainab: await createPatient(app, a, {
      name: 'Zainab Ali',
      sex: 'female',
      age: undefined,
      birthDate: '1981-06-01',
      birthDateEstimated: true,
    }),
  };
  const migraine = await visit(
    app,
    a,
    patients.amina,
    [
      { symptom: 'headache', present: true, severity: 'severe' },
      { symptom: 'nausea', present: true },
      { symptom: 'fever', present: false },
    ],
    'shaqeeqa',
  );
  const cold = await visit(
    app,
    a,
    patients.khalid,
    [
      { symptom: 'fever', present: true },
      { symptom: 'sneezing', present: true },
      { symptom: 'runny-nose', present: true },
    ],
    'zukam',
  );
  const fever = await visit(app, a, patients.amina, [{ symptom: 'fever', present: true }]);
  const bPatient = await createPatient(app, b, { name: 'Amina Bibi', sex: 'female' });
  const bVisit = await visit(
    app,
    b,
    bPatient,
    [
      { symptom: 'headache', present: true },
      { symptom: 'fever', present: true },
    ],
    'shaqeeqa',
  );
  return { a, b, patients, visits: { migraine, cold, fever }, bPatient, bVisit };
}

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; id?: string; [k: string]: unknown };
  search?: { mode: string };
}
export interface SearchBundle {
  resourceType: 'Bundle';
  type: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: Entry[];
}

/** A FHIR answer: the status, the FHIR content type, and a resource the R4 validator accepts. */
export function fhirAnswer<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json();
  expect(validateFhir(body)).toEqual([]);
  return body as T;
}

/** A searchset, checked as a FHIR answer. */
export function searchset(res: LightMyRequestResponse): SearchBundle {
  const body = fhirAnswer<SearchBundle>(res);
  expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return body;
}

/** The ids of the matches, in order. */
export const matchIds = (bundle: SearchBundle) =>
  (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource.id);

export const linkOf = (bundle: SearchBundle, relation: string) => bundle.link.find((l) => l.relation === relation)?.url;

/** The path and query of an absolute link, to send through inject. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

// The FHIR interface as a standard client sees it: fhir-kit-client against the server on a loopback port, with a
// practitioner's bearer token and no cookie — metadata, reads, searches paged to the end, Patient $everything.
import type { AddressInfo } from 'node:net';
import { Client, type FhirResource } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { type SearchFixture, SYMPTOMS, seedSearchFixture } from './fhirSearchFixture.ts';
import { createTestServer } from './testServer.ts';

const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
const NUMC_VALUE_SET = 'https://unani-cdss.org/fhir/ValueSet/namaste-numc';
const ICD11 = 'http://id.who.int/icd/release/11/mms';

interface Bundle {
  resourceType: 'Bundle';
  type: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { resource: { resourceType: string; id: string; [k: string]: unknown } }[];
}

let s: Awaited<ReturnType<typeof createTestServer>>;
let f: SearchFixture;
let client: Client;
let baseUrl: string;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  f = await seedSearchFixture(s.app, s.db);
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}/fhir`;
  const key = await createApiKey(s.db, f.a.user.id, 'fhir-kit-client', ['fhir:read']);
  client = new Client({ baseUrl, bearerToken: key.key });
}, 120_000);
afterAll(async () => {
  await s.close();
});

const asBundle = (resource: FhirResource) => resource as unknown as Bundle;
const ids = (bundle: Bundle) => (bundle.entry ?? []).map((e) => `${e.resource.resourceType}/${e.resource.id}`);

describe('fhir-kit-client with a bearer token', () => {
  it('reads the CapabilityStatement', async () => {
    const statement = (await client.capabilityStatement()) as unknown as {
      resourceType: string;
      fhirVersion: string;
      rest: { resource: { type: string; operation?: { name: string }[] }[] }[];
    };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const patient = statement.rest[0]?.resource.find((r) => r.type === 'Patient');
    expect(patient?.operation?.map((o) => o.name)).toContain('everything');
  });

  it('reads a Patient, and is refused another practitioner’s', async () => {
    const patient = (await client.read({ resourceType: 'Patient', id: f.patients.khalid })) as unknown as {
      id: string;
      name: { text: string }[];
    };
    expect(patient).toMatchObject({ id: f.patients.khalid, name: [{ text: 'Khalid Rahman' }] });
    await expect(client.read({ resourceType: 'Patient', id: f.bPatient })).rejects.toMatchObject({
      response: { status: 404 },
    });
  });

  it('searches Patients by name', async () => {
    const found = asBundle(await client.search({ resourceType: 'Patient', searchParams: { name: 'khalid' } }));
    expect(found.type).toBe('searchset');
    expect(ids(found)).toEqual([`Patient/${f.patients.khalid}`]);
  });

  it('pages Observation?patient=…&_count=1 to the end with nextPage()', async () => {
    const expected = await s.db.finding.findMany({
      where: { encounter: { patientId: f.patients.amina } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    let page: Bundle | undefined = asBundle(
      await client.search({ resourceType: 'Observation', searchParams: { patient: f.patients.amina, _count: 1 } }),
    );
    expect(page.total).toBe(expected.length);
    const seen: string[] = [];
    let pages = 0;
    while (page) {
      seen.push(...ids(page));
      pages++;
      expect(pages, 'nextPage() never ends').toBeLessThanOrEqual(expected.length);
      const next = client.nextPage({ bundle: page as unknown as Parameters<Client['nextPage']>[0]['bundle'] });
      page = next ? asBundle(await next) : undefined;
    }
    expect(pages).toBe(expected.length);
    expect(seen).toEqual(expected.map((r) => `Observation/${r.id}`));
  });

  it('filters Observations by code, with or without the system', async () => {
    const fever = await s.db.finding.findMany({
      where: { encounter: { practitionerId: f.a.user.id }, symptom: { code: 'fever' } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    for (const code of ['fever', `${SYMPTOMS}|fever`]) {
      const found = asBundle(await client.search({ resourceType: 'Observation', searchParams: { code } }));
      expect(ids(found), code).toEqual(fever.map((r) => `Observation/${r.id}`));
    }
  });

  it('runs Patient $everything', async () => {
    const everything = asBundle(
      await client.operation({ name: '$everything', resourceType: 'Patient', id: f.patients.amina, method: 'GET' }),
    );
    const got = ids(everything);
    expect(got[0]).toBe(`Patient/${f.patients.amina}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `Encounter/${f.visits.migraine}`,
        `Encounter/${f.visits.fever}`,
        expect.stringMatching(/^Condition\//),
        expect.stringMatching(/^Observation\//),
      ]),
    );
    expect(got).not.toContain(`Encounter/${f.visits.cold}`);
    const findings = await s.db.finding.count({ where: { encounter: { patientId: f.patients.amina } } });
    expect(got.filter((id) => id.startsWith('Observation/'))).toHaveLength(findings);
  });

  it('expands the NAMASTE ValueSet with a filter, a page at a time ($expand)', async () => {
    const expand = (offset: number) =>
      client.operation({
        name: '$expand',
        resourceType: 'ValueSet',
        method: 'GET',
        input: { url: NUMC_VALUE_SET, filter: 'humma', count: 2, offset },
      }) as unknown as Promise<{ expansion: { total: number; contains: { system: string; code: string }[] } }>;
    const first = await expand(0);
    expect(first.expansion.total).toBeGreaterThan(2);
    expect(first.expansion.contains).toHaveLength(2);
    expect(first.expansion.contains[0]?.system).toBe(NUMC);
    const second = await expand(2);
    expect(second.expansion.contains[0]?.code).not.toBe(first.expansion.contains[0]?.code);
  });

  it('translates NAMASTE K-1 to its ICD-11 TM2 code by POST ($translate)', async () => {
    const answer = (await client.operation({
      name: '$translate',
      resourceType: 'ConceptMap',
      input: {
        resourceType: 'Parameters',
        parameter: [
          { name: 'system', valueUri: NUMC },
          { name: 'code', valueCode: 'K-1' },
          { name: 'targetsystem', valueUri: ICD11 },
        ],
      },
    })) as unknown as {
      parameter: { name: string; valueBoolean?: boolean; part?: { name: string; valueCoding?: { code: string } }[] }[];
    };
    expect(answer.parameter.find((p) => p.name === 'result')?.valueBoolean).toBe(true);
    const concepts = answer.parameter
      .filter((p) => p.name === 'match')
      .flatMap((p) => p.part ?? [])
      .filter((part) => part.name === 'concept')
      .map((part) => part.valueCoding?.code);
    expect(concepts).toContain('SP51');
  });
});

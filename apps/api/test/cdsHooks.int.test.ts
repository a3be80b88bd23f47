import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from './factories.ts';
import { validateFhir } from './fhirValidation.ts';
import { createTestServer } from './testServer.ts';

const SYMPTOMS = 'https://unani-cdss.org/fhir/CodeSystem/symptoms';
const URL = '/cds-services/unani-cdss-differential';

let s: Awaited<ReturnType<typeof createTestServer>>;
let key: Record<string, string>;
beforeAll(async () => {
  s = await createTestServer({ engine: true });
  // A CDS client calls for a practitioner: its key is a practitioner's.
  key = (await createTestApiKey(s.db, ['engine:use'], 'practitioner')).headers;
}, 120_000);
afterAll(async () => {
  await s.close();
});

function observation(code: string, present: boolean, patientId = 'p1', system = SYMPTOMS) {
  return {
    resourceType: 'Observation',
    id: `${code}-${present}`,
    status: 'final',
    code: { coding: [{ system, code }] },
    subject: { reference: `Patient/${patientId}` },
    valueBoolean: present,
  };
}

function observations(...resources: ReturnType<typeof observation>[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ fullUrl: `http://ehr.example/fhir/Observation/${resource.id}`, resource })),
  };
}

function hook(prefetch?: Record<string, unknown>) {
  return {
    hookInstance: randomUUID(),
    hook: 'patient-view',
    context: { userId: 'Practitioner/7', patientId: 'p1' },
    ...(prefetch ? { prefetch } : {}),
  };
}

type Card = {
  summary: string;
  detail: string;
  indicator: string;
  source: { label: string };
  links: { type: string }[];
};

async function call(payload: unknown, headers = key) {
  return s.app.inject({ method: 'POST', url: URL, headers, payload: payload as Record<string, unknown> });
}

async function cards(payload: unknown): Promise<Card[]> {
  const res = await call(payload);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { cards: Card[] };
  for (const c of body.cards) {
    expect(c.summary.length).toBeLessThan(140);
    expect(c.source.label).toBe('Unani CDSS');
    expect(c.links[0]?.type).toBe('absolute');
  }
  return body.cards;
}

describe('CDS Hooks discovery', () => {
  it('offers one patient-view service with prefetch templates, to anyone', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      services: [
        expect.objectContaining({
          hook: 'patient-view',
          id: 'unani-cdss-differential',
          title: expect.any(String),
          description: expect.any(String),
          prefetch: {
            conditions: 'Condition?patient={{context.patientId}}',
            observations: 'Observation?patient={{context.patientId}}',
          },
        }),
      ],
    });
  });
});

describe('CDS Hooks patient-view', () => {
  it('names Shaqeeqa (Migraine) first for headache, nausea and photophobia', async () => {
    const result = await cards(
      hook({
        observations: observations(
          observation('headache', true),
          observation('nausea', true),
          observation('photophobia', true),
          observation('not-our-code', true),
          observation('sneezing', true, 'p1', 'http://snomed.info/sct'),
        ),
      }),
    );
    expect(result).toHaveLength(1);
    const [info] = result;
    expect(info?.indicator).toBe('info');
    expect(info?.summary).toMatch(/^Unani differential: Shaqeeqa \(Migraine\) \d+%/);
    expect(info?.detail).toMatch(/advisory/);
  });

  it('puts the emergency triage and the red flag first, as critical cards, when the patient has lost consciousness', async () => {
    const result = await cards(
      hook({ observations: observations(observation('unconsciousness', true), observation('fever', true)) }),
    );
    expect(result.map((c) => c.indicator)).toEqual(['critical', 'critical', 'info']);
    expect(result[0]?.summary).toMatch(/^Triage: emergency/);
    expect(result[1]?.summary).toMatch(/Loss of consciousness/);
  });

  it('counts absent findings and ignores another patient’s observations', async () => {
    const result = await cards(
      hook({
        observations: observations(
          observation('unconsciousness', true, 'someone-else'),
          observation('unconsciousness', false),
          observation('sneezing', true),
        ),
      }),
    );
    expect(result.map((c) => c.indicator)).toEqual(['info']);
    expect(result[0]?.summary).toMatch(/^Unani differential: Zukam/);
  });

  it('answers one info card when there is nothing to go on', async () => {
    for (const prefetch of [
      undefined,
      { observations: null },
      { observations: observations(observation('x', true)) },
    ]) {
      const result = await cards(hook(prefetch));
      expect(result.map((c) => [c.indicator, c.summary])).toEqual([
        ['info', 'Not enough information for a Unani differential'],
      ]);
    }
  });

  it('refuses a malformed request with 400', async () => {
    const { hook: _hook, ...noHook } = hook();
    for (const payload of [noHook, { ...hook(), hook: 'order-sign' }, { ...hook(), context: { userId: 'u' } }]) {
      const res = await call(payload);
      expect(res.statusCode).toBe(400);
    }
  });

  it('needs a practitioner’s or admin’s API key with engine:use: 401 without, 403 otherwise', async () => {
    expect((await call(hook(), {})).statusCode).toBe(401);
    const other = await createTestApiKey(s.db, ['knowledge:read'], 'practitioner');
    expect((await call(hook(), other.headers)).statusCode).toBe(403);
    const researchers = await createTestApiKey(s.db, ['engine:use'], 'researcher');
    expect((await call(hook(), researchers.headers)).statusCode).toBe(403);
  });

  it('stores nothing', async () => {
    const before = await Promise.all([s.db.suggestion.count(), s.db.encounter.count(), s.db.patient.count()]);
    await cards(hook({ observations: observations(observation('headache', true)) }));
    expect(await Promise.all([s.db.suggestion.count(), s.db.encounter.count(), s.db.patient.count()])).toEqual(before);
  });
});

describe('the FHIR validator', () => {
  it('accepts the test fixtures it is given', () => {
    expect(validateFhir(observations(observation('headache', true)))).toEqual([]);
  });

  it('catches wrong value sets, missing required elements and bad formats', () => {
    const issues = validateFhir({
      resourceType: 'Observation',
      id: 'has spaces',
      status: 'done',
      subject: { reference: 'Patient/1' },
      effectiveDateTime: '26/11/2025',
      valueBoolean: true,
      valueString: 'yes',
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'Observation.code',
      'Observation.effectiveDateTime',
      'Observation.id',
      'Observation.status',
      'Observation.value[x]',
    ]);
  });

  it('catches unknown resource types, bad Condition codings and empty elements', () => {
    expect(validateFhir({ resourceType: 'Diagnosis', id: '1' })).toHaveLength(1);
    const issues = validateFhir({
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'gone' }],
      },
      verificationStatus: { coding: [{ system: 'http://example.org/status', code: 'confirmed' }] },
      code: { text: '' },
      note: [],
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'Condition.clinicalStatus.coding.code',
      'Condition.code.text',
      'Condition.note',
      'Condition.subject',
      'Condition.verificationStatus.coding',
    ]);
  });

  it('catches Bundle references that do not resolve and a wrong Bundle type', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'export',
      entry: [
        {
          fullUrl: 'http://x.org/fhir/Encounter/e1',
          resource: {
            resourceType: 'Encounter',
            id: 'e1',
            status: 'done',
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
            subject: { reference: 'Patient/missing' },
          },
        },
      ],
    };
    expect(validateFhir(bundle).map((i) => i.message)).toEqual([
      '"export" is not one of document|message|transaction|transaction-response|batch|batch-response|history|searchset|collection',
      expect.stringMatching(/^"done" is not one of/),
      '"Patient/missing" does not resolve inside the Bundle',
    ]);
    expect(validateFhir({ resourceType: 'OperationOutcome', issue: [{ severity: 'bad', code: 'oops' }] })).toHaveLength(
      2,
    );
  });
});

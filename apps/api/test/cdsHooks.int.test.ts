import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from './factories.ts';
import { validateFhir } from './fhirValidation.ts';
import { createTestServer } from './testServer.ts';

const SYMPTOMS = 'https://unani-cdss.org/fhir/CodeSystem/symptoms';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const DISEASES = 'https://unani-cdss.org/fhir/CodeSystem/diseases';
const URL = '/cds-services/unani-cdss-differential';
const FEEDBACK_URL = `${URL}/feedback`;

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
  uuid: string;
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
    expect(c.summary).not.toMatch(/…$/);
    expect(c.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
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
            patient: 'Patient/{{context.patientId}}',
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

  it('answers no cards when there is nothing to go on', async () => {
    for (const prefetch of [
      undefined,
      { observations: null },
      { observations: observations(observation('x', true)) },
      { observations: observations(observation('271807003', true, 'p1', SNOMED)), patient: adult },
      { patient: adult, conditions: conditions(condition('zukam')) },
    ]) {
      const res = await call(hook(prefetch));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ cards: [] });
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

function patientBorn(birthDate: string, id = 'p1') {
  return { resourceType: 'Patient', id, birthDate, gender: 'female' };
}
/** Born this many days before today. */
const bornDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const adult = patientBorn(bornDaysAgo(Math.round(34.3 * 365.25)));

function condition(disease: string, verification = 'confirmed') {
  return {
    resourceType: 'Condition',
    id: `c-${disease}`,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: verification }],
    },
    code: { coding: [{ system: DISEASES, code: disease }] },
    subject: { reference: 'Patient/p1' },
  };
}
function conditions(...resources: ReturnType<typeof condition>[]) {
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
}

const INFANT_FLAG = /infant under 3 months/i;

describe('CDS Hooks patient-view with SNOMED CT and ICD-10 codes', () => {
  it('reads SNOMED CT fever, cough and nasal discharge into a differential card', async () => {
    const result = await cards(
      hook({
        patient: adult,
        observations: observations(
          observation('386661006', true, 'p1', SNOMED),
          observation('49727002', true, 'p1', SNOMED),
          observation('64531003', true, 'p1', SNOMED),
        ),
      }),
    );
    expect(result.map((c) => c.indicator)).toEqual(['info']);
    expect(result[0]?.summary).toMatch(/^Unani differential: Zukam/);
    expect(result[0]?.detail).toMatch(/supported by .*fever/i);
  });

  it('reads ICD-10 codes, and an absent SNOMED finding as absent', async () => {
    const result = await cards(
      hook({
        patient: adult,
        observations: observations(
          observation('R51', true, 'p1', ICD10),
          observation('422587007', true, 'p1', SNOMED),
          observation('409668002', true, 'p1', SNOMED),
          observation('R50.9', false, 'p1', ICD10),
        ),
      }),
    );
    expect(result[0]?.summary).toMatch(/^Unani differential: Shaqeeqa/);
  });
});

describe('CDS Hooks patient-view: age-bound warnings', () => {
  const fever = () => observations(observation('386661006', true, 'p1', SNOMED));

  it('gives a 34-year-old with fever no infant alert', async () => {
    const result = await cards(hook({ patient: adult, observations: fever() }));
    expect(result.map((c) => c.indicator)).toEqual(['info']);
    expect(result.some((c) => INFANT_FLAG.test(`${c.summary} ${c.detail}`))).toBe(false);
  });

  it('raises no age-bound alert without a Patient, and asks for the age instead', async () => {
    for (const prefetch of [{ observations: fever() }, { observations: fever(), patient: null }]) {
      const result = await cards(hook(prefetch));
      expect(result.map((c) => c.indicator)).toEqual(['info']);
      expect(result.some((c) => INFANT_FLAG.test(`${c.summary} ${c.detail}`))).toBe(false);
      expect(result[0]?.detail).toMatch(/age decides whether a rule for infants or children applies/);
    }
  });

  it('raises no age-bound alert for another patient’s Patient resource', async () => {
    const result = await cards(hook({ patient: patientBorn(bornDaysAgo(60), 'someone-else'), observations: fever() }));
    expect(result.map((c) => c.indicator)).toEqual(['info']);
  });

  it('gives a 2-month-old with fever the critical infant card, from the birth date or our age extension', async () => {
    const byExtension = {
      resourceType: 'Patient',
      id: 'p1',
      extension: [
        {
          url: 'https://unani-cdss.org/fhir/StructureDefinition/patient-age',
          valueAge: { value: 2, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' },
        },
      ],
    };
    for (const patient of [patientBorn(bornDaysAgo(61)), byExtension]) {
      const result = await cards(hook({ patient, observations: fever() }));
      expect(result.map((c) => c.indicator)).toEqual(['critical', 'critical', 'info']);
      expect(result[0]?.summary).toMatch(/^Triage: emergency/);
      expect(result[1]?.summary).toMatch(INFANT_FLAG);
    }
  });
});

describe('CDS Hooks patient-view: conditions already diagnosed', () => {
  const symptoms = () =>
    observations(observation('sneezing', true), observation('runny-nose', true), observation('fever', true));

  it('does not suggest a confirmed diagnosis again', async () => {
    const before = await cards(hook({ patient: adult, observations: symptoms() }));
    expect(before.map((c) => c.summary)).toEqual([
      expect.stringMatching(/^Unani differential: Zukam \(Common cold\) \d+%$/),
    ]);
    // Zukam was the whole differential: with it recorded, there is nothing new to say.
    const after = await cards(
      hook({ patient: adult, observations: symptoms(), conditions: conditions(condition('zukam')) }),
    );
    expect(after).toEqual([]);
  });

  it('still suggests a diagnosis that is only provisional', async () => {
    const result = await cards(
      hook({ patient: adult, observations: symptoms(), conditions: conditions(condition('zukam', 'provisional')) }),
    );
    expect(result[0]?.summary).toMatch(/^Unani differential: Zukam/);
  });
});

describe('CDS Hooks feedback', () => {
  const post = (payload: unknown, headers = key) =>
    s.app.inject({ method: 'POST', url: FEEDBACK_URL, headers, payload: payload as Record<string, unknown> });

  it('stores accepted and overridden outcomes of our cards, with the audit row', async () => {
    const [card] = await cards(hook({ patient: adult, observations: observations(observation('headache', true)) }));
    if (!card) throw new Error('a card');
    const res = await post({
      feedback: [
        { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [], outcomeTimestamp: '2026-12-01T10:00:00Z' },
        {
          card: card.uuid,
          outcome: 'overridden',
          overrideReason: {
            reason: { system: 'http://example.org/override-reasons', code: 'not-relevant', display: 'Not relevant' },
            userComment: 'Known migraine, already treated',
          },
          outcomeTimestamp: '2026-12-01T10:05:00+05:00',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({});
    const stored = await s.db.cdsFeedback.findMany({ where: { cardUuid: card.uuid }, orderBy: { outcome: 'asc' } });
    expect(stored).toMatchObject([
      { serviceId: 'unani-cdss-differential', outcome: 'accepted', acceptedSuggestions: [], overrideReason: null },
      {
        outcome: 'overridden',
        overrideReason: { reason: { code: 'not-relevant' }, userComment: 'Known migraine, already treated' },
        outcomeTimestamp: new Date('2026-12-01T05:05:00Z'),
      },
    ]);
    const audit = await s.db.auditLog.findFirst({ where: { requestId: stored[0]?.requestId ?? '' } });
    expect(audit).toMatchObject({ action: 'cds.feedback', entity: 'cdsFeedback', outcome: 'ok', actorKind: 'apiKey' });
  });

  it('refuses malformed feedback with 400 and stores nothing', async () => {
    const card = randomUUID();
    const at = '2026-12-01T10:00:00Z';
    const before = await s.db.cdsFeedback.count();
    for (const payload of [
      {},
      { feedback: [] },
      { feedback: [{ card, outcome: 'accepted' }] },
      { feedback: [{ card, outcome: 'ignored', outcomeTimestamp: at }] },
      { feedback: [{ card: 'not-a-uuid', outcome: 'accepted', outcomeTimestamp: at }] },
      { feedback: [{ card, outcome: 'accepted', outcomeTimestamp: 'yesterday' }] },
      { feedback: [{ card, outcome: 'accepted', outcomeTimestamp: at, overrideReason: { userComment: 'x' } }] },
      { feedback: [{ card, outcome: 'overridden', outcomeTimestamp: at, acceptedSuggestions: [{ id: 'a' }] }] },
      {
        feedback: [{ card, outcome: 'overridden', outcomeTimestamp: at, overrideReason: { reason: { display: 'x' } } }],
      },
    ]) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await s.db.cdsFeedback.count()).toBe(before);
  });

  it('needs the same key as the hook: 401 without, 403 without engine:use', async () => {
    const body = { feedback: [{ card: randomUUID(), outcome: 'accepted', outcomeTimestamp: '2026-12-01T10:00:00Z' }] };
    expect((await post(body, {})).statusCode).toBe(401);
    const other = await createTestApiKey(s.db, ['knowledge:read'], 'practitioner');
    expect((await post(body, other.headers)).statusCode).toBe(403);
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

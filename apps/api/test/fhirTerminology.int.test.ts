// The FHIR terminology operations: ValueSet $expand (filter, offset/count paging, total), ConceptMap $translate
// (NUMC → TM2, our code → ICD-10, reverse, no match), $validate-code on CodeSystems and ValueSets — by GET and by POST
// with a Parameters body.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFhir } from './fhirValidation.ts';
import { createTestServer } from './testServer.ts';

const DISEASES = 'https://unani-cdss.org/fhir/CodeSystem/diseases';
const NUMC = 'https://unani-cdss.org/fhir/CodeSystem/namaste-numc';
const ICD11 = 'http://id.who.int/icd/release/11/mms';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const NUMC_VS = 'https://unani-cdss.org/fhir/ValueSet/namaste-numc';
const DISEASES_VS = 'https://unani-cdss.org/fhir/ValueSet/diseases';
const enc = encodeURIComponent;

let s: Awaited<ReturnType<typeof createTestServer>>;

beforeAll(async () => {
  s = await createTestServer({ knowledge: true });
  // The fixture knowledge base gives NUMC codes alone; here shaqeeqa gets its TM2 and ICD-10 codes too.
  await s.db.disease.update({ where: { code: 'shaqeeqa' }, data: { icd11Code: 'SK01', icd10Code: 'G43.9' } });
}, 120_000);
afterAll(async () => {
  await s.close();
});

const get = (url: string) => s.app.inject({ method: 'GET', url });
const post = (url: string, parameter: Record<string, unknown>[], contentType = 'application/fhir+json') =>
  s.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType },
    payload: JSON.stringify({ resourceType: 'Parameters', parameter }),
  });

function fhir(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json();
  expect(validateFhir(body)).toEqual([]);
  return body;
}

type Param = { name: string; valueBoolean?: boolean; valueString?: string; part?: Param[]; valueCoding?: unknown };
const param = (body: { parameter: Param[] }, name: string) => body.parameter.find((p) => p.name === name);
const matches = (body: { parameter: Param[] }) =>
  body.parameter
    .filter((p) => p.name === 'match')
    .map((m) => Object.fromEntries((m.part ?? []).map((p) => [p.name, Object.values(p)[1]])));

describe('ValueSet $expand', () => {
  it('pages a filtered expansion with offset and count, total counting every match', async () => {
    const whole = fhir(await get(`/fhir/ValueSet/namaste-numc/$expand?filter=humma`));
    expect(whole.expansion.total).toBeGreaterThan(10);
    expect(whole.expansion.contains).toHaveLength(whole.expansion.total);
    for (const c of whole.expansion.contains) expect(c.system).toBe(NUMC);
    const first = fhir(await get(`/fhir/ValueSet/namaste-numc/$expand?filter=humma&count=3`));
    const second = fhir(await get(`/fhir/ValueSet/$expand?url=${enc(NUMC_VS)}&filter=humma&offset=3&count=3`));
    const codes = (v: { expansion: { contains: { code: string }[] } }) => v.expansion.contains.map((c) => c.code);
    expect(first.expansion).toMatchObject({ total: whole.expansion.total, offset: 0 });
    expect(second.expansion).toMatchObject({ total: whole.expansion.total, offset: 3 });
    expect([...codes(first), ...codes(second)]).toEqual(codes(whole).slice(0, 6));
    expect(second.expansion.parameter).toEqual(
      expect.arrayContaining([
        { name: 'filter', valueString: 'humma' },
        { name: 'offset', valueInteger: 3 },
        { name: 'count', valueInteger: 3 },
      ]),
    );
  });

  it('matches every word of the filter, without regard to case or diacritics', async () => {
    const body = fhir(await get(`/fhir/ValueSet/namaste-numc/$expand?filter=${enc('HUMMA yawm')}`));
    const codes = body.expansion.contains.map((c: { code: string }) => c.code);
    expect(codes).toContain('K-1.1');
    expect(codes).not.toContain('K-1');
    const none = fhir(await get('/fhir/ValueSet/unani-cdss-diseases/$expand?filter=nothing-like-this'));
    expect(none.expansion.total).toBe(0);
    expect(none.expansion.contains).toBeUndefined();
  });

  it('expands by POST with a Parameters body, as fhir+json or json, with designations on request', async () => {
    const parameters = [
      { name: 'url', valueUri: DISEASES_VS },
      { name: 'filter', valueString: 'migraine' },
      { name: 'count', valueInteger: 10 },
      { name: 'includeDesignations', valueBoolean: true },
    ];
    for (const type of ['application/fhir+json', 'application/json']) {
      const body = fhir(await post('/fhir/ValueSet/$expand', parameters, type));
      expect(body.expansion.total).toBe(1);
      expect(body.expansion.contains[0]).toMatchObject({ system: DISEASES, code: 'shaqeeqa', display: 'Migraine' });
      expect(body.expansion.contains[0].designation).toContainEqual(expect.objectContaining({ value: 'Shaqeeqa' }));
    }
    const byId = fhir(await post('/fhir/ValueSet/icd11-tm2/$expand', [{ name: 'filter', valueString: 'migraine' }]));
    expect(byId.expansion.contains).toEqual([expect.objectContaining({ system: ICD11, code: 'SK01' })]);
  });

  it('answers 400 for a bad count or an unknown parameter, 404 for an unknown ValueSet', async () => {
    fhir(await get('/fhir/ValueSet/namaste-numc/$expand?count=-1'), 400);
    fhir(await get('/fhir/ValueSet/namaste-numc/$expand?count=5000'), 400);
    fhir(await post('/fhir/ValueSet/namaste-numc/$expand', [{ name: 'count', valueString: 'ten' }]), 400);
    fhir(
      await post('/fhir/ValueSet/namaste-numc/$expand', [{ name: 'filter', valueInteger: 1, valueString: 'x' }]),
      400,
    );
    fhir(await get('/fhir/ValueSet/$expand'), 400);
    fhir(await get(`/fhir/ValueSet/$expand?url=${enc('http://example.org/vs')}`), 404);
    fhir(await get('/fhir/ValueSet/nothing/$expand'), 404);
  });
});

describe('ConceptMap $translate', () => {
  it('translates NUMC K-1 (Ḥummā) to its TM2 category, by GET and POST', async () => {
    const byGet = fhir(await get(`/fhir/ConceptMap/$translate?system=${enc(NUMC)}&code=K-1`));
    const byPost = fhir(
      await post('/fhir/ConceptMap/$translate', [
        { name: 'system', valueUri: NUMC },
        { name: 'code', valueCode: 'K-1' },
      ]),
    );
    for (const body of [byGet, byPost]) {
      expect(param(body, 'result')?.valueBoolean).toBe(true);
      expect(matches(body)).toEqual([
        {
          equivalence: 'equivalent',
          concept: expect.objectContaining({ system: ICD11, code: 'SP51', display: 'Fever disorder (TM2)' }),
          source: 'https://unani-cdss.org/fhir/ConceptMap/namaste-numc-to-icd11-tm2',
        },
      ]);
    }
  });

  it('translates our code to ICD-10, and ICD-10 back to our code (reverse)', async () => {
    const forward = fhir(
      await get(`/fhir/ConceptMap/$translate?system=${enc(DISEASES)}&code=shaqeeqa&targetsystem=${enc(ICD10)}`),
    );
    expect(param(forward, 'result')?.valueBoolean).toBe(true);
    expect(matches(forward)).toEqual([
      expect.objectContaining({ equivalence: 'equivalent', concept: { system: ICD10, code: 'G43.9' } }),
    ]);
    const all = fhir(await get(`/fhir/ConceptMap/$translate?system=${enc(DISEASES)}&code=shaqeeqa`));
    expect(matches(all).map((m) => (m.concept as { system: string }).system)).toEqual([NUMC, ICD11, ICD10]);
    const back = fhir(
      await post('/fhir/ConceptMap/unani-cdss-diseases-to-icd10/$translate', [
        { name: 'coding', valueCoding: { system: ICD10, code: 'G43.9' } },
        { name: 'reverse', valueBoolean: true },
      ]),
    );
    expect(matches(back)).toEqual([
      expect.objectContaining({ concept: { system: DISEASES, code: 'shaqeeqa', display: 'Migraine' } }),
    ]);
  });

  it('answers result false, with a message, for a code nothing maps', async () => {
    for (const res of [
      await get(`/fhir/ConceptMap/$translate?system=${enc(NUMC)}&code=NO-SUCH`),
      await get(`/fhir/ConceptMap/$translate?system=${enc('http://example.org/x')}&code=K-1`),
      await post('/fhir/ConceptMap/namaste-numc-to-icd11-tm2/$translate', [
        { name: 'system', valueUri: DISEASES },
        { name: 'code', valueCode: 'shaqeeqa' },
      ]),
    ]) {
      const body = fhir(res);
      expect(param(body, 'result')?.valueBoolean).toBe(false);
      expect(param(body, 'message')?.valueString).toMatch(/No mapping/);
      expect(matches(body)).toEqual([]);
    }
    fhir(await get(`/fhir/ConceptMap/$translate?code=K-1`), 400);
    fhir(await get(`/fhir/ConceptMap/nothing/$translate?system=${enc(NUMC)}&code=K-1`), 404);
  });

  it('states each equivalence, with the reason where the match is narrower or inexact', async () => {
    const map = fhir(await get('/fhir/ConceptMap/namaste-numc-to-icd11-tm2'));
    const targets = map.group[0].element.flatMap(
      (e: { target: { equivalence: string; comment?: string }[] }) => e.target,
    );
    expect(new Set(targets.map((t: { equivalence: string }) => t.equivalence))).toEqual(
      new Set(['equivalent', 'inexact']),
    );
    for (const t of targets.filter((x: { equivalence: string }) => x.equivalence === 'inexact'))
      expect(t.comment).toMatch(/also/);
    const listed = fhir(
      await get(`/fhir/ConceptMap?url=${enc('https://unani-cdss.org/fhir/ConceptMap/unani-cdss-diseases-to-icd10')}`),
    );
    expect(listed.total).toBe(1);
  });
});

describe('$validate-code', () => {
  it('on a CodeSystem: true with the display, false for an unknown code or a wrong display', async () => {
    const yes = fhir(await get('/fhir/CodeSystem/unani-cdss-diseases/$validate-code?code=shaqeeqa&display=Shaqeeqa'));
    expect(yes.parameter).toEqual([
      { name: 'result', valueBoolean: true },
      { name: 'display', valueString: 'Migraine' },
    ]);
    const unknown = fhir(await get(`/fhir/CodeSystem/$validate-code?url=${enc(NUMC)}&code=Z-999`));
    expect(param(unknown, 'result')?.valueBoolean).toBe(false);
    expect(param(unknown, 'message')?.valueString).toContain('Z-999');
    const wrong = fhir(
      await post('/fhir/CodeSystem/$validate-code', [
        { name: 'url', valueUri: NUMC },
        { name: 'coding', valueCoding: { system: NUMC, code: 'K-1', display: 'Headache' } },
      ]),
    );
    expect(param(wrong, 'result')?.valueBoolean).toBe(false);
    expect(param(wrong, 'display')?.valueString).toBe('Ḥummā');
    const viaPost = fhir(
      await post('/fhir/CodeSystem/icd11-tm2/$validate-code', [{ name: 'code', valueCode: 'SK01' }]),
    );
    expect(param(viaPost, 'result')?.valueBoolean).toBe(true);
    fhir(await get('/fhir/CodeSystem/unani-cdss-diseases/$validate-code'), 400);
    fhir(await get(`/fhir/CodeSystem/$validate-code?url=${enc('http://example.org/cs')}&code=a`), 404);
  });

  it('on a ValueSet: true for its system and code, false for another system or code', async () => {
    const yes = fhir(
      await get(`/fhir/ValueSet/$validate-code?url=${enc(DISEASES_VS)}&system=${enc(DISEASES)}&code=zukam`),
    );
    expect(param(yes, 'result')?.valueBoolean).toBe(true);
    const otherSystem = fhir(
      await get(`/fhir/ValueSet/unani-cdss-diseases/$validate-code?system=${enc(NUMC)}&code=shaqeeqa`),
    );
    expect(param(otherSystem, 'result')?.valueBoolean).toBe(false);
    const concept = fhir(
      await post('/fhir/ValueSet/namaste-numc/$validate-code', [
        {
          name: 'codeableConcept',
          valueCodeableConcept: {
            coding: [
              { system: DISEASES, code: 'shaqeeqa' },
              { system: NUMC, code: 'A-2' },
            ],
          },
        },
      ]),
    );
    expect(concept.parameter).toEqual([
      { name: 'result', valueBoolean: true },
      { name: 'display', valueString: 'Shaqīqa' },
    ]);
    const no = fhir(
      await post('/fhir/ValueSet/$validate-code', [
        { name: 'url', valueUri: NUMC_VS },
        { name: 'coding', valueCoding: { system: NUMC, code: 'NOPE' } },
      ]),
    );
    expect(param(no, 'result')?.valueBoolean).toBe(false);
  });
});

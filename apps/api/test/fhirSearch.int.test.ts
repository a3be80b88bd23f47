// FHIR search as third-party clients use it: each search parameter of Patient, Condition and Observation, paging by
// the links, total-only searches, lenient and strict handling of unknown parameters, and POST [type]/_search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISEASES,
  fhirAnswer,
  ICD11,
  linkOf,
  matchIds,
  NUMC,
  pathOf,
  type SearchBundle,
  type SearchFixture,
  SYMPTOMS,
  searchset,
  seedSearchFixture,
  ZUKAM_ICD11,
} from './fhirSearchFixture.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let f: SearchFixture;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  f = await seedSearchFixture(s.app, s.db);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const asA = (url: string, headers: Record<string, string> = {}) =>
  s.app.inject({ method: 'GET', url, headers: { cookie: f.a.cookie, ...headers } });
const search = async (url: string) => searchset(await asA(url));
const idsOf = async (url: string) => matchIds(await search(url));
const q = encodeURIComponent;

/** A's findings by visit and symptom, as the search should list them (recorded order). */
async function findingIds(where: { encounterId?: string; symptom?: string } = {}) {
  const rows = await s.db.finding.findMany({
    where: {
      encounter: { practitionerId: f.a.user.id },
      ...(where.encounterId ? { encounterId: where.encounterId } : {}),
      ...(where.symptom ? { symptom: { code: where.symptom } } : {}),
    },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => String(r.id));
}

async function conditionIdOf(encounterId: string) {
  return (await s.db.diagnosis.findUniqueOrThrow({ where: { encounterId } })).id;
}

describe('Patient search', () => {
  it('lists all your patients, oldest first, when no criterion is given', async () => {
    const bundle = await search('/fhir/Patient');
    const p = f.patients;
    expect(bundle.total).toBe(5);
    expect(matchIds(bundle)).toEqual([p.amina, p.jose, p.khalid, p.percent, p.zainab]);
    expect(bundle.entry?.[0]).toMatchObject({
      fullUrl: expect.stringMatching(new RegExp(`/fhir/Patient/${p.amina}$`)),
    });
  });

  it('finds by name: the name or a word of it starting with the value, ignoring case and accents', async () => {
    const p = f.patients;
    expect(await idsOf('/fhir/Patient?name=ami')).toEqual([p.amina]);
    expect(await idsOf('/fhir/Patient?name=KHA')).toEqual([p.amina, p.khalid]);
    expect(await idsOf('/fhir/Patient?name=nunez')).toEqual([p.jose]);
    expect(await idsOf(`/fhir/Patient?name=${q('amina kh')}`)).toEqual([p.amina]);
    expect(await idsOf('/fhir/Patient?name=mina')).toEqual([]);
  });

  it('finds by name:contains anywhere, and name:exact by the whole name as written', async () => {
    const p = f.patients;
    expect(await idsOf('/fhir/Patient?name:contains=mina')).toEqual([p.amina]);
    expect(await idsOf(`/fhir/Patient?name:exact=${q('José Núñez')}`)).toEqual([p.jose]);
    expect(await idsOf(`/fhir/Patient?name:exact=${q('jose nunez')}`)).toEqual([]);
    expect(await idsOf('/fhir/Patient?name:exact=Jos')).toEqual([]);
  });

  it('takes % and _ in a name literally', async () => {
    expect(await idsOf(`/fhir/Patient?name:contains=${q('%')}`)).toEqual([f.patients.percent]);
    expect(await idsOf('/fhir/Patient?name:contains=_')).toEqual([]);
  });

  it('ORs comma-separated names and ANDs repeated ones', async () => {
    const p = f.patients;
    expect(await idsOf('/fhir/Patient?name=jose,zai')).toEqual([p.jose, p.zainab]);
    expect(await idsOf('/fhir/Patient?name=kha&name=ami')).toEqual([p.amina]);
  });

  it('finds by gender, with or without its system, and by _id', async () => {
    const p = f.patients;
    expect(await idsOf('/fhir/Patient?gender=male')).toEqual([p.jose, p.khalid]);
    expect(await idsOf(`/fhir/Patient?gender=${q('http://hl7.org/fhir/administrative-gender|female')}`)).toEqual([
      p.amina,
      p.zainab,
    ]);
    expect(await idsOf('/fhir/Patient?gender=other,unknown')).toEqual([p.percent]);
    expect(await idsOf(`/fhir/Patient?gender=${q('http://example.org/gender|male')}`)).toEqual([]);
    expect(await idsOf(`/fhir/Patient?_id=${p.khalid},${p.jose}`)).toEqual([p.jose, p.khalid]);
    expect(await idsOf(`/fhir/Patient?_id=${p.khalid.toUpperCase()}`)).toEqual([]);
  });

  it('finds by identifier (the clinic number) and by a recorded birthdate, never an estimated one', async () => {
    const p = f.patients;
    const CLINIC = 'https://unani-cdss.org/fhir/sid/clinic-number';
    expect(await idsOf('/fhir/Patient?identifier=K-100')).toEqual([p.khalid]);
    expect(await idsOf(`/fhir/Patient?identifier=${q(`${CLINIC}|K-100`)}`)).toEqual([p.khalid]);
    expect(await idsOf(`/fhir/Patient?identifier=${q('http://example.org/mrn|K-100')}`)).toEqual([]);
    expect(await idsOf('/fhir/Patient?birthdate=1980')).toEqual([p.khalid]);
    expect(await idsOf('/fhir/Patient?birthdate=1980-03-15')).toEqual([p.khalid]);
    expect(await idsOf('/fhir/Patient?birthdate=1980-03-16')).toEqual([]);
    expect(await idsOf('/fhir/Patient?birthdate=lt1980-04')).toEqual([p.khalid]);
    // Zainab's date of birth (1981-06-01) was estimated from an age: neither searched nor sent as birthDate.
    expect(await idsOf('/fhir/Patient?birthdate=ge1981')).toEqual([]);
    expect((await asA('/fhir/Patient?birthdate=1980-02-30')).statusCode).toBe(400);
    const khalid = (await asA(`/fhir/Patient/${p.khalid}`)).json();
    expect(khalid).toMatchObject({ birthDate: '1980-03-15', identifier: [{ system: CLINIC, value: 'K-100' }] });
    const zainab = (await asA(`/fhir/Patient/${p.zainab}`)).json();
    expect(zainab.birthDate).toBeUndefined();
    expect(zainab.extension[0].valueAge.value).toBeGreaterThanOrEqual(44);
  });
});

describe('Condition search', () => {
  it('finds by patient or subject, as a bare id, Patient/id, subject:Patient or the absolute URL', async () => {
    const migraine = await conditionIdOf(f.visits.migraine);
    const amina = f.patients.amina;
    const base = 'http://localhost:80/fhir';
    for (const query of [
      `patient=${amina}`,
      `patient=Patient/${amina}`,
      `subject=Patient/${amina}`,
      `subject=${amina}`,
      `subject:Patient=${amina}`,
      `subject=${q(`${base}/Patient/${amina}`)}`,
    ]) {
      expect(await idsOf(`/fhir/Condition?${query}`), query).toEqual([migraine]);
    }
  });

  it('finds by encounter, and lists all your diagnoses without criteria', async () => {
    const [migraine, cold] = [await conditionIdOf(f.visits.migraine), await conditionIdOf(f.visits.cold)];
    expect(await idsOf(`/fhir/Condition?encounter=Encounter/${f.visits.cold}`)).toEqual([cold]);
    expect(await idsOf(`/fhir/Condition?encounter=${f.visits.fever}`)).toEqual([]);
    expect(await idsOf('/fhir/Condition')).toEqual([migraine, cold]);
  });

  it('finds by our disease code, its NUMC code or its ICD-11 code, with or without the system', async () => {
    const [migraine, cold] = [await conditionIdOf(f.visits.migraine), await conditionIdOf(f.visits.cold)];
    const cases: [string, string[]][] = [
      ['shaqeeqa', [migraine]],
      [`${DISEASES}|shaqeeqa`, [migraine]],
      [`${NUMC}|A-2`, [migraine]],
      ['a-2', [migraine]],
      [`${ICD11}|${ZUKAM_ICD11}`, [cold]],
      [ZUKAM_ICD11, [cold]],
      ['shaqeeqa,zukam', [migraine, cold]],
      [`${ICD11}|`, [cold]],
      [`${DISEASES}|`, [migraine, cold]],
      ['SHAQEEQA', []],
      ['|shaqeeqa', []],
      [`${ICD11}|shaqeeqa`, []],
      ['http://example.org/codes|shaqeeqa', []],
      ['fever', []],
    ];
    for (const [code, expected] of cases)
      expect(await idsOf(`/fhir/Condition?code=${q(code)}`), code).toEqual(expected);
    const [entry] = (await search(`/fhir/Condition?_id=${cold}`)).entry ?? [];
    expect(entry?.resource.code).toMatchObject({
      coding: expect.arrayContaining([{ system: ICD11, code: ZUKAM_ICD11 }]),
    });
  });

  it('finds Conditions by recorded-date and Observations by date, as days in UTC with prefixes', async () => {
    // The fixture's records were all made moments ago: the day they carry (not the clock now, past midnight maybe).
    const first = (await search('/fhir/Condition')).entry?.[0]?.resource as unknown as { recordedDate: string };
    const today = first.recordedDate.slice(0, 10);
    const conditions = await idsOf('/fhir/Condition');
    expect(conditions.length).toBeGreaterThan(0);
    expect(await idsOf(`/fhir/Condition?recorded-date=${today}`)).toEqual(conditions);
    expect(await idsOf(`/fhir/Condition?recorded-date=${today.slice(0, 7)}`)).toEqual(conditions);
    expect(await idsOf(`/fhir/Condition?recorded-date=gt${today}`)).toEqual([]);
    expect(await idsOf('/fhir/Condition?recorded-date=lt2000')).toEqual([]);
    const observations = await idsOf('/fhir/Observation?_count=100');
    expect(await idsOf(`/fhir/Observation?date=ge${today}&_count=100`)).toEqual(observations);
    expect(await idsOf('/fhir/Observation?date=le1999-12-31')).toEqual([]);
    expect((await asA('/fhir/Observation?date=yesterday')).statusCode).toBe(400);
  });

  it('combines criteria: a patient and a code must both match', async () => {
    expect(await idsOf(`/fhir/Condition?patient=${f.patients.amina}&code=zukam`)).toEqual([]);
    expect(await idsOf(`/fhir/Condition?patient=${f.patients.khalid}&code=zukam`)).toEqual([
      await conditionIdOf(f.visits.cold),
    ]);
  });
});

describe('Observation search', () => {
  it('finds by code (the symptom, present or absent) and honours it under strict handling too', async () => {
    const fevers = await findingIds({ symptom: 'fever' });
    expect(fevers).toHaveLength(3);
    expect(await idsOf('/fhir/Observation?code=fever')).toEqual(fevers);
    expect(await idsOf(`/fhir/Observation?code=${q(`${SYMPTOMS}|fever`)}`)).toEqual(fevers);
    const strict = searchset(await asA('/fhir/Observation?code=fever', { prefer: 'handling=strict' }));
    expect(matchIds(strict)).toEqual(fevers);
    expect(await idsOf(`/fhir/Observation?code=${q(`${DISEASES}|fever`)}`)).toEqual([]);
  });

  it('finds by patient, subject, encounter and _id, alone or together', async () => {
    const migraine = await findingIds({ encounterId: f.visits.migraine });
    const aminaFever = await findingIds({ encounterId: f.visits.fever });
    expect(await idsOf(`/fhir/Observation?patient=${f.patients.amina}`)).toEqual([...migraine, ...aminaFever]);
    expect(await idsOf(`/fhir/Observation?subject=Patient/${f.patients.amina}&code=fever`)).toEqual([
      migraine[2],
      ...aminaFever,
    ]);
    expect(await idsOf(`/fhir/Observation?encounter=${f.visits.migraine}`)).toEqual(migraine);
    expect(await idsOf(`/fhir/Observation?_id=${migraine[1]}`)).toEqual([migraine[1]]);
    expect(await idsOf(`/fhir/Observation?_id=0${migraine[1]}`)).toEqual([]);
  });
});

describe('paging', () => {
  it('pages through all matches by following next links, with the total on every page', async () => {
    let url: string | undefined = '/fhir/Patient?_count=2';
    const pages: SearchBundle[] = [];
    while (url) {
      const page = await search(url);
      pages.push(page);
      const next = linkOf(page, 'next');
      url = next ? pathOf(next) : undefined;
    }
    const p = f.patients;
    expect(pages.map(matchIds)).toEqual([[p.amina, p.jose], [p.khalid, p.percent], [p.zainab]]);
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
    expect(pages.map((page) => new URL(linkOf(page, 'self') ?? '').search)).toEqual([
      '?_count=2',
      '?_count=2&_offset=2',
      '?_count=2&_offset=4',
    ]);
    const middle = pages[1] as SearchBundle;
    expect(matchIds(await search(pathOf(linkOf(middle, 'previous') ?? '')))).toEqual([p.amina, p.jose]);
    expect(matchIds(await search(pathOf(linkOf(middle, 'last') ?? '')))).toEqual([p.zainab]);
    expect(linkOf(pages[0] as SearchBundle, 'previous')).toBeUndefined();
  });

  it('keeps the criteria in the links, and pages observations of one patient one at a time', async () => {
    const all = await findingIds();
    const first = await search(`/fhir/Observation?patient=${f.patients.amina}&_count=1`);
    expect(first.total).toBe(4);
    expect(first.entry).toHaveLength(1);
    expect(linkOf(first, 'self')).toMatch(new RegExp(`\\?patient=${f.patients.amina}&_count=1$`));
    const second = await search(pathOf(linkOf(first, 'next') ?? ''));
    expect(matchIds(second)).toEqual([all[1]]);
  });

  it('lowers _count to 100 and says so in the self link', async () => {
    const bundle = await search('/fhir/Observation?_count=500');
    expect(new URL(linkOf(bundle, 'self') ?? '').searchParams.get('_count')).toBe('100');
    expect(bundle.total).toBe(7);
  });

  it('answers the total only for _count=0 and _summary=count', async () => {
    for (const query of ['_count=0', '_summary=count']) {
      const bundle = await search(`/fhir/Condition?${query}`);
      expect(bundle.total).toBe(2);
      expect(bundle.entry).toBeUndefined();
      expect(bundle.link.map((l) => l.relation)).toEqual(['self']);
    }
  });

  it('answers an empty page past the end, with the way back', async () => {
    const bundle = await search('/fhir/Patient?_count=2&_offset=40');
    expect(bundle.entry).toBeUndefined();
    expect(bundle.total).toBe(5);
    expect(new URL(linkOf(bundle, 'previous') ?? '').search).toBe('?_count=2&_offset=4');
  });

  it('refuses a malformed _count or _offset with 400', async () => {
    for (const query of ['_count=ten', '_count=-1', '_offset=1.5', '_count=1&_count=2']) {
      fhirAnswer(await asA(`/fhir/Patient?${query}`), 400);
    }
  });
});

describe('unknown parameters', () => {
  it('are ignored by default, named in an outcome entry and left out of the self link', async () => {
    const bundle = await search('/fhir/Observation?code=fever&foo=bar&_sort=-date');
    expect(matchIds(bundle)).toEqual(await findingIds({ symptom: 'fever' }));
    expect(bundle.total).toBe(3);
    const outcome = bundle.entry?.find((e) => e.search?.mode === 'outcome');
    expect(outcome?.resource.resourceType).toBe('OperationOutcome');
    const issues = outcome?.resource.issue as { severity: string; code: string; diagnostics: string }[];
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'not-supported'],
      ['warning', 'not-supported'],
    ]);
    expect(issues[0]?.diagnostics).toContain('foo');
    expect(new URL(linkOf(bundle, 'self') ?? '').search).toBe('?code=fever&_count=50');
  });

  it('answer 400 OperationOutcome under Prefer: handling=strict', async () => {
    const body = fhirAnswer<{ resourceType: string; issue: { diagnostics: string }[] }>(
      await asA('/fhir/Condition?code=zukam&foo=bar', { prefer: 'handling=strict' }),
      400,
    );
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue.map((i) => i.diagnostics).join(' ')).toContain('foo');
    const lenient = await search('/fhir/Condition?code=zukam&foo=bar');
    expect(lenient.total).toBe(1);
  });

  it('and an unsupported modifier is refused whatever the handling', async () => {
    fhirAnswer(await asA('/fhir/Patient?gender:not=male'), 400);
    fhirAnswer(await asA('/fhir/Condition?code:text=migraine'), 400);
  });
});

describe('POST [type]/_search', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const postAsA = (url: string, payload: string, headers: Record<string, string> = form) =>
    s.app.inject({ method: 'POST', url, headers: { ...f.a.headers, ...headers }, payload });

  it('answers what the same GET search answers, with a GET self link', async () => {
    const body = `patient=${f.patients.amina}&code=${q(`${SYMPTOMS}|fever`)}&_count=1`;
    const posted = searchset(await postAsA('/fhir/Observation/_search', body));
    const got = await search(`/fhir/Observation?${body}`);
    expect(matchIds(posted)).toEqual(matchIds(got));
    expect(posted.total).toBe(got.total);
    expect(linkOf(posted, 'self')).toBe(linkOf(got, 'self'));
    expect(linkOf(posted, 'next')).toBe(linkOf(got, 'next'));
  });

  it('reads parameters from the query string and the body together, and lists all without any', async () => {
    const both = searchset(await postAsA(`/fhir/Patient/_search?gender=male`, 'name=kha'));
    expect(matchIds(both)).toEqual([f.patients.khalid]);
    expect(searchset(await postAsA('/fhir/Condition/_search', '')).total).toBe(2);
    const bare = await s.app.inject({ method: 'POST', url: '/fhir/Condition/_search', headers: f.a.headers });
    expect(searchset(bare).total).toBe(2);
  });

  it('handles unknown parameters and strict handling as GET does', async () => {
    const lenient = searchset(await postAsA('/fhir/Patient/_search', 'name=zai&nickname=z'));
    expect(matchIds(lenient)).toEqual([f.patients.zainab]);
    expect(lenient.entry?.some((e) => e.search?.mode === 'outcome')).toBe(true);
    const strict = await postAsA('/fhir/Patient/_search', 'name=zai&nickname=z', {
      ...form,
      prefer: 'handling=strict',
    });
    fhirAnswer(strict, 400);
  });

  it('refuses a body that is not a form with 415', async () => {
    const json = await postAsA('/fhir/Patient/_search', JSON.stringify({ name: 'zai' }), {
      'content-type': 'application/json',
    });
    expect(fhirAnswer<{ resourceType: string }>(json, 415).resourceType).toBe('OperationOutcome');
  });
});

describe('the CapabilityStatement', () => {
  it('lists the search interaction and each search parameter with its type and documentation', async () => {
    const body = fhirAnswer<{
      rest: {
        documentation: string;
        resource: { type: string; interaction: { code: string }[]; searchParam?: object[] }[];
      }[];
    }>(await s.app.inject({ method: 'GET', url: '/fhir/metadata' }));
    const rest = body.rest[0];
    const resources = Object.fromEntries((rest?.resource ?? []).map((r) => [r.type, r]));
    const params = (type: string) =>
      (resources[type]?.searchParam ?? []).map((p) => [(p as { name: string }).name, (p as { type: string }).type]);
    expect(params('Patient')).toEqual([
      ['_id', 'token'],
      ['name', 'string'],
      ['gender', 'token'],
      ['identifier', 'token'],
      ['birthdate', 'date'],
    ]);
    const clinical = [
      ['_id', 'token'],
      ['patient', 'reference'],
      ['subject', 'reference'],
      ['encounter', 'reference'],
      ['code', 'token'],
    ];
    expect(params('Condition')).toEqual([...clinical, ['recorded-date', 'date']]);
    expect(params('Observation')).toEqual([...clinical, ['date', 'date']]);
    for (const type of ['Patient', 'Condition', 'Observation']) {
      expect(resources[type]?.interaction.map((i) => i.code)).toEqual(['read', 'search-type']);
      for (const p of resources[type]?.searchParam ?? [])
        expect(p).toMatchObject({ documentation: expect.any(String) });
      expect(resources[type]).not.toHaveProperty('searchInclude');
    }
    expect(resources.Encounter?.interaction.map((i) => i.code)).toEqual(['read']);
    expect(rest?.documentation).toContain('handling=strict');
  });
});

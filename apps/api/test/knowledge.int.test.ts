import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeSearch } from '../src/services/knowledgeSearch.ts';
import { createTestApiKey } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  s = await createTestServer({ knowledge: true });
});
afterAll(async () => {
  await s.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await s.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
}

const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

/** Every key named `id` anywhere in a response body. */
function idKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => idKeys(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k === 'id' ? [`${path}.id`] : []),
      ...idKeys(v, `${path}.${k}`),
    ]);
  }
  return [];
}

describe('GET /api/v1/diseases', () => {
  it('lists every disease by name with its codes, for anonymous callers', async () => {
    const res = await get('/api/v1/diseases');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          code: 'shaqeeqa',
          name: 'Shaqeeqa',
          englishName: 'Migraine',
          urduName: 'شقیقہ',
          organSystem: 'nervous',
          temperaments: ['safravi'],
          codes: { numc: 'A-2', icd11: null, icd10: null },
        },
        {
          code: 'zukam',
          name: 'Zukam',
          englishName: 'Common cold',
          urduName: null,
          organSystem: 'respiratory',
          temperaments: [],
          codes: { numc: 'C-36', icd11: null, icd10: null },
        },
      ],
      nextCursor: null,
    });
  });

  it.each([
    ['the Unani name', 'shaqeeqa'],
    ['the English name in any case', 'MIGRAINE'],
    ['a synonym', 'Shaqiqa'],
    ['the Urdu script', 'شقیقہ'],
    ['a spelling variant with accents', 'Shaqīqa'],
    ['part of a name', 'graine'],
  ])('finds a disease by %s', async (_, q) => {
    const res = await get(`/api/v1/diseases?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(['shaqeeqa']);
  });

  it('finds nothing for a name no disease has', async () => {
    expect(codes((await get('/api/v1/diseases?q=diabetes')).body)).toEqual([]);
    expect(codes((await get('/api/v1/diseases?q=---')).body)).toEqual([]);
  });

  it('filters by organ system and by temperament', async () => {
    expect(codes((await get('/api/v1/diseases?organSystem=respiratory')).body)).toEqual(['zukam']);
    expect(codes((await get('/api/v1/diseases?temperament=safravi')).body)).toEqual(['shaqeeqa']);
    expect(codes((await get('/api/v1/diseases?temperament=balghami')).body)).toEqual([]);
    expect(codes((await get('/api/v1/diseases?q=zukaam&organSystem=nervous')).body)).toEqual([]);
  });

  it('names an unknown organ system or temperament as a 400 problem', async () => {
    const res = await get('/api/v1/diseases?organSystem=spleen&temperament=hot');
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'querystring.organSystem',
      'querystring.temperament',
    ]);
  });
});

describe('pagination', () => {
  it('walks a list page by page with limit and the opaque cursor', async () => {
    const first = await get('/api/v1/symptoms?limit=4');
    expect(first.status).toBe(200);
    expect(codes(first.body)).toEqual(['fever', 'headache', 'high-fever', 'unconsciousness']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`/api/v1/symptoms?limit=4&cursor=${first.body.nextCursor}`);
    expect(codes(second.body)).toEqual(['nausea', 'neck-stiffness', 'runny-nose', 'photophobia']);
    const third = await get(`/api/v1/symptoms?limit=4&cursor=${second.body.nextCursor}`);
    expect(codes(third.body)).toEqual(['sneezing']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('answers an invalid cursor or limit with a 400 problem naming the field', async () => {
    for (const cursor of ['nonsense', 'bzotMQ', Buffer.from('o:01').toString('base64url')]) {
      const res = await get(`/api/v1/diseases?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
    }
    expect((await get('/api/v1/diseases?limit=101')).status).toBe(400);
    expect((await get('/api/v1/diseases?limit=0')).status).toBe(400);
  });
});

describe('GET /api/v1/diseases/:code', () => {
  it('gives the names, codes, symptoms by likelihood, the protocol and the sources', async () => {
    const res = await get('/api/v1/diseases/shaqeeqa');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'shaqeeqa',
      name: 'Shaqeeqa',
      englishName: 'Migraine',
      urduName: 'شقیقہ',
      synonyms: ['Shaqiqa'],
      description: 'One-sided throbbing headache.',
      organSystem: 'nervous',
      temperaments: ['safravi'],
      humours: [],
      codes: { numc: 'A-2', icd11: null, icd10: null },
      review: false,
    });
    expect(res.body.symptoms).toEqual([
      { code: 'headache', name: 'headache', kind: 'symptom', likelihood: 0.95, cardinal: true },
      { code: 'photophobia', name: 'sensitivity to light', kind: 'symptom', likelihood: 0.7, cardinal: false },
      { code: 'nausea', name: 'nausea', kind: 'symptom', likelihood: 0.6, cardinal: false },
    ]);
    expect(res.body.sources).toEqual([
      {
        code: 'numc',
        title: 'National Unani Morbidity Codes',
        author: null,
        publisher: 'Ministry of AYUSH',
        year: 2017,
        url: null,
        locator: null,
      },
      expect.objectContaining({ code: 'stg-ccrum', publisher: 'CCRUM', year: 2014, locator: 'p. 12' }),
    ]);
  });

  it('resolves the names of the formulations and drugs its protocol prescribes', async () => {
    const shaqeeqa = (await get('/api/v1/diseases/shaqeeqa')).body;
    expect(shaqeeqa.protocol.principles).toEqual(['Tanqiya-e-Dimagh (cleansing of the brain)']);
    const plain = {
      formulation: null,
      singleDrug: null,
      dose: null,
      duration: null,
      prescription: null,
      instructions: '',
      forTypes: null,
    };
    expect(shaqeeqa.protocol.items).toEqual([
      {
        kind: 'dawa',
        formulation: { code: 'itrifal-ustukhuddus', name: 'Itrifal Ustukhuddus' },
        singleDrug: null,
        text: null,
        textUrdu: null,
        urduReview: false,
        dose: '5 g at bedtime',
        duration: '4 weeks',
        // The written dose read into parts: the plan editor's default.
        prescription: { amount: 5, unit: 'g', frequency: 'bedtime', route: 'oral', duration: 4, durationUnit: 'weeks' },
        instructions: '',
        avoid: false,
        forTypes: null,
      },
      {
        ...plain,
        kind: 'ghiza',
        text: 'Light, easily digestible food',
        textUrdu: 'ہلکی، جلد ہضم ہونے والی غذا',
        urduReview: true,
        avoid: false,
      },
      {
        ...plain,
        kind: 'ghiza',
        text: 'Fried and spicy food',
        textUrdu: 'تلی ہوئی اور مرچ مسالے والی غذا',
        urduReview: true,
        avoid: true,
      },
      {
        ...plain,
        kind: 'tadbeer',
        text: 'Rest in a dark, quiet room',
        textUrdu: null,
        urduReview: false,
        avoid: false,
      },
    ]);
    expect(shaqeeqa).toMatchObject({ descriptionUrdu: 'سر کے ایک طرف دھڑکتا ہوا درد۔', descriptionUrduReview: true });
    expect(shaqeeqa.protocol.sources.map((c: { code: string }) => c.code)).toEqual(['stg-ccrum']);
    expect(shaqeeqa.protocol.review).toBe(false);

    const zukam = (await get('/api/v1/diseases/zukam')).body;
    expect(zukam.protocol.items[0]).toMatchObject({
      kind: 'dawa',
      singleDrug: { code: 'ustukhuddus', name: 'Ustukhuddus' },
      formulation: null,
    });
  });

  it('gives the Urdu names of the diseases and findings that have one, by code', async () => {
    const res = await get('/api/v1/urdu-names');
    expect(res.status).toBe(200);
    expect(res.body.diseases).toMatchObject({ shaqeeqa: 'شقیقہ' });
    expect(res.body.symptoms).toEqual({ nausea: 'متلی' });
  });

  it('answers an unknown code with a 404 problem naming it', async () => {
    const res = await get('/api/v1/diseases/no-such-disease');
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'The disease "no-such-disease" does not exist.',
    });
  });
});

describe('symptoms', () => {
  it.each([
    ['the English name', 'Nausea', ['nausea']],
    ['the Unani name', 'suda', ['headache']],
    ['a lay synonym', 'bukhar', ['fever', 'high-fever']],
    ['a synonym with other spacing and punctuation', 'Sar-Dard', ['headache']],
  ])('finds a symptom by %s', async (_, q, expected) => {
    expect(codes((await get(`/api/v1/symptoms?q=${encodeURIComponent(q)}`)).body)).toEqual(expected);
  });

  it('filters by kind', async () => {
    expect(codes((await get('/api/v1/symptoms?kind=sign')).body)).toEqual(['fever', 'high-fever', 'unconsciousness']);
    expect((await get('/api/v1/symptoms?kind=rash')).status).toBe(400);
  });

  it('shows a symptom with the diseases that list it, most likely first, and its sources', async () => {
    const res = await get('/api/v1/symptoms/headache');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'headache',
      name: 'headache',
      kind: 'symptom',
      unaniName: 'Suda',
      urduName: null,
      synonyms: ['sar dard', 'head pain'],
      description: null,
      diseases: [
        { code: 'shaqeeqa', name: 'Shaqeeqa', englishName: 'Migraine', likelihood: 0.95, cardinal: true },
        { code: 'zukam', name: 'Zukam', englishName: 'Common cold', likelihood: 0.4, cardinal: false },
      ],
      sources: [expect.objectContaining({ code: 'numc', title: 'National Unani Morbidity Codes' })],
      review: false,
    });
    expect((await get('/api/v1/symptoms/unknown-symptom')).status).toBe(404);
  });
});

describe('single drugs', () => {
  it('finds a drug by its English or botanical name', async () => {
    const lavender = await get('/api/v1/single-drugs?q=french%20lavender');
    expect(lavender.body.items).toEqual([
      {
        code: 'ustukhuddus',
        name: 'Ustukhuddus',
        englishName: 'French lavender',
        urduName: null,
        botanicalName: 'Lavandula stoechas L.',
        temperament: 'Hot 1, Dry 2',
      },
    ]);
    expect(codes((await get('/api/v1/single-drugs?q=lavandula')).body)).toEqual(['ustukhuddus']);
  });

  it('shows every field, the formulations that contain the drug and its sources', async () => {
    const res = await get('/api/v1/single-drugs/ustukhuddus');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'ustukhuddus',
      name: 'Ustukhuddus',
      englishName: 'French lavender',
      urduName: null,
      botanicalName: 'Lavandula stoechas L.',
      synonyms: [],
      partUsed: 'Flowering spikes',
      temperament: 'Hot 1, Dry 2',
      actions: ['Munaqqi-e-Dimagh (cleanses the brain)'],
      dose: '5–7 g',
      cautions: [],
      contraindications: [],
      formulations: [
        { code: 'itrifal-ustukhuddus', name: 'Itrifal Ustukhuddus', dosageForm: 'Itrifal', quantity: '10 g' },
      ],
      sources: [expect.objectContaining({ code: 'stg-ccrum' })],
      review: false,
    });
    expect((await get('/api/v1/single-drugs/unknown-drug')).status).toBe(404);
  });
});

describe('formulations', () => {
  it('lists formulations, optionally of one dosage form', async () => {
    expect(codes((await get('/api/v1/formulations')).body)).toEqual(['itrifal-ustukhuddus', 'majoon-e-azaraqi']);
    expect(codes((await get('/api/v1/formulations?dosageForm=Itrifal&q=itrifal')).body)).toEqual([
      'itrifal-ustukhuddus',
    ]);
    expect(codes((await get('/api/v1/formulations?dosageForm=Majoon')).body)).toEqual(['majoon-e-azaraqi']);
    expect(codes((await get('/api/v1/formulations?dosageForm=Khamira')).body)).toEqual([]);
    expect((await get('/api/v1/formulations?dosageForm=Potion')).status).toBe(400);
  });

  it('shows ingredients in order with quantities and linked drug codes, dose, indications and sources', async () => {
    const res = await get('/api/v1/formulations/itrifal-ustukhuddus');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'itrifal-ustukhuddus',
      name: 'Itrifal Ustukhuddus',
      urduName: 'اطریفل اسطوخودوس',
      synonyms: [],
      dosageForm: 'Itrifal',
      ingredients: [
        { name: 'Ustukhuddus', quantity: '10 g', drug: 'ustukhuddus' },
        { name: 'Halela Kabuli', quantity: '10 g', drug: null },
      ],
      dose: '5–10 g at bedtime',
      indications: ['Headache', 'Migraine'],
      cautions: [],
      contraindications: [],
      sources: [expect.objectContaining({ code: 'stg-ccrum', locator: null })],
      review: false,
    });
    expect((await get('/api/v1/formulations/unknown-formulation')).status).toBe(404);
  });
});

describe('GET /api/v1/sources', () => {
  it('lists every source', async () => {
    const res = await get('/api/v1/sources');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        code: 'numc',
        title: 'National Unani Morbidity Codes',
        author: null,
        publisher: 'Ministry of AYUSH',
        year: 2017,
        url: null,
        note: null,
      },
      expect.objectContaining({ code: 'stg-ccrum', title: 'Standard Unani Treatment Guidelines for Common Diseases' }),
    ]);
  });
});

describe('GET /api/v1/search', () => {
  it('ranks a whole-name match before a match at the start and a match inside a name', async () => {
    const res = await get('/api/v1/search?q=ustukhuddus');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        type: 'single-drug',
        code: 'ustukhuddus',
        name: 'Ustukhuddus',
        detail: 'French lavender · Lavandula stoechas L.',
      },
      { type: 'formulation', code: 'itrifal-ustukhuddus', name: 'Itrifal Ustukhuddus', detail: 'Itrifal' },
    ]);
    const prefix = await get('/api/v1/search?q=ustu');
    expect(prefix.body.items.map((i: { code: string }) => i.code)).toEqual(['ustukhuddus', 'itrifal-ustukhuddus']);
    const ranked = await get('/api/v1/search?q=head');
    expect(ranked.body.items.map((i: { type: string; code: string }) => `${i.type}:${i.code}`)).toEqual([
      'symptom:headache',
    ]);
  });

  it('searches every kind with one query, across names, synonyms and scripts', async () => {
    const mixed = await get('/api/v1/search?q=migraine');
    expect(mixed.body.items).toEqual([
      { type: 'disease', code: 'shaqeeqa', name: 'Shaqeeqa', detail: 'Migraine · nervous' },
    ]);
    const urdu = await get(`/api/v1/search?q=${encodeURIComponent('شقیقہ')}`);
    expect(urdu.body.items.map((i: { code: string }) => i.code)).toEqual(['shaqeeqa']);
    const exactFirst = await get('/api/v1/search?q=fever');
    expect(exactFirst.body.items[0]).toEqual({ type: 'symptom', code: 'fever', name: 'fever', detail: 'sign · Humma' });
  });

  it('keeps to the limit', async () => {
    const all = await get('/api/v1/search?q=e');
    expect(all.body.items.length).toBeGreaterThan(2);
    expect((await get('/api/v1/search?q=e&limit=2')).body.items).toHaveLength(2);
  });

  it('requires q of 1 to 100 characters', async () => {
    for (const url of ['/api/v1/search', '/api/v1/search?q=', `/api/v1/search?q=${'a'.repeat(101)}`]) {
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('querystring.q');
    }
  });
});

describe('access', () => {
  it('accepts anonymous callers and API keys with knowledge:read', async () => {
    expect((await get('/api/v1/diseases/zukam')).status).toBe(200);
    const { headers } = await createTestApiKey(s.db, ['knowledge:read']);
    expect((await get('/api/v1/search?q=zukam', headers)).status).toBe(200);
  });

  it('never shows internal ids', async () => {
    const urls = [
      '/api/v1/diseases',
      '/api/v1/diseases/shaqeeqa',
      '/api/v1/symptoms',
      '/api/v1/symptoms/headache',
      '/api/v1/single-drugs',
      '/api/v1/single-drugs/ustukhuddus',
      '/api/v1/formulations',
      '/api/v1/formulations/itrifal-ustukhuddus',
      '/api/v1/sources',
      '/api/v1/search?q=a',
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(idKeys(res.body), url).toEqual([]);
    }
  });

  it('documents every knowledge route in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).body;
    for (const path of ['/api/v1/diseases/{code}', '/api/v1/search', '/api/v1/formulations']) {
      expect(doc.paths?.[path]?.get?.tags, path).toEqual(['knowledge']);
    }
  });
});

describe('the name index', () => {
  it('picks up rows added to the tables after it was built', async () => {
    const index = createKnowledgeSearch(s.db, { recheckAfterMs: 0 });
    expect(codes(await index.symptoms({ q: 'hiccup', limit: 10 }))).toEqual([]);
    await s.db.symptom.create({
      data: { code: 'hiccup', name: 'hiccup', kind: 'symptom', synonyms: ['Fawaq'], contentHash: '0'.repeat(64) },
    });
    try {
      expect(codes(await index.symptoms({ q: 'fawāq', limit: 10 }))).toEqual(['hiccup']);
    } finally {
      await s.db.symptom.delete({ where: { code: 'hiccup' } });
    }
    expect(codes(await index.symptoms({ q: 'fawaq', limit: 10 }))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, createTestApiKey } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  s = await createTestServer({ engine: true });
}, 120_000);
afterAll(async () => {
  await s.close();
});

describe('POST /api/v1/parse', () => {
  it('returns findings with spans for an API key with engine:use', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/parse',
      headers,
      payload: { text: 'sar dard since morning' },
    });
    expect(res.statusCode).toBe(200);
    const [finding] = res.json().findings;
    expect(finding).toMatchObject({ symptom: 'headache', present: true });
    expect('sar dard since morning'.slice(finding.span[0], finding.span[1]).toLowerCase()).toBe('sar dard');
  });

  it('refuses a key without the scope (403), no credentials (401), and a text over 5,000 characters (400)', async () => {
    const { headers } = await createTestApiKey(s.db, ['knowledge:read']);
    const noScope = await s.app.inject({ method: 'POST', url: '/api/v1/parse', headers, payload: { text: 'x' } });
    const anonymous = await s.app.inject({ method: 'POST', url: '/api/v1/parse', payload: { text: 'x' } });
    const { headers: ok } = await createTestApiKey(s.db, ['engine:use']);
    const long = await s.app.inject({
      method: 'POST',
      url: '/api/v1/parse',
      headers: ok,
      payload: { text: 'x'.repeat(5001) },
    });
    expect([noScope.statusCode, anonymous.statusCode, long.statusCode]).toEqual([403, 401, 400]);
  });
});

describe('POST /api/v1/diagnose', () => {
  it('answers the same shape as analyse, from text and picked findings together, storing nothing', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const before = await s.db.suggestion.count();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/diagnose',
      headers,
      payload: {
        text: 'headache',
        findings: [
          { symptom: 'photophobia', present: true },
          { symptom: 'sneezing', present: false },
        ],
        context: { ageYears: 30, sex: 'female' },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.findings.map((f: { symptom: string }) => f.symptom).sort()).toEqual([
      'headache',
      'photophobia',
      'sneezing',
    ]);
    expect(body.differential[0].disease.code).toBe('shaqeeqa');
    expect(Object.keys(body).sort()).toEqual([
      'advisory',
      'context',
      'differential',
      'explanation',
      'findings',
      'flat',
      'modelVersion',
      'nextQuestions',
      'redFlags',
      'triage',
    ]);
    expect(body.triage).toMatchObject({ level: 'consult', ask: [] });
    expect(await s.db.suggestion.count()).toBe(before);
  });

  it('triages from the text: age, a specific finding for its parent, and the advice in English and Urdu', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const diagnose = async (payload: object) =>
      (await s.app.inject({ method: 'POST', url: '/api/v1/diagnose', headers, payload })).json();
    const child = await diagnose({ text: '2 saal ka bacha, tez bukhar, gardan akri hui' });
    expect(child.context).toMatchObject({ ageYears: 2 });
    expect(child.triage.level).toBe('emergency');
    expect(child.triage.reasons[0]).toMatchObject({
      code: 'fever-with-neck-stiffness',
      findings: ['fever', 'neck-stiffness'],
    });
    expect(child.triage.adviceUrdu).toMatch(/ایمرجنسی/);
    expect(child.redFlags.map((f: { code: string }) => f.code)).toEqual(['fever-with-neck-stiffness']);

    // An infant rule never fires on an unknown age: the answer asks for it.
    const noAge = await diagnose({ text: 'fever and headache' });
    expect(noAge.redFlags).toEqual([]);
    expect(noAge.triage.ask.map((a: { field: string }) => a.field)).toEqual(['age']);
    const infant = await diagnose({ text: 'fever and headache', context: { ageYears: 0.1 } });
    expect(infant.triage.level).toBe('emergency');
    // A measured temperature is a finding, and the caller's context wins over the text's.
    const measured = await diagnose({ text: '6 month old, temp 39.5 C', context: { ageYears: 30 } });
    expect(measured.context.ageYears).toBe(30);
    expect(measured.findings.map((f: { symptom: string }) => f.symptom)).toContain('high-fever');
  });

  it('says when no disease of the knowledge base explains a complaint, and stays quiet when one does', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const diagnose = async (text: string) =>
      (await s.app.inject({ method: 'POST', url: '/api/v1/diagnose', headers, payload: { text } })).json();
    const knees = await diagnose(
      'my knees click when I climb stairs and the skin on both shins is dry and cracking for months now',
    );
    expect(knees.outsideKnowledge).toBe(true);
    expect(knees.advisory).toMatch(/advisory/i);
    const migraine = await diagnose('one sided throbbing headache with nausea, light hurts my eyes');
    expect(migraine.outsideKnowledge).toBeUndefined();
  });

  it('parses the patient context with the findings', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/parse',
      headers,
      payload: { text: '28F, BP 150/95, sar dard' },
    });
    expect(res.json().context).toEqual({ ageYears: 28, sex: 'female', vitals: { systolic: 150, diastolic: 95 } });
  });

  it('works for a signed-in practitioner with the CSRF token', async () => {
    const session = await createSignedInUser(s.app, s.db);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/diagnose',
      headers: session.headers,
      payload: { text: 'sneezing and runny nose' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().differential[0].disease.code).toBe('zukam');
  });

  it('needs a text or findings, and names unknown symptoms', async () => {
    const { headers } = await createTestApiKey(s.db, ['engine:use']);
    const empty = await s.app.inject({ method: 'POST', url: '/api/v1/diagnose', headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/v1/diagnose',
      headers,
      payload: { findings: [{ symptom: 'xyz', present: true }] },
    });
    expect(unknown.json().errors).toEqual([{ field: 'body.findings.0.symptom', message: 'unknown symptom "xyz"' }]);
  });

  it('answers 503 while the engine is not loaded', async () => {
    const bare = await createTestServer();
    try {
      const { headers } = await createTestApiKey(bare.db, ['engine:use']);
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/v1/diagnose',
        headers,
        payload: { text: 'headache' },
      });
      expect(res.statusCode).toBe(503);
    } finally {
      await bare.close();
    }
  });
});

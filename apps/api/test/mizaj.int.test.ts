// The patient's Mizaj: assessed by the Ajnas-e-Ashra questionnaire, kept with its history, set by judgement through
// the record, and used by the visit's analysis and by the plan's prescribing checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { createPatient, createSignedInUser, type SignedIn, savePlanOf } from './factories.ts';
import { createTestServer } from './testServer.ts';

/** A lean, quick-tempered patient who is troubled by summer: every answer hot and dry. */
const SAFRAVI = {
  build: 'lean',
  complexion: 'yellowish',
  'touch-warmth': 'warm',
  'touch-texture': 'dry-rough',
  'hair-growth': 'abundant',
  'hair-texture': 'thick-curly',
  sleep: 'little',
  weather: 'hot',
  appetite: 'strong',
  excretions: 'strong',
  pulse: 'quick-hard',
  mind: 'quick-tempered',
};

/** A plump, calm, drowsy patient troubled by winter; the pulse was not felt. */
const BALGHAMI = {
  build: 'plump',
  complexion: 'pale',
  'touch-warmth': 'cool',
  'touch-texture': 'soft',
  'hair-growth': 'sparse',
  sleep: 'much',
  weather: 'cold',
  appetite: 'weak',
  excretions: 'faint',
  pulse: 'not-known',
  mind: 'calm',
};

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
let b: SignedIn;

beforeAll(async () => {
  // The minimal fixture with Zukam's humour as the knowledge base gives it (Balgham) and one cold single drug.
  const kb = copyOfMinimalKnowledge();
  kb.edit('diseases/zukam.yaml', (text) =>
    text.replace(
      'organSystem: respiratory\n',
      '$&humours: [balgham]\nmizajSources: [{ source: numc, locator: C-21.5 }]\n',
    ),
  );
  kb.edit(
    'single-drugs/drugs.yaml',
    (text) =>
      `${text}- code: behidana\n  name: Behidana\n  englishName: Quince seed\n  temperament: Cold 2, Moist 2\n` +
      '  actions: [Mulaiyin (demulcent)]\n  sources: [stg-ccrum]\n',
  );
  s = await createTestServer({ engine: true, knowledgeDir: kb.dir });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim A');
  b = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim B');
}, 120_000);
afterAll(async () => {
  await s.close();
});

const assess = (as: SignedIn, patientId: string, answers: Record<string, string>) =>
  s.app.inject({
    method: 'POST',
    url: `/api/v1/patients/${patientId}/mizaj-assessments`,
    headers: as.headers,
    payload: { answers },
  });
const history = (as: SignedIn, patientId: string) =>
  s.app.inject({ method: 'GET', url: `/api/v1/patients/${patientId}/mizaj-assessments`, headers: as.headers });
const patientOf = async (as: SignedIn, patientId: string) =>
  (await s.app.inject({ method: 'GET', url: `/api/v1/patients/${patientId}`, headers: as.headers })).json();

describe('Mizaj assessments', () => {
  it('scores and keeps the questionnaire, and sets the patient’s Mizaj to its result', async () => {
    const id = await createPatient(s.app, a, { name: 'Imran Safdar', age: 41, sex: 'male' });
    const created = await assess(a, id, SAFRAVI);
    expect(created.statusCode).toBe(201);
    const assessment = created.json();
    expect(assessment).toMatchObject({
      method: 'questionnaire',
      temperament: 'safravi',
      confidence: 0.9,
      answered: 12,
      questionnaire: 'ajnas-ashra-1',
      answers: SAFRAVI,
    });
    expect(assessment.hotCold).toBeGreaterThan(0);
    expect(assessment.moistDry).toBeLessThan(0);
    const patient = await patientOf(a, id);
    expect(patient.temperament).toBe('safravi');
    expect(patient.temperamentBasis).toEqual({
      method: 'questionnaire',
      assessedAt: assessment.assessedAt,
      confidence: 0.9,
    });
    const audit = await s.db.auditLog.findFirst({ where: { action: 'patient.mizaj.assess', entityId: id } });
    expect(audit).toMatchObject({ entity: 'patient', outcome: 'ok', actorId: a.user.id });
  });

  it('lists the history newest first, a later assessment revising the Mizaj', async () => {
    const id = await createPatient(s.app, a, { name: 'Rukhsana Bibi', age: 52, sex: 'female' });
    expect((await assess(a, id, SAFRAVI)).statusCode).toBe(201);
    const second = await assess(a, id, BALGHAMI);
    expect(second.json()).toMatchObject({ temperament: 'balghami', answered: 10 });
    expect(second.json().answers).toMatchObject({ pulse: 'not-known' });
    const listed = await history(a, id);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((x: { temperament: string }) => x.temperament)).toEqual(['balghami', 'safravi']);
    expect(listed.json().nextCursor).toBeNull();
    expect((await patientOf(a, id)).temperament).toBe('balghami');
  });

  it('records a Mizaj set through the record as judgement, once per change', async () => {
    const id = await createPatient(s.app, a, { name: 'Naveed Akhtar', age: 30, sex: 'male', temperament: 'damvi' });
    expect((await patientOf(a, id)).temperamentBasis).toMatchObject({ method: 'judgement', confidence: null });
    await assess(a, id, SAFRAVI);
    const patch = (temperament: string | null) =>
      s.app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: a.headers, payload: { temperament } });
    const judged = (await patch('saudavi')).json();
    expect(judged.temperament).toBe('saudavi');
    expect(judged.temperamentBasis.method).toBe('judgement');
    expect(judged.temperamentBasis.assessedAt).toEqual(expect.any(String));
    expect((await patch('saudavi')).statusCode).toBe(200); // the same Mizaj again: no new entry
    expect((await patch(null)).json()).toMatchObject({ temperament: null, temperamentBasis: null });
    const items = (await history(a, id)).json().items as { method: string; temperament: string | null }[];
    expect(items.map((x) => `${x.method}:${x.temperament}`)).toEqual([
      'judgement:null',
      'judgement:saudavi',
      'questionnaire:safravi',
      'judgement:damvi',
    ]);
  });

  it("answers 404 for another practitioner's patient, and changes nothing", async () => {
    const id = await createPatient(s.app, a, { name: 'Shazia Parveen', age: 36, sex: 'female' });
    expect((await assess(b, id, SAFRAVI)).statusCode).toBe(404);
    expect((await history(b, id)).statusCode).toBe(404);
    expect((await history(a, id)).json().items).toEqual([]);
    expect((await patientOf(a, id)).temperament).toBeNull();
  });

  it('refuses answers that are not the questionnaire’s, or too few to name a temperament', async () => {
    const id = await createPatient(s.app, a, { name: 'Farooq Ahmed', age: 60, sex: 'male' });
    const unknownQuestion = await assess(a, id, { ...SAFRAVI, shoeSize: 'large' });
    expect(unknownQuestion.statusCode).toBe(400);
    const unknownAnswer = await assess(a, id, { ...SAFRAVI, build: 'enormous' });
    expect(unknownAnswer.statusCode).toBe(400);
    expect(JSON.stringify(unknownAnswer.json().errors)).toMatch(/build/);
    const few = await assess(a, id, { weather: 'hot', sleep: 'little', mind: 'quick-tempered', pulse: 'not-known' });
    expect(few.statusCode).toBe(400);
    expect(few.json().detail).toMatch(/Answer at least 6 of the 12 questions/);
    expect((await history(a, id)).json().items).toEqual([]);
    expect((await patientOf(a, id)).temperament).toBeNull();
  });
});

describe('the assessed Mizaj in the visit and the plan', () => {
  /** A patient assessed by the questionnaire, and a visit with this complaint; returns the visit's id. */
  async function assessedVisit(answers: Record<string, string>, complaint: string) {
    const patientId = await createPatient(s.app, a, { name: 'Visit Patient', age: 35, sex: 'male' });
    expect((await assess(a, patientId, answers)).statusCode).toBe(201);
    const visit = await s.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/encounters`,
      headers: a.headers,
      payload: { complaint },
    });
    return visit.json().id as string;
  }
  const analyse = async (visitId: string) =>
    (await s.app.inject({ method: 'POST', url: `/api/v1/encounters/${visitId}/analyse`, headers: a.headers })).json();
  type Entry = { disease: { code: string }; probability: number; why?: { mizaj?: { temperament: string } } };
  const shaqeeqa = (analysis: { differential: Entry[] }) =>
    analysis.differential.find((e) => e.disease.code === 'shaqeeqa');

  it('analyses with the assessed Mizaj: Safravi raises Shaqeeqa (which lists it) above a Balghami patient', async () => {
    const complaint = 'headache';
    const hot = await analyse(await assessedVisit(SAFRAVI, complaint));
    const cold = await analyse(await assessedVisit(BALGHAMI, complaint));
    expect(hot.context.temperament).toBe('safravi');
    expect(cold.context.temperament).toBe('balghami');
    expect(hot.findings).toEqual(cold.findings);
    expect(shaqeeqa(hot)?.probability).toBeGreaterThan((shaqeeqa(cold)?.probability ?? 0) + 0.05);
    expect(shaqeeqa(hot)?.why?.mizaj).toMatchObject({ temperament: 'safravi' });
    expect(hot.explanation.join('\n')).toMatch(/Safravi Mizaj (supports|weighs against) the leading diagnosis/);
  });

  it("uses the visit's own Mizaj when the practitioner set one", async () => {
    const visitId = await assessedVisit(SAFRAVI, 'headache');
    await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/encounters/${visitId}`,
      headers: a.headers,
      payload: { temperament: 'balghami' },
    });
    expect((await analyse(visitId)).context.temperament).toBe('balghami');
  });

  it('cautions beside a cold drug for a Balghami patient with a cold disease, not for a Safravi one', async () => {
    const planFor = async (answers: Record<string, string>) => {
      const visitId = await assessedVisit(answers, 'sneezing and runny nose');
      const diagnosis = await s.app.inject({
        method: 'POST',
        url: `/api/v1/encounters/${visitId}/diagnosis`,
        headers: a.headers,
        payload: { diseaseCode: 'zukam' },
      });
      expect(diagnosis.statusCode).toBe(201);
      const saved = await savePlanOf(s.app, a, visitId, [
        { kind: 'dawa', singleDrugCode: 'behidana', dose: '3 g twice daily' },
      ]);
      expect(saved.statusCode).toBe(201);
      return saved.json().items[0].warnings as { kind: string; level: string; message: string; messageUrdu?: string }[];
    };
    const cold = (await planFor(BALGHAMI)).filter((w) => w.kind === 'temperament');
    expect(cold).toEqual([
      {
        kind: 'temperament',
        level: 'check',
        message: expect.stringMatching(
          /^Behidana is cold \(Cold 2, Moist 2\), for a Balghami \(cold\) patient with Zukam/,
        ),
        messageUrdu: expect.stringContaining('بلغمی'),
      },
    ]);
    expect((await planFor(SAFRAVI)).filter((w) => w.kind === 'temperament')).toEqual([]);
  });
});

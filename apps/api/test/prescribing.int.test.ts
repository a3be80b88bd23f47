// Prescribing safety through the API: every plan item is checked against the visit's patient, shown beside the
// item when the plan is checked, saved and read, never silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiagnosedVisit, createSignedInUser, type SignedIn, savePlanOf } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
beforeAll(async () => {
  s = await createTestServer({ engine: true });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim A');
}, 120_000);
afterAll(async () => {
  await s.close();
});

type Warning = { kind: string; level: string; message: string };
type PatientFields = NonNullable<Parameters<typeof createDiagnosedVisit>[3]>['patient'];

const diagnosedVisit = async (patient: PatientFields, complaint: string) =>
  (await createDiagnosedVisit(s.app, a, complaint, { patient })).visitId;
const savePlan = (id: string, items: object[]) => savePlanOf(s.app, a, id, items);

const kinds = (warnings: Warning[]) => warnings.map((w) => `${w.kind}:${w.level}`);

describe('prescribing checks', () => {
  it('warns beside a dose above the maximum and a contraindication in pregnancy (Hilteet 3.5 g)', async () => {
    const id = await diagnosedVisit({ age: 28, sex: 'female' }, '12 weeks pregnant, headache');
    const saved = await savePlan(id, [
      { kind: 'dawa', singleDrugCode: 'hilteet', dose: '3.5 g with honey water' },
      { kind: 'ghiza', text: 'Light meals' },
    ]);
    expect(saved.statusCode).toBe(201);
    const [hilteet, diet] = saved.json().items as Array<{ warnings: Warning[] }>;
    expect(kinds(hilteet?.warnings ?? [])).toEqual(['dose:danger', 'contraindication:danger']);
    expect(hilteet?.warnings[0]?.message).toMatch(/3\.5 g a day, above the maximum of 500 mg/);
    expect(hilteet?.warnings[1]?.message).toMatch(/pregnan/);
    expect(diet?.warnings).toEqual([]);
    // The same warnings when the plan is read back.
    const read = await s.app.inject({ method: 'GET', url: `/api/v1/encounters/${id}/plan`, headers: a.headers });
    expect(read.json().items[0].warnings).toEqual(hilteet?.warnings);
  });

  it('asks to confirm pregnancy when it is not recorded, and says nothing of it for a man', async () => {
    const woman = await diagnosedVisit({ age: 30, sex: 'female' }, 'headache');
    const withinDose = [{ kind: 'dawa', singleDrugCode: 'hilteet', dose: '250 mg twice daily' }];
    const check = await s.app.inject({
      method: 'POST',
      url: `/api/v1/encounters/${woman}/plan/check`,
      headers: a.headers,
      payload: { items: withinDose },
    });
    expect(check.statusCode).toBe(200);
    expect(kinds(check.json().items[0].warnings)).toEqual(['confirm:check']);
    const man = await diagnosedVisit({ age: 30, sex: 'male' }, 'headache');
    const forMan = await savePlan(man, withinDose);
    expect(forMan.json().items[0].warnings).toEqual([]);
  });

  it('flags a toxic ingredient in a formulation and its contraindication in raised blood pressure', async () => {
    const id = await diagnosedVisit({ age: 60, sex: 'male' }, 'headache, BP 170/100');
    const saved = await savePlan(id, [{ kind: 'dawa', formulationCode: 'majoon-e-azaraqi', dose: '3 g twice daily' }]);
    const warnings = saved.json().items[0].warnings as Warning[];
    expect(kinds(warnings)).toEqual(['dose:danger', 'contraindication:danger', 'toxic:check']);
    expect(warnings[1]?.message).toMatch(/raised blood pressure, which this visit records/);
    expect(warnings[2]?.message).toMatch(/strychnine/);
    // Without a measured pressure the check asks for one instead of staying silent.
    const unmeasured = await diagnosedVisit({ age: 60, sex: 'male' }, 'headache');
    const asked = await savePlan(unmeasured, [{ kind: 'dawa', formulationCode: 'majoon-e-azaraqi', dose: '1 g' }]);
    expect(
      asked
        .json()
        .items[0].warnings.map((w: Warning) => w.message)
        .join(' '),
    ).toMatch(/measure the blood pressure/);
  });

  it('warns on a remedy contraindicated in children and on an adult dose for a child', async () => {
    const id = await diagnosedVisit({ age: 6, sex: 'male' }, 'headache');
    const saved = await savePlan(id, [
      { kind: 'dawa', singleDrugCode: 'kuchla', dose: '60 mg' },
      { kind: 'dawa', formulationCode: 'itrifal-ustukhuddus', dose: '7 g at bedtime' },
    ]);
    const [kuchla, itrifal] = saved.json().items as Array<{ warnings: Warning[] }>;
    expect(kinds(kuchla?.warnings ?? [])).toContain('contraindication:danger');
    expect(kinds(itrifal?.warnings ?? [])).toEqual(['child-dose:check']);
  });

  it("checks the patient's record: known conditions, allergies and a pregnancy recorded weeks ago", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const id = await diagnosedVisit(
      {
        age: 29,
        sex: 'female',
        history: {
          conditions: ['hypertension'],
          allergies: ['kuchla'],
          pregnancy: { status: 'pregnant', weeks: 10, recordedOn: daysAgo(21) },
        },
      },
      'headache, BP 118/76',
    );
    const saved = await savePlan(id, [
      { kind: 'dawa', formulationCode: 'majoon-e-azaraqi', dose: '1 g' },
      { kind: 'dawa', singleDrugCode: 'hilteet', dose: '250 mg' },
    ]);
    const [azaraqi, hilteet] = saved.json().items as Array<{ warnings: Warning[] }>;
    const messages = (w: Warning[] = []) => w.map((x) => `${x.kind}:${x.level} ${x.message}`).join('\n');
    // A normal pressure today does not hide the recorded hypertension; the allergy names the ingredient.
    expect(messages(azaraqi?.warnings)).toMatch(
      /contraindication:danger .*raised blood pressure, which the patient's record lists/,
    );
    expect(messages(azaraqi?.warnings)).toMatch(/allergy:danger .*allergy to kuchla; Majoon/);
    // Pregnant at 10 weeks three weeks ago is pregnant today, with nothing said in the complaint.
    expect(messages(hilteet?.warnings)).toMatch(/contraindication:danger .*this patient is pregnant/);
  });

  it('checks a draft only for the practitioner who owns the visit', async () => {
    const id = await diagnosedVisit({ age: 28, sex: 'female' }, 'headache');
    const other = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim B');
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/v1/encounters/${id}/plan/check`,
      headers: other.headers,
      payload: { items: [{ kind: 'advice', text: 'Rest' }] },
    });
    expect(res.statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineDisease, EngineKnowledge, EngineRemedy, PatientContext } from '../types.ts';
import { checkPrescription } from './prescribing.ts';

const remedy = (code: string, over: Partial<EngineRemedy> = {}): EngineRemedy => ({
  code,
  kind: 'formulation',
  name: code,
  toxic: false,
  avoidIn: [],
  cautions: [],
  ...over,
});

const knowledge = {
  hash: 'test',
  symptoms: [],
  diseases: [],
  redFlags: [],
  remedies: [
    remedy('Majoon Azaraqi', { avoidIn: ['hypertension', 'epilepsy'], names: ['Majoon Azaraqi', 'Kuchla'] }),
    remedy('Khamira Marwareed', {
      avoidIn: ['breastfeeding'],
      names: ['Khamira Marwareed', 'Asal (Honey)', 'Abresham'],
    }),
    remedy('Itrifal Ustukhuddus', { names: ['Itrifal Ustukhuddus', 'Halela Siyah', 'Badam Roghan'] }),
  ],
} as unknown as EngineKnowledge;

const warningsFor = (code: string, context: PatientContext) =>
  checkPrescription([{ kind: 'dawa', formulationCode: code }], context, [], knowledge)[0] ?? [];

describe('prescribing checks against the patient record', () => {
  const adultMan: PatientContext = { ageYears: 50, sex: 'male', vitals: { systolic: 120, diastolic: 80 } };

  it('warns when a recorded long-standing condition contraindicates the remedy, with no finding at the visit', () => {
    expect(warningsFor('Majoon Azaraqi', adultMan).filter((w) => w.level === 'danger')).toEqual([]);
    const recorded = warningsFor('Majoon Azaraqi', { ...adultMan, knownConditions: ['epilepsy'] });
    expect(recorded).toContainEqual(
      expect.objectContaining({ kind: 'contraindication', level: 'danger', message: expect.stringMatching(/record/) }),
    );
  });

  it('a recorded hypertension wins over a normal pressure at this visit', () => {
    const w = warningsFor('Majoon Azaraqi', { ...adultMan, knownConditions: ['hypertension'] });
    expect(w.some((x) => x.level === 'danger' && /raised blood pressure/.test(x.message))).toBe(true);
  });

  it('a breastfeeding mother gets a danger, an unknown status a question, a man neither', () => {
    const woman: PatientContext = { ageYears: 28, sex: 'female' };
    expect(warningsFor('Khamira Marwareed', { ...woman, breastfeeding: true })).toContainEqual(
      expect.objectContaining({ level: 'danger', kind: 'contraindication' }),
    );
    expect(warningsFor('Khamira Marwareed', woman)).toContainEqual(expect.objectContaining({ level: 'check' }));
    expect(warningsFor('Khamira Marwareed', { ...woman, breastfeeding: false })).toEqual([]);
    expect(warningsFor('Khamira Marwareed', adultMan)).toEqual([]);
  });

  it('flags a recorded allergy to an ingredient, whole words only, from a list on one line', () => {
    const w = warningsFor('Khamira Marwareed', { ...adultMan, allergies: ['penicillin, honey'] });
    expect(w).toEqual([
      expect.objectContaining({ kind: 'allergy', level: 'danger', message: expect.stringContaining('Asal (Honey)') }),
    ]);
    // "badam" (almond) is in Itrifal Ustukhuddus; "bad" is not a word of any of its names.
    expect(warningsFor('Itrifal Ustukhuddus', { ...adultMan, allergies: ['Badam'] })).toHaveLength(1);
    expect(warningsFor('Itrifal Ustukhuddus', { ...adultMan, allergies: ['bad reaction to dust'] })).toEqual([]);
    expect(warningsFor('Itrifal Ustukhuddus', { ...adultMan, allergies: ['no'] })).toEqual([]);
  });

  it('an allergy named after the remedy itself is flagged', () => {
    const w = warningsFor('Itrifal Ustukhuddus', { ...adultMan, allergies: ['itrifal ustukhuddus'] });
    expect(w[0]?.message).toMatch(/Itrifal Ustukhuddus is\./);
  });
});

describe('the Mizaj caution', () => {
  const disease = (code: string, humours: EngineDisease['humours'], urduName?: string): EngineDisease => ({
    code,
    name: code,
    englishName: code,
    temperaments: [],
    humours,
    symptoms: [],
    ...(urduName ? { urduName } : {}),
  });
  const drug = (code: string, temperament?: string): EngineRemedy => ({
    ...remedy(code, { kind: 'singleDrug' }),
    ...(temperament ? { temperament } : {}),
  });
  const mizajKnowledge = {
    hash: 'mizaj',
    symptoms: [],
    redFlags: [],
    diseases: [
      disease('Yarqan', ['safra'], 'یرقان'),
      disease('Zukam', ['balgham']),
      disease('Qooba', ['sauda', 'safra']),
      disease('Suda', undefined),
    ],
    remedies: [
      drug('Zanjabeel', 'Hot 3, Dry 3'),
      drug('Kasni', 'Cold 1, Dry 1'),
      drug('Unnab', 'Moderate'),
      drug('Sana'),
    ],
  } as EngineKnowledge;
  const check = (code: string, temperament: PatientContext['temperament'], diseaseCode?: string) =>
    checkPrescription(
      [{ kind: 'dawa', singleDrugCode: code }],
      { temperament },
      [],
      mizajKnowledge,
      diseaseCode,
    )[0]?.filter((w) => w.kind === 'temperament') ?? [];

  it('cautions beside a hot drug for a Safravi or Damvi patient with a disease of Safra or Dam, in both languages', () => {
    const [caution, ...more] = check('Zanjabeel', 'safravi', 'Yarqan');
    expect(more).toEqual([]);
    expect(caution).toMatchObject({ kind: 'temperament', level: 'check' });
    expect(caution?.message).toBe(
      'Zanjabeel is hot (Hot 3, Dry 3), for a Safravi (hot) patient with Yarqan, a disease of Safra: treatment by ' +
        'opposites (Ilaj bil Zid) would not add heat to heat — confirm it is intended.',
    );
    expect(caution?.messageUrdu).toContain('گرم ہے (گرم 3، خشک 3)');
    expect(caution?.messageUrdu).toContain('یرقان صفرا کی بیماری ہے');
    expect(check('Zanjabeel', 'damvi', 'Yarqan')).toHaveLength(1);
  });

  it('cautions, the mirror way, beside a cold drug for a Balghami or Saudavi patient with a cold disease', () => {
    expect(check('Kasni', 'balghami', 'Zukam')[0]?.message).toMatch(/^Kasni is cold .* would not add cold to cold/);
    expect(check('Kasni', 'saudavi', 'Zukam')).toHaveLength(1);
  });

  it('says nothing when any of the three does not lean the same way, or is not known', () => {
    expect(check('Zanjabeel', 'balghami', 'Yarqan')).toEqual([]); // a cold patient
    expect(check('Zanjabeel', 'safravi', 'Zukam')).toEqual([]); // a cold disease
    expect(check('Zanjabeel', 'safravi', 'Qooba')).toEqual([]); // a disease of hot and cold humours
    expect(check('Zanjabeel', 'safravi', 'Suda')).toEqual([]); // no humours recorded
    expect(check('Zanjabeel', 'safravi')).toEqual([]); // no confirmed diagnosis
    expect(check('Zanjabeel', undefined, 'Yarqan')).toEqual([]); // no Mizaj
    expect(check('Unnab', 'safravi', 'Yarqan')).toEqual([]); // a moderate drug
    expect(check('Sana', 'safravi', 'Yarqan')).toEqual([]); // no temperament recorded
    expect(check('Kasni', 'safravi', 'Yarqan')).toEqual([]); // a cold drug for heat: treatment by opposites
  });
});

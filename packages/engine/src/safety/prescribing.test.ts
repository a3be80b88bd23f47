import { describe, expect, it } from 'vitest';
import type { EngineKnowledge, EngineRemedy, PatientContext } from '../types.ts';
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

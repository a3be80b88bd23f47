import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';
import type { DiagnosisModel } from './model/artifact.ts';
import { createKnowledge, findings } from './model/testing/knowledgeFixture.ts';
import { trainModel } from './model/train.ts';
import type { EngineKnowledge, EngineSymptom, Finding } from './types.ts';

const symptom = (code: string, extra: Partial<EngineSymptom> = {}): EngineSymptom => ({
  code,
  name: code.replace(/-/g, ' '),
  kind: 'symptom',
  terms: [code],
  ...extra,
});

/** The fixture with a small hierarchy, self-care flags, vital-sign findings and rules that use them. */
function knowledgeWithSafety(): EngineKnowledge {
  const base = createKnowledge();
  const selfCare = new Set(['sneezing', 'nasal-discharge', 'cough', 'throat-irritation', 'headache', 'fever']);
  return {
    ...base,
    symptoms: [
      ...base.symptoms.map((s) => (selfCare.has(s.code) ? { ...s, selfCare: true } : s)),
      symptom('high-fever', { parents: ['fever'] }),
      symptom('throbbing-headache', { parents: ['headache'] }),
      symptom('neck-rigidity', { parents: ['neck-stiffness'] }),
      symptom('very-high-blood-pressure', { parents: ['raised-blood-pressure'] }),
      symptom('raised-blood-pressure'),
      symptom('pregnancy'),
      symptom('blurred-vision'),
    ],
    redFlags: [
      ...base.redFlags,
      {
        code: 'fever-in-young-infant',
        message: 'Fever under 3 months',
        urgency: 'emergency',
        when: { all: ['fever'], any: [], ageBelowYears: 0.25 },
      },
      {
        code: 'pre-eclampsia',
        message: 'Pre-eclampsia',
        urgency: 'emergency',
        when: { all: [], any: ['headache@severe', 'blurred-vision'], pregnant: true, pregnancyWeeksAtLeast: 20 },
      },
      {
        code: 'hypertensive-urgency',
        message: 'BP 180/120 or more',
        urgency: 'urgent',
        when: { all: ['very-high-blood-pressure'], any: [] },
      },
    ],
  };
}

let model: DiagnosisModel;

beforeAll(async () => {
  ({ model } = await trainModel(knowledgeWithSafety(), { seed: 1, casesPerDisease: 40, epochs: 4, backend: 'cpu' }));
});

describe('analyse', () => {
  it('returns triage, red flags, differential, explanation and questions in one answer', () => {
    const a = analyse(findings('sneezing', 'nasal-discharge'), {}, model);
    expect(a.differential[0]?.disease.code).toBe('zukam');
    expect(a.triage.level).toBe('selfcare');
    expect(a.triage.advice).toMatch(/home/);
    expect(a.triage.adviceUrdu).toMatch(/گھر/);
    expect(a.redFlags).toEqual([]);
    expect(a.nextQuestions.length).toBeGreaterThan(0);
    expect(a.advisory).toMatch(/advisory|decision support/i);
  });

  it('lets a specific finding satisfy a rule that asks for its parent (high fever counts as fever)', () => {
    const a = analyse(findings('high-fever', 'neck-rigidity'), {}, model);
    expect(a.redFlags.map((f) => f.code)).toContain('meningism');
    expect(a.triage.level).toBe('emergency');
    expect(a.triage.reasons[0]).toMatchObject({ code: 'meningism', findings: ['fever', 'neck-stiffness'] });
  });

  it('never fires an infant rule on an unknown age, and asks for the age instead', () => {
    const unknown = analyse(findings('fever', 'headache', 'nausea'), {}, model);
    expect(unknown.redFlags).toEqual([]);
    expect(unknown.triage.level).toBe('consult');
    expect(unknown.triage.ask.map((a) => a.field)).toEqual(['age']);
    const infant = analyse(findings('fever'), { ageYears: 0.1 }, model);
    expect(infant.triage.level).toBe('emergency');
    expect(infant.triage.ask).toEqual([]);
    const adult = analyse(findings('fever'), { ageYears: 30 }, model);
    expect(adult.redFlags).toEqual([]);
  });

  it('turns vital signs into graded findings the rules use', () => {
    const a = analyse([], { vitals: { systolic: 190, diastolic: 120 } }, model);
    expect(a.findings).toContainEqual({
      symptom: 'very-high-blood-pressure',
      name: 'very high blood pressure',
      present: true,
      severity: 'severe',
    });
    expect(a.triage.level).toBe('urgent');
    const hot = analyse(findings('-fever'), { vitals: { temperatureC: 39.6 } }, model);
    expect(hot.findings.find((f) => f.symptom === 'high-fever')?.severity).toBe('severe');
  });

  it('applies pregnancy rules from the context or a pregnancy finding', () => {
    const late = analyse(findings('blurred-vision'), { pregnant: true, pregnancyWeeks: 32 }, model);
    expect(late.triage.level).toBe('emergency');
    const stated = analyse(findings('pregnancy', 'blurred-vision'), {}, model);
    expect(stated.redFlags.map((f) => f.code)).toEqual(['pre-eclampsia']);
    expect(stated.context?.sex).toBe('female');
    const notPregnant = analyse(findings('-pregnancy', 'blurred-vision'), {}, model);
    expect(notPregnant.redFlags).toEqual([]);
  });

  it('keeps self-care for minor complaints only: not severe, not long, not an infant, not in pregnancy', () => {
    expect(analyse(findings('cough', 'sneezing'), { ageYears: 30 }, model).triage.level).toBe('selfcare');
    const severe = [{ symptom: 'headache', name: 'headache', present: true, severity: 'severe' as const }];
    expect(analyse(severe, { ageYears: 30 }, model).triage.level).toBe('consult');
    const long = [{ symptom: 'cough', name: 'cough', present: true, durationDays: 30 }];
    expect(analyse(long, { ageYears: 30 }, model).triage.level).toBe('consult');
    expect(analyse(findings('cough'), { ageYears: 0.5 }, model).triage.level).toBe('consult');
    expect(analyse(findings('cough'), { ageYears: 25, pregnant: true }, model).triage.level).toBe('consult');
    expect(analyse(findings('chills'), { ageYears: 30 }, model).triage.level).toBe('consult');
    expect(analyse([], {}, model).triage.level).toBe('consult');
  });

  it('does not ask for a finding the findings already imply or rule out', () => {
    const throbbing = analyse(findings('throbbing-headache'), {}, model);
    expect(throbbing.nextQuestions.map((q) => q.symptom)).not.toContain('headache');
    const noFever = analyse(findings('-fever', 'cough'), {}, model);
    expect(noFever.nextQuestions.map((q) => q.symptom)).not.toContain('high-fever');
  });

  it('says the picture is incomplete with fewer than three informative findings, and still asks next', () => {
    const two = analyse(findings('sneezing', 'nasal-discharge'), {}, model);
    expect(two.incomplete).toBe(true);
    expect(two.nextQuestions.length).toBeGreaterThan(0);
    // No disease lists neck stiffness: its likelihood is the same under all of them, so it is not informative.
    expect(analyse(findings('sneezing', 'nasal-discharge', 'neck-stiffness'), {}, model).incomplete).toBe(true);
    // A doubtful finding is not informative either.
    const doubtful = [
      ...findings('sneezing', 'nasal-discharge'),
      { symptom: 'cough', name: 'cough', present: true, uncertain: true },
    ];
    expect(analyse(doubtful, {}, model).incomplete).toBe(true);
    const four = analyse(findings('sneezing', 'nasal-discharge', '-fever', 'headache'), {}, model);
    expect(four.incomplete).toBeUndefined();
  });

  it('returns the reasons of each disease in the differential', () => {
    const a = analyse(findings('sneezing', 'nasal-discharge', 'cough'), {}, model);
    expect(a.differential.every((e) => e.why !== undefined)).toBe(true);
    expect(a.differential.find((e) => e.disease.code === 'zukam')?.why?.against?.symptom).toBe('cough');
  });

  it('names the Mizaj in the explanation when it moved the leading diagnosis', () => {
    const cold = analyse(findings('sneezing', 'nasal-discharge', '-fever'), { temperament: 'balghami' }, model);
    expect(cold.differential[0]?.disease.code).toBe('zukam');
    expect(cold.explanation).toContain('Balghami Mizaj supports the leading diagnosis');
    const hot = analyse(findings('sneezing', 'nasal-discharge', '-fever'), { temperament: 'safravi' }, model);
    expect(hot.explanation).toContain('Safravi Mizaj weighs against the leading diagnosis');
    const none = analyse(findings('sneezing', 'nasal-discharge', '-fever'), {}, model);
    expect(none.explanation.filter((line) => /Mizaj/.test(line) && !/^Decision tree/.test(line))).toEqual([]);
  });
});

describe('outside the knowledge base', () => {
  it('is not said when a leading disease lists the complaints (a specific one counts for its general one)', () => {
    expect(analyse(findings('throbbing-headache', 'fever', 'chills'), {}, model).outsideKnowledge).toBeUndefined();
  });

  it('is said when no leading disease lists most of the complaints', () => {
    const a = analyse(findings('blurred-vision', 'raised-blood-pressure', 'pregnancy'), {}, model);
    expect(a.outsideKnowledge).toBe(true);
    // The least-bad diseases are still listed, for the practitioner to weigh.
    expect(a.differential.length).toBeGreaterThan(0);
  });

  it('is said of a long complaint of which almost nothing could be read, not of the same finding picked', () => {
    const complaint =
      'my knees click when I climb the stairs at work and the skin of both my shins has been dry, rough and cracking for several months now';
    // Only a denial was read: no complaint at all.
    const read: Finding[] = [{ symptom: 'fever', name: 'fever', present: false, span: [0, 2] }];
    expect(analyse(read, {}, model, complaint).outsideKnowledge).toBe(true);
    expect(analyse(findings('-fever'), {}, model).outsideKnowledge).toBeUndefined();
    expect(analyse(read, {}, model, 'no fever since morning').outsideKnowledge).toBeUndefined();
    // One complaint read that singles out a disease of the base is explained, however long the text around it.
    const headache: Finding[] = [{ symptom: 'headache', name: 'headache', present: true, span: [0, 2] }];
    expect(analyse(headache, {}, model, complaint).outsideKnowledge).toBeUndefined();
  });
});

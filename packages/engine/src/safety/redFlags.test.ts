import { describe, expect, it } from 'vitest';
import { findings } from '../model/testing/knowledgeFixture.ts';
import type { Finding, RedFlagRule } from '../types.ts';
import { redFlags } from './redFlags.ts';

const rule = (
  code: string,
  when: Partial<RedFlagRule['when']>,
  urgency: RedFlagRule['urgency'] = 'urgent',
): RedFlagRule => ({
  code,
  message: `message of ${code}`,
  urgency,
  when: { all: [], any: [], ...when },
});

const graded = (symptom: string, severity: Finding['severity']): Finding => ({
  symptom,
  name: symptom,
  present: true,
  ...(severity ? { severity } : {}),
});

describe('red flags', () => {
  const meningism = rule('meningism', { all: ['fever', 'neck-stiffness'] }, 'emergency');

  it("carries the rule's one-line summary with the fired flag", () => {
    const summarised = { ...meningism, summary: 'Fever with a stiff neck: emergency now.' };
    expect(redFlags(findings('fever', 'neck-stiffness'), {}, [summarised]).fired[0]?.summary).toBe(
      'Fever with a stiff neck: emergency now.',
    );
    expect(redFlags(findings('fever', 'neck-stiffness'), {}, [meningism]).fired[0]).not.toHaveProperty('summary');
  });

  it('fires when every "all" finding is present and names the findings that triggered it', () => {
    const { fired } = redFlags(findings('fever', 'neck-stiffness', 'cough'), {}, [meningism]);
    expect(fired).toEqual([
      {
        code: 'meningism',
        message: 'message of meningism',
        urgency: 'emergency',
        triggeredBy: [
          { symptom: 'fever', name: 'fever' },
          { symptom: 'neck-stiffness', name: 'neck stiffness' },
        ],
        unverified: [],
      },
    ]);
  });

  it('does not fire on absent findings', () => {
    expect(redFlags(findings('fever', '-neck-stiffness'), {}, [meningism]).fired).toEqual([]);
  });

  it('fires on a suspected finding: a possible danger is not silence', () => {
    const suspected: Finding[] = [
      ...findings('fever'),
      { symptom: 'neck-stiffness', name: 'neck stiffness', present: true, uncertain: true },
    ];
    expect(redFlags(suspected, {}, [meningism]).fired.map((f) => f.code)).toEqual([meningism.code]);
  });

  it('lets only a certain finding silence a rule through "none"', () => {
    const unlessNeckStiff: RedFlagRule = {
      ...meningism,
      code: 'fever-alone',
      when: { all: ['fever'], any: [], none: ['neck-stiffness'] },
    };
    const doubted: Finding[] = [
      ...findings('fever'),
      { symptom: 'neck-stiffness', name: 'neck stiffness', present: true, uncertain: true },
    ];
    expect(redFlags(doubted, {}, [unlessNeckStiff]).fired.map((f) => f.code)).toEqual(['fever-alone']);
    expect(redFlags(findings('fever', 'neck-stiffness'), {}, [unlessNeckStiff]).fired).toEqual([]);
  });

  it('needs at least one "any" finding when the rule lists some', () => {
    const haemoptysis = rule('haemoptysis', { all: ['cough'], any: ['blood-in-sputum', 'weight-loss'] });
    expect(redFlags(findings('cough'), {}, [haemoptysis]).fired).toEqual([]);
    const fired = redFlags(findings('cough', 'weight-loss'), {}, [haemoptysis]).fired;
    expect(fired[0]?.triggeredBy.map((f) => f.symptom)).toEqual(['cough', 'weight-loss']);
  });

  it('is silenced by a "none" finding', () => {
    const painless = rule('painless-haematuria', { all: ['haematuria'], none: ['burning-micturition'] });
    expect(redFlags(findings('haematuria'), {}, [painless]).fired).toHaveLength(1);
    expect(redFlags(findings('haematuria', 'burning-micturition'), {}, [painless]).fired).toEqual([]);
  });

  it('honours the minimum severity of a triggering finding, for the rule or for one finding (code@severe)', () => {
    const severeHeadache = rule('thunderclap', { all: ['headache'], minSeverity: 'severe' });
    const perFinding = rule('pre-eclampsia', { all: ['pregnancy'], any: ['headache@severe', 'blurred-vision'] });
    expect(redFlags([graded('headache', 'moderate')], {}, [severeHeadache]).fired).toEqual([]);
    expect(redFlags([graded('headache', 'severe')], {}, [severeHeadache]).fired).toHaveLength(1);
    expect(redFlags([graded('pregnancy', undefined), graded('headache', 'mild')], {}, [perFinding]).fired).toEqual([]);
    expect(
      redFlags([graded('pregnancy', undefined), graded('headache', 'severe')], {}, [perFinding]).fired,
    ).toHaveLength(1);
  });

  it('applies age limits, and never fires on an unknown age: it asks for the age instead', () => {
    const infantFever = rule('infant-fever', { all: ['fever'], ageBelowYears: 0.25 }, 'emergency');
    expect(redFlags(findings('fever'), { ageYears: 0.1 }, [infantFever]).fired).toHaveLength(1);
    expect(redFlags(findings('fever'), { ageYears: 30 }, [infantFever]).fired).toEqual([]);
    const unknown = redFlags(findings('fever'), {}, [infantFever]);
    expect(unknown.fired).toEqual([]);
    expect(unknown.pending).toEqual([{ code: 'infant-fever', urgency: 'emergency', needs: 'age' }]);
  });

  it('applies sex limits, and marks them unverified when not recorded', () => {
    const chestPain = rule('chest-pain-male', { all: ['chest-pain'], sex: 'male' });
    expect(redFlags(findings('chest-pain'), { sex: 'male' }, [chestPain]).fired).toHaveLength(1);
    expect(redFlags(findings('chest-pain'), { sex: 'female' }, [chestPain]).fired).toEqual([]);
    expect(redFlags(findings('chest-pain'), {}, [chestPain]).fired[0]?.unverified).toEqual(['sex']);
  });

  it('fires a pregnancy rule on a pregnancy stated in the record or the findings, and asks when unknown', () => {
    const bleeding = rule('bleeding-in-pregnancy', { all: ['vaginal-bleeding'], pregnant: true }, 'emergency');
    expect(redFlags(findings('vaginal-bleeding'), { pregnant: true }, [bleeding]).fired).toHaveLength(1);
    expect(redFlags(findings('vaginal-bleeding', 'pregnancy'), {}, [bleeding]).fired).toHaveLength(1);
    expect(redFlags(findings('vaginal-bleeding'), { pregnant: false }, [bleeding]).fired).toEqual([]);
    expect(redFlags(findings('vaginal-bleeding'), {}, [bleeding]).pending[0]?.needs).toBe('pregnancy');
    expect(redFlags(findings('vaginal-bleeding'), { sex: 'male' }, [bleeding]).pending).toEqual([]);
  });

  it('checks weeks of pregnancy when known and fires, unverified, when not', () => {
    const late = rule('pre-eclampsia', { all: ['blurred-vision'], pregnant: true, pregnancyWeeksAtLeast: 20 });
    expect(redFlags(findings('blurred-vision'), { pregnant: true, pregnancyWeeks: 12 }, [late]).fired).toEqual([]);
    expect(redFlags(findings('blurred-vision'), { pregnant: true, pregnancyWeeks: 32 }, [late]).fired).toHaveLength(1);
    expect(redFlags(findings('blurred-vision'), { pregnant: true }, [late]).fired[0]?.unverified).toEqual([
      'pregnancyWeeks',
    ]);
  });

  it('checks a gestation below a limit (preterm) when known, and fires unverified when not', () => {
    const preterm = rule('preterm-labour', { all: ['labour-pains'], pregnant: true, pregnancyWeeksBelow: 37 });
    expect(redFlags(findings('labour-pains'), { pregnant: true, pregnancyWeeks: 39 }, [preterm]).fired).toEqual([]);
    expect(redFlags(findings('labour-pains'), { pregnant: true, pregnancyWeeks: 29 }, [preterm]).fired).toHaveLength(1);
    expect(redFlags(findings('labour-pains'), { pregnant: true }, [preterm]).fired[0]?.unverified).toEqual([
      'pregnancyWeeks',
    ]);
  });

  it('lists emergencies before urgent referrals', () => {
    const urgent = rule('persistent-fever', { all: ['fever'] });
    const { fired } = redFlags(findings('fever', 'neck-stiffness'), {}, [urgent, meningism]);
    expect(fired.map((f) => f.code)).toEqual(['meningism', 'persistent-fever']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding, RedFlagRule } from '../types.ts';
import { redFlags } from './redFlags.ts';
import { findings } from './testing/knowledgeFixture.ts';

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

describe('red flags', () => {
  const meningism = rule('meningism', { all: ['fever', 'neck-stiffness'] }, 'emergency');

  it('fires when every "all" finding is present and names the findings that triggered it', () => {
    const fired = redFlags(findings('fever', 'neck-stiffness', 'cough'), {}, [meningism]);
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

  it('does not fire on absent or uncertain findings', () => {
    expect(redFlags(findings('fever', '-neck-stiffness'), {}, [meningism])).toEqual([]);
    const uncertain: Finding[] = [
      ...findings('fever'),
      { symptom: 'neck-stiffness', name: 'neck stiffness', present: true, uncertain: true },
    ];
    expect(redFlags(uncertain, {}, [meningism])).toEqual([]);
  });

  it('needs at least one "any" finding when the rule lists some', () => {
    const haemoptysis = rule('haemoptysis', { all: ['cough'], any: ['blood-in-sputum', 'weight-loss'] });
    expect(redFlags(findings('cough'), {}, [haemoptysis])).toEqual([]);
    expect(redFlags(findings('cough', 'weight-loss'), {}, [haemoptysis])[0]?.triggeredBy.map((f) => f.symptom)).toEqual(
      ['cough', 'weight-loss'],
    );
  });

  it('honours the minimum severity of a triggering finding', () => {
    const severeHeadache = rule('thunderclap', { all: ['headache'], minSeverity: 'severe' });
    const mild: Finding[] = [{ symptom: 'headache', name: 'headache', present: true, severity: 'moderate' }];
    const severe: Finding[] = [{ symptom: 'headache', name: 'headache', present: true, severity: 'severe' }];
    expect(redFlags(mild, {}, [severeHeadache])).toEqual([]);
    expect(redFlags(severe, {}, [severeHeadache])).toHaveLength(1);
  });

  it('applies age and sex limits, and marks them unverified when not recorded', () => {
    const infantFever = rule('infant-fever', { all: ['fever'], ageBelowYears: 1 });
    const chestPain = rule('chest-pain-40', { all: ['chest-pain'], ageAtLeastYears: 40, sex: 'male' });
    expect(redFlags(findings('fever'), { ageYears: 0.5 }, [infantFever])).toHaveLength(1);
    expect(redFlags(findings('fever'), { ageYears: 30 }, [infantFever])).toEqual([]);
    expect(redFlags(findings('fever'), {}, [infantFever])[0]?.unverified).toEqual(['age']);
    expect(redFlags(findings('chest-pain'), { ageYears: 50, sex: 'male' }, [chestPain])).toHaveLength(1);
    expect(redFlags(findings('chest-pain'), { ageYears: 50, sex: 'female' }, [chestPain])).toEqual([]);
    expect(redFlags(findings('chest-pain'), { ageYears: 39, sex: 'male' }, [chestPain])).toEqual([]);
    expect(redFlags(findings('chest-pain'), {}, [chestPain])[0]?.unverified).toEqual(['age', 'sex']);
  });

  it('lists emergencies before urgent referrals', () => {
    const urgent = rule('persistent-fever', { all: ['fever'] });
    const fired = redFlags(findings('fever', 'neck-stiffness'), {}, [urgent, meningism]);
    expect(fired.map((f) => f.code)).toEqual(['meningism', 'persistent-fever']);
  });
});

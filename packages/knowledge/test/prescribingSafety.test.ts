import { describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge, problemsOf } from './knowledgeFixture.ts';

describe('prescribing safety of the knowledge base', () => {
  it('refuses a toxic drug without its caution, daily maximum and pregnancy/child contraindications', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('single-drugs/drugs.yaml', (t) =>
      t
        .replace('  cautions: [Poisonous (strychnine) — only the detoxified drug, under supervision.]\n', '')
        .replace('  maxDailyDose: {amount: 125, unit: mg, source: stg-ccrum}\n', '')
        .replace('avoidIn: [pregnancy, children, hypertension, epilepsy]', 'avoidIn: [hypertension]'),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'single-drugs/drugs.yaml › kuchla: toxic drug without a caution, a maxDailyDose, avoidIn pregnancy, avoidIn children',
    ]);
  });

  it('refuses a formulation that holds a toxic drug without a caution', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('formulations/itrifal.yaml', (t) => t.replace('  cautions: [Contains Kuchla (strychnine).]\n', ''));
    expect(problemsOf(copy.dir)).toEqual([
      'formulations/itrifal.yaml › majoon-e-azaraqi: holds the toxic drug(s) kuchla but has no caution',
    ]);
  });

  it('refuses a protocol dose above the daily maximum (Hilteet 3.5 g against 500 mg)', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/shaqeeqa.yaml', (t) =>
      t.replace(
        '    - { kind: tadbeer, text: "Rest in a dark, quiet room" }',
        '    - { kind: dawa, singleDrug: hilteet, dose: "3.5 g with honey water" }\n    - { kind: tadbeer, text: "Rest in a dark, quiet room" }',
      ),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/shaqeeqa.yaml › shaqeeqa: protocol dose "3.5 g with honey water" of hilteet is 3500 mg a day, above its maximum of 500 mg',
    ]);
  });

  it('counts the doses a day: 300 mg twice daily is over a 500 mg maximum', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/shaqeeqa.yaml', (t) =>
      t.replace(
        '    - { kind: tadbeer, text: "Rest in a dark, quiet room" }',
        '    - { kind: dawa, singleDrug: hilteet, dose: "300 mg twice daily" }\n    - { kind: tadbeer, text: "Rest in a dark, quiet room" }',
      ),
    );
    expect(problemsOf(copy.dir)).toHaveLength(1);
  });
});

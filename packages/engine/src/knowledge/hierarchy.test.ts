import { describe, expect, it } from 'vitest';
import { featureSpace } from '../model/features.ts';
import { compileKnowledgeModel } from '../model/knowledgeModel.ts';
import { createKnowledge, findings } from '../model/testing/knowledgeFixture.ts';
import type { EngineKnowledge } from '../types.ts';
import { closeForDifferential } from './hierarchy.ts';

/** The fixture with "high fever" under "fever" and a disease that lists only the specific finding. */
function withHighFever(): EngineKnowledge {
  const base = createKnowledge();
  return {
    ...base,
    symptoms: [
      ...base.symptoms,
      { code: 'high-fever', name: 'high fever', kind: 'symptom', terms: ['high fever'], parents: ['fever'] },
    ],
    diseases: [
      ...base.diseases,
      {
        code: 'dengue',
        name: 'Dengue',
        englishName: 'Dengue',
        temperaments: [],
        symptoms: [
          { symptom: 'high-fever', likelihood: 0.9, cardinal: true },
          { symptom: 'body-ache', likelihood: 0.8, cardinal: false },
        ],
      },
    ],
  };
}

describe('the symptom hierarchy in the differential', () => {
  it('reads a specific finding as its general one, and a denied general one as denying the specific', () => {
    const knowledge = withHighFever();
    const up = closeForDifferential(findings('high-fever'), knowledge);
    expect(up.map((f) => [f.symptom, f.present])).toEqual([
      ['high-fever', true],
      ['fever', true],
    ]);
    const down = closeForDifferential(findings('-fever'), knowledge);
    expect(down.map((f) => [f.symptom, f.present])).toEqual([
      ['fever', false],
      ['high-fever', false],
    ]);
  });

  it('keeps what the note states: "no high fever" does not deny fever', () => {
    const closed = closeForDifferential(findings('-high-fever', 'fever'), withHighFever());
    expect(closed.map((f) => [f.symptom, f.present])).toEqual([
      ['high-fever', false],
      ['fever', true],
    ]);
  });

  it('expects the general finding at least as often as the specific one a disease lists', () => {
    const knowledge = withHighFever();
    const space = featureSpace(knowledge);
    const model = compileKnowledgeModel(knowledge, space);
    const S = model.symptomCount;
    const dengue = space.diseases.indexOf('dengue');
    const fever = space.symptomIndex.get('fever') as number;
    const highFever = space.symptomIndex.get('high-fever') as number;
    expect(model.listed[dengue * S + fever]).toBe(1);
    expect(model.likelihood[dengue * S + fever]).toBeCloseTo(model.likelihood[dengue * S + highFever] as number, 9);
    // A disease listing fever itself keeps its own, higher likelihood.
    const humma = space.diseases.indexOf('humma');
    expect(model.likelihood[humma * S + fever]).toBeCloseTo(0.95, 9);
  });
});

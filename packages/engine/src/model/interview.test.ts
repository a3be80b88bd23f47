import { describe, expect, it } from 'vitest';
import type { EngineKnowledge } from '../types.ts';
import type { Differential } from './diagnose.ts';
import { nextQuestions } from './interview.ts';
import { createKnowledge, findings } from './testing/knowledgeFixture.ts';

// Two equally likely diseases. "a" is 0.9 vs 0.1, "b" 0.5 vs 0.5, "c" 0.9 vs 0.5.
const knowledge: EngineKnowledge = createKnowledge({
  symptoms: ['a', 'b', 'c'].map((code) => ({ code, name: code, kind: 'symptom' as const, terms: [code] })),
  diseases: [
    {
      code: 'zukam',
      name: 'Zukam',
      englishName: 'Coryza',
      temperaments: [],
      symptoms: [
        { symptom: 'a', likelihood: 0.9, cardinal: false },
        { symptom: 'b', likelihood: 0.5, cardinal: false },
        { symptom: 'c', likelihood: 0.9, cardinal: false },
      ],
    },
    {
      code: 'nazla',
      name: 'Nazla',
      englishName: 'Catarrh',
      temperaments: [],
      symptoms: [
        { symptom: 'a', likelihood: 0.1, cardinal: false },
        { symptom: 'b', likelihood: 0.5, cardinal: false },
        { symptom: 'c', likelihood: 0.5, cardinal: false },
      ],
    },
  ],
});

const entry = (code: string, name: string, probability: number) => ({
  disease: { code, name, englishName: name },
  probability,
  supporting: [],
  missing: [],
  against: [],
  components: { knowledge: probability, tree: probability, network: probability },
  why: { raisedBy: [], shares: { knowledge: 1 / 3, tree: 1 / 3, network: 1 / 3 } },
});
const differential: Differential = {
  entries: [entry('zukam', 'Zukam', 0.5), entry('nazla', 'Nazla', 0.5)],
  flat: true,
  informativeFindings: 0,
  fit: { share: 1, complaints: 0, leader: 0 },
  explanation: { treePath: [], topFindings: [], unrecognised: [] },
  modelVersion: 'test',
};

const h = (p: number) => -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));

describe('next questions (expected information gain)', () => {
  it('ranks the findings by the entropy they are expected to remove, computed by hand', () => {
    const questions = nextQuestions([], differential, knowledge, 3);
    expect(questions.map((q) => q.symptom)).toEqual(['a', 'c', 'b']);
    // a: answers equally likely, each leaves a 0.9/0.1 posterior.
    expect(questions[0]?.expectedInformationGain).toBeCloseTo(1 - h(0.9), 10);
    // c: yes with 0.7 → 0.9/1.4 : 0.5/1.4; no with 0.3 → 0.1/0.6 : 0.5/0.6.
    expect(questions[1]?.expectedInformationGain).toBeCloseTo(1 - 0.7 * h(0.9 / 1.4) - 0.3 * h(0.1 / 0.6), 10);
    expect(questions[2]?.expectedInformationGain).toBeCloseTo(0, 10);
  });

  it('says which diseases the question separates', () => {
    const [first] = nextQuestions([], differential, knowledge, 1);
    expect(first?.reason).toBe('separates Zukam (expected in 90%) from Nazla (10%)');
  });

  it('never asks about a finding already reported, present or absent', () => {
    const questions = nextQuestions(findings('-a'), differential, knowledge, 3);
    expect(questions.map((q) => q.symptom)).toEqual(['c', 'b']);
  });
});

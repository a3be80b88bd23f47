import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineKnowledge, Finding } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import { fitOf, isOutsideKnowledge, MIN_WORDS_FOR_COVERAGE, WORDS_PER_FINDING } from './fit.ts';
import { createKnowledge, findings } from './testing/knowledgeFixture.ts';
import { trainModel } from './train.ts';

const base = createKnowledge();
/** The fixture with two specific findings under general ones, and a disease that lists only the specific one. */
const knowledge: EngineKnowledge = {
  ...base,
  symptoms: [
    ...base.symptoms,
    { code: 'high-fever', name: 'high fever', kind: 'symptom', terms: ['high fever'], parents: ['fever'] },
    {
      code: 'throbbing-headache',
      name: 'throbbing headache',
      kind: 'symptom',
      terms: ['throbbing headache'],
      parents: ['headache'],
    },
  ],
  diseases: [
    ...base.diseases,
    {
      code: 'shaqeeqa',
      name: 'Shaqeeqa',
      englishName: 'Migraine',
      temperaments: ['safravi'],
      symptoms: [
        { symptom: 'throbbing-headache', likelihood: 0.9, cardinal: true },
        { symptom: 'nausea', likelihood: 0.6, cardinal: false },
        { symptom: 'photophobia', likelihood: 0.6, cardinal: false },
      ],
    },
  ],
};
let model: DiagnosisModel;
const leader = (code: string) => knowledge.diseases.findIndex((d) => d.code === code);

beforeAll(async () => {
  ({ model } = await trainModel(knowledge, { seed: 1, casesPerDisease: 40, epochs: 4, backend: 'cpu' }));
});

describe('fitOf', () => {
  it('counts a complaint the leader lists, or lists more generally or more specifically', () => {
    // Humma lists fever: a high fever is a fever.
    expect(fitOf(findings('high-fever', 'chills', 'body-ache'), [leader('humma')], model).share).toBe(1);
    // Shaqeeqa lists a throbbing headache, which implies a headache: a patient who says "headache" is explained.
    expect(fitOf(findings('headache', 'nausea', 'photophobia'), [leader('shaqeeqa')], model).share).toBe(1);
  });

  it('takes the best of the leaders checked, and counts only complaints stated present', () => {
    const fit = fitOf(findings('sneezing', 'cough', 'chills', '-fever'), [leader('suda'), leader('nazla')], model);
    expect(fit).toEqual({ share: 2 / 3, complaints: 3 });
    expect(fitOf(findings('-fever'), [leader('humma')], model)).toEqual({ share: 1, complaints: 0 });
  });
});

describe('isOutsideKnowledge', () => {
  const read = (...codes: string[]): Finding[] => findings(...codes).map((f) => ({ ...f, span: [0, 1] }));
  // Long enough for the rule, and more than one finding's worth of words.
  const longText = Array.from(
    { length: Math.max(MIN_WORDS_FOR_COVERAGE, WORDS_PER_FINDING) + 4 },
    (_, i) => `w${i}`,
  ).join(' ');

  it('answers outside when three or more complaints are mostly unexplained by every leader', () => {
    expect(isOutsideKnowledge({ share: 0.5, complaints: 4 }, read('a', 'b', 'c', 'd'))).toBe(true);
    expect(isOutsideKnowledge({ share: 0.75, complaints: 4 }, read('a', 'b', 'c', 'd'))).toBe(false);
  });

  it('answers outside when almost nothing of a long complaint could be read, never for a short one', () => {
    expect(isOutsideKnowledge({ share: 1, complaints: 0 }, [], longText)).toBe(true);
    expect(isOutsideKnowledge({ share: 1, complaints: 1 }, read('cough'), longText)).toBe(true);
    expect(isOutsideKnowledge({ share: 1, complaints: 0 }, [], 'pain here')).toBe(false);
    // Picked findings carry no span: they are not what was read from the text.
    expect(isOutsideKnowledge({ share: 1, complaints: 2 }, findings('cough', 'fever'), longText)).toBe(false);
  });
});

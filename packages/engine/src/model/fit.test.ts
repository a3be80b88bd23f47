import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineKnowledge, Finding } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import {
  CONFIDENT_LEADER,
  fitOf,
  isOutsideKnowledge,
  LIKELY_LEADER,
  MIN_WORDS_FOR_COVERAGE,
  WORDS_PER_FINDING,
} from './fit.ts';
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
    expect(fitOf(findings('high-fever', 'chills', 'body-ache'), [leader('humma')], 0.8, model).share).toBe(1);
    // Shaqeeqa lists a throbbing headache, which implies a headache: a patient who says "headache" is explained.
    expect(fitOf(findings('headache', 'nausea', 'photophobia'), [leader('shaqeeqa')], 0.8, model).share).toBe(1);
  });

  it('takes the best of the leaders checked, and counts only complaints stated present', () => {
    const leaders = [leader('suda'), leader('nazla')];
    const fit = fitOf(findings('sneezing', 'cough', 'chills', '-fever'), leaders, 0.4, model);
    expect(fit).toEqual({ share: 2 / 3, complaints: 3, leader: 0.4 });
    expect(fitOf(findings('-fever'), [leader('humma')], 0.3, model)).toEqual({ share: 1, complaints: 0, leader: 0.3 });
  });
});

describe('isOutsideKnowledge', () => {
  const read = (...codes: string[]): Finding[] => findings(...codes).map((f) => ({ ...f, span: [0, 1] }));
  /** A complaint of `n` words. */
  const text = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  const fit = (complaints: number, share: number, leader: number) => ({ complaints, share, leader });

  it('answers outside when three or more complaints are mostly unexplained by every leader', () => {
    expect(isOutsideKnowledge(fit(4, 0.5, 0.6), read('a', 'b', 'c', 'd'))).toBe(true);
    expect(isOutsideKnowledge(fit(4, 0.75, 0.6), read('a', 'b', 'c', 'd'))).toBe(false);
  });

  it('never answers outside when one disease leads with confidence', () => {
    expect(isOutsideKnowledge(fit(4, 0.5, CONFIDENT_LEADER), read('a', 'b', 'c', 'd'))).toBe(false);
    expect(isOutsideKnowledge(fit(1, 1, CONFIDENT_LEADER), read('hiccups'), text(40))).toBe(false);
  });

  it('answers outside when little of a long complaint could be read and no disease is likely', () => {
    const long = MIN_WORDS_FOR_COVERAGE + WORDS_PER_FINDING[1];
    expect(isOutsideKnowledge(fit(0, 1, 0.02), [], text(MIN_WORDS_FOR_COVERAGE))).toBe(true);
    expect(isOutsideKnowledge(fit(1, 1, 0.3), read('cough'), text(long))).toBe(true);
    // Two complaints from a complaint of more than WORDS_PER_FINDING[2] words each.
    expect(isOutsideKnowledge(fit(2, 1, 0.3), read('cough', 'fever'), text(2 * WORDS_PER_FINDING[2] + 1))).toBe(true);
    expect(isOutsideKnowledge(fit(2, 1, 0.3), read('cough', 'fever'), text(2 * WORDS_PER_FINDING[2]))).toBe(false);
    // A likely disease explains what was read.
    expect(isOutsideKnowledge(fit(1, 1, LIKELY_LEADER), read('cough'), text(long))).toBe(false);
    expect(isOutsideKnowledge(fit(2, 1, LIKELY_LEADER), read('cough', 'fever'), text(long))).toBe(false);
  });

  it('never answers outside for a short complaint, or for a long one without its text', () => {
    expect(isOutsideKnowledge(fit(0, 1, 0.02), [], text(MIN_WORDS_FOR_COVERAGE - 1))).toBe(false);
    expect(isOutsideKnowledge(fit(1, 1, 0.3), read('cough'), 'pain here')).toBe(false);
    expect(isOutsideKnowledge(fit(1, 1, 0.3), findings('cough'))).toBe(false);
  });

  it('counts only the findings read from the text: picked ones carry no span', () => {
    const words = 2 * WORDS_PER_FINDING[2] + 1;
    expect(isOutsideKnowledge(fit(2, 1, 0.3), [...read('cough'), ...findings('fever')], text(words))).toBe(true);
  });
});

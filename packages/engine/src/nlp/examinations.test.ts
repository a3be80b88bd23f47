import { describe, expect, it } from 'vitest';
import type { EngineSymptom } from '../types.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';

const pulse = (code: string, name: string, ...terms: string[]): EngineSymptom => ({
  code,
  name,
  kind: 'nabz',
  terms: [name, ...terms],
});

const lexicon = buildLexicon(
  createSymptomKnowledge([
    pulse('nabz-zaeef', 'Weak pulse', 'Nabz Zaeef', 'Nabz-e-Zaif'),
    pulse('nabz-saree', 'Quick pulse', 'Nabz Saree'),
    pulse('nabz-sulb', 'Hard pulse', 'Nabz Sulb'),
    { code: 'baul-abyaz', name: 'White urine', kind: 'baul', terms: ['Baul Abyaz'] },
    { code: 'weakness', name: 'Weakness', kind: 'symptom', terms: ['weak', 'kamzori'] },
  ]),
);
const read = (text: string) => parse(text, lexicon).map((f) => `${f.present ? '' : 'no '}${f.symptom}`);

describe('an examination written as a heading and its qualities', () => {
  it('reads every quality listed after the heading, in any spelling of it', () => {
    expect(read('Nabz: saree, sulb aur zaif')).toEqual(['nabz-saree', 'nabz-sulb', 'nabz-zaeef']);
    expect(read('nabaz zaeef o saree; qarura abyaz')).toEqual(['nabz-zaeef', 'nabz-saree', 'baul-abyaz']);
  });

  it('reads a one-word complaint that is a quality of the pulse as that quality while the list lasts', () => {
    expect(read('Pulse: quick, weak. Fever 3 days, weak')).toEqual(['nabz-saree', 'nabz-zaeef', 'fever', 'weakness']);
  });

  it('ends the list at another complaint, and reads no quality without a heading', () => {
    expect(read('nabz saree, bukhar, sulb')).toEqual(['nabz-saree', 'fever']);
    expect(read('saree and sulb')).toEqual([]);
  });
});

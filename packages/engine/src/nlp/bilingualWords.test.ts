import { describe, expect, it } from 'vitest';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';

const lexicon = buildLexicon(
  createSymptomKnowledge([
    { code: 'morning-stiffness', name: 'Morning stiffness', kind: 'symptom', terms: ['Morning stiffness'] },
    { code: 'knee-pain', name: 'Knee pain', kind: 'symptom', terms: ['Knee pain', 'ghutne mein dard'] },
    { code: 'nosebleed', name: 'Nosebleed', kind: 'symptom', terms: ['Nosebleed', 'naak se khoon'] },
  ]),
);
const read = (text: string) => parse(text, lexicon).map((f) => `${f.present ? '' : 'no '}${f.symptom}`);

describe('code-switched complaints', () => {
  it('reads a romanised-Urdu word for the English word of a phrase', () => {
    expect(read('subah stiffness 1 ghanta')).toEqual(['morning-stiffness']);
    expect(read('ghutna pain 2 hafte se')).toEqual(['knee-pain']);
  });

  it('reads an English word for the romanised-Urdu word of a phrase, and the denial', () => {
    expect(read('ghutne mein pain')).toEqual(['knee-pain']);
    expect(read('ghutne mein pain nahi')).toEqual(['no knee-pain']);
  });

  it('does not read a translated word alone as a complaint', () => {
    expect(read('pet ke liye khana')).toEqual([]);
    expect(read('subah se')).toEqual([]);
  });
});

describe('how a complaint began, inside its phrase', () => {
  it('reads "naak se achanak khoon" as a nosebleed', () => {
    expect(read('naak se achanak khoon aane laga')).toEqual(['nosebleed']);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineSymptom } from '../types.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';
import { phraseWords } from './text.ts';
import { conjugations, verbForms } from './verbForms.ts';

const forms = (term: string) => verbForms(phraseWords(term)).map((words) => words.map((w) => w.norm).join(' '));

describe('verb forms of a term', () => {
  it('gives the stem and its habitual and oblique forms for a term ending in an infinitive', () => {
    expect(forms('jee machalna')).toEqual([
      'jee machal',
      'jee machalta',
      'jee machalti',
      'jee machalte',
      'jee machalne',
    ]);
  });

  it('leaves one-word terms and terms that end in anything else alone', () => {
    expect(forms('machalna')).toEqual([]);
    expect(forms('ghutne mein dard')).toEqual([]);
    expect(forms('jee na')).toEqual([]);
  });

  it('conjugates a description’s one-word verb, stem or infinitive, and leaves forms ending in a vowel alone', () => {
    expect(conjugations('sooj')).toEqual(expect.arrayContaining(['soojna', 'soojne', 'soojta']));
    expect(conjugations('soojna')).toEqual(expect.arrayContaining(['sooj', 'soojne', 'soojti']));
    expect(conjugations('sooje')).toEqual([]);
    expect(conjugations('پیر')).toEqual([]);
  });
});

const lexicon = buildLexicon(
  createSymptomKnowledge([
    { code: 'knee-pain', name: 'Knee pain', kind: 'symptom', terms: ['Knee pain', 'ghutna dukhna'] },
    {
      code: 'pedal-oedema',
      name: 'Swelling of the feet',
      kind: 'sign',
      terms: ['Swelling of the feet'],
      describedAs: [
        [
          ['pair', 'paon'],
          ['sooj', 'sujan'],
        ],
      ],
    } satisfies EngineSymptom,
  ]),
);
const read = (text: string) => parse(text, lexicon).map((f) => `${f.present ? '' : 'no '}${f.symptom}`);

describe('conjugated complaints in a note', () => {
  it('reads a term’s verb as a note conjugates it', () => {
    expect(read('ghutna dukhta hai')).toEqual(['knee-pain']);
    expect(read('ghutna dukh raha hai')).toEqual(['knee-pain']);
  });

  it('reads a description’s verb in its oblique form, and its denial', () => {
    expect(read('ek hafte se paon soojne lage')).toEqual(['pedal-oedema']);
    expect(read('paon soojte nahi')).toEqual(['no pedal-oedema']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFuzzyIndex, correct, MIN_SUBSTITUTION_LENGTH, singleEdit, spellingFold } from './fuzzy.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';
import { keyOf } from './text.ts';

const vocabulary = ['headache', 'vomiting', 'diarrhoea', 'fever', 'cough', 'sneezing', 'nausea', 'sweat', 'stool'];
const index = () => buildFuzzyIndex(new Map(vocabulary.map((w) => [w, keyOf(w)])), new Set(['never', 'other']));

describe('singleEdit', () => {
  it('names the one insertion, deletion, substitution or adjacent transposition between two words', () => {
    expect(singleEdit('vomitting', 'vomiting')).toBe('insertion');
    expect(singleEdit('diarhoea', 'diarrhoea')).toBe('deletion');
    expect(singleEdit('fevar', 'fever')).toBe('substitution');
    expect(singleEdit('headahce', 'headache')).toBe('transposition');
    expect(singleEdit('fever', 'fever')).toBe('none');
  });

  it('rejects two edits', () => {
    expect(singleEdit('hedahce', 'headache')).toBeUndefined();
    expect(singleEdit('cold', 'cough')).toBeUndefined();
  });
});

describe('correct', () => {
  it('corrects common misspellings of longer words', () => {
    const i = index();
    expect(correct(i, 'headahce')).toBe(keyOf('headache'));
    expect(correct(i, 'diarhoea')).toBe(keyOf('diarrhoea'));
    expect(correct(i, 'diarrhea')).toBe(keyOf('diarrhoea'));
    expect(correct(i, 'sneesing')).toBe(keyOf('sneezing'));
  });

  it(`corrects a substituted letter only in words of ${MIN_SUBSTITUTION_LENGTH}+ letters`, () => {
    const i = index();
    expect(correct(i, 'sneesing')).toBe(keyOf('sneezing'));
    expect(correct(i, 'nausia')).toBeUndefined();
    expect(correct(i, 'fevar')).toBeUndefined();
  });

  it('does not read a word that only adds or drops a last letter as a typo', () => {
    const i = index();
    expect(correct(i, 'sweats')).toBeUndefined();
    expect(correct(i, 'stools')).toBeUndefined();
  });

  it('does not turn real words into symptoms', () => {
    const i = index();
    expect(correct(i, 'fewer')).toBeUndefined();
    expect(correct(i, 'sweet')).toBeUndefined();
    expect(correct(i, 'stood')).toBeUndefined();
    expect(correct(i, 'rough')).toBeUndefined();
  });

  it('never corrects words shorter than five letters or protected words', () => {
    const i = index();
    expect(correct(i, 'cogh')).toBeUndefined();
    expect(correct(i, 'never')).toBeUndefined();
  });

  it('gives the same answer when asked again', () => {
    const i = index();
    expect(correct(i, 'headahce')).toBe(correct(i, 'headahce'));
    expect(correct(i, 'fewer')).toBe(correct(i, 'fewer'));
  });
});

describe('spelling folds inside a phrase', () => {
  const lexicon = buildLexicon(
    createSymptomKnowledge([
      { code: 'mouth-ulcers', name: 'Mouth ulcers', kind: 'symptom', terms: ['munh mein chhale'] },
      { code: 'watery-eyes', name: 'Watery eyes', kind: 'symptom', terms: ['aankhon se pani'] },
      // Both spellings are known words elsewhere, so neither is ever respelt as a word on its own.
      { code: 'blisters', name: 'Blisters', kind: 'sign', terms: ['chhaale'] },
      { code: 'thirst', name: 'Thirst', kind: 'symptom', terms: ['paani ki pyaas'] },
    ]),
  );
  const codes = (text: string) => parse(text, lexicon).map((f) => f.symptom);

  it('reads two romanised spellings of one word as the same word of a phrase', () => {
    expect(codes('munh mein chhaale')).toEqual(['mouth-ulcers']);
    expect(codes('ankhon se paani')).toEqual(['watery-eyes']);
  });

  it('folds only inside phrases of two words or more', () => {
    expect(spellingFold('chhaale')).toBe(spellingFold('chhale'));
    expect(spellingFold('a')).toBeUndefined();
    expect(codes('had fever')).toEqual(['fever']);
  });
});

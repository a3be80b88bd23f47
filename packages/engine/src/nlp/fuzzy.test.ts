import { describe, expect, it } from 'vitest';
import { buildFuzzyIndex, correct, MIN_SUBSTITUTION_LENGTH, singleEdit } from './fuzzy.ts';
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

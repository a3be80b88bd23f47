import { describe, expect, it } from 'vitest';
import { buildFuzzyIndex, correct, withinOneEdit } from './fuzzy.ts';
import { keyOf } from './text.ts';

const vocabulary = ['headache', 'vomiting', 'diarrhoea', 'fever', 'cough', 'sneezing', 'nausea', 'sweat', 'stool'];
const index = () => buildFuzzyIndex(new Map(vocabulary.map((w) => [w, keyOf(w)])), new Set(['never', 'other']));

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or adjacent transposition', () => {
    expect(withinOneEdit('diarhoea', 'diarrhoea')).toBe(true);
    expect(withinOneEdit('vomitting', 'vomiting')).toBe(true);
    expect(withinOneEdit('fevar', 'fever')).toBe(true);
    expect(withinOneEdit('headahce', 'headache')).toBe(true);
  });

  it('rejects two edits', () => {
    expect(withinOneEdit('hedahce', 'headache')).toBe(false);
    expect(withinOneEdit('cold', 'cough')).toBe(false);
  });
});

describe('correct', () => {
  it('corrects common misspellings of longer words', () => {
    const i = index();
    expect(correct(i, 'headahce')).toBe(keyOf('headache'));
    expect(correct(i, 'diarhoea')).toBe(keyOf('diarrhoea'));
    expect(correct(i, 'diarrhea')).toBe(keyOf('diarrhoea'));
    expect(correct(i, 'sneesing')).toBe(keyOf('sneezing'));
    expect(correct(i, 'nausia')).toBe(keyOf('nausea'));
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

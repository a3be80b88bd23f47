import { describe, expect, it } from 'vitest';
import { keyOf, normaliseWord, phraseWords, tokenize } from './text.ts';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Pt c/o Sudā, x3d';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    const words = tokens.filter((t) => t.kind === 'word');
    expect(words.map((t) => text.slice(t.start, t.end))).toEqual(['Pt', 'c', 'o', 'Sudā', 'x3d']);
  });

  it('treats hyphens and underscores as spaces', () => {
    expect(phraseWords('Dard-e-Sar').map((t) => t.norm)).toEqual(['dard', 'e', 'sar']);
    expect(phraseWords('skin_rash').map((t) => t.norm)).toEqual(['skin', 'rash']);
  });

  it('keeps punctuation and line breaks as tokens of their own', () => {
    const kinds = tokenize('fever, cough\nno rash?').map((t) => t.kind);
    expect(kinds).toEqual(['word', 'punct', 'word', 'break', 'word', 'word', 'punct']);
  });

  it('reads decimals as one number', () => {
    expect(tokenize('1.5 weeks').map((t) => [t.kind, t.norm])).toEqual([
      ['number', '1.5'],
      ['word', 'weeks'],
    ]);
  });

  it('keeps inner apostrophes in a word', () => {
    expect(tokenize("can't breathe").map((t) => t.norm)).toEqual(["can't", 'breathe']);
    expect(tokenize('can’t').map((t) => t.norm)).toEqual(["can't"]);
  });
});

describe('normaliseWord', () => {
  it('folds case and accents', () => {
    expect(normaliseWord('SUDĀ')).toBe('suda');
    expect(normaliseWord('Humma')).toBe('humma');
  });

  it('unifies Arabic letters typed for Urdu ones and drops diacritics and joiners', () => {
    expect(normaliseWord('صداع')).toBe(normaliseWord('صُداع'));
    expect(normaliseWord('كھانسي')).toBe(normaliseWord('کھانسی'));
    expect(normaliseWord('نہ\u200cیں')).toBe('نہیں');
  });

  it('reads Urdu and Arabic-Indic digits as digits', () => {
    expect(normaliseWord('۳')).toBe('3');
    expect(normaliseWord('٣')).toBe('3');
  });
});

describe('keyOf', () => {
  it('stems English inflections to one key', () => {
    expect(keyOf('coughing')).toBe(keyOf('cough'));
    expect(keyOf('coughs')).toBe(keyOf('cough'));
    expect(keyOf('headaches')).toBe(keyOf('headache'));
    expect(keyOf('sneezing')).toBe(keyOf('sneeze'));
  });

  it('leaves short and non-Latin words as they are', () => {
    expect(keyOf('na')).toBe('na');
    expect(keyOf('بخار')).toBe('بخار');
  });

  it('keeps "ORS" (oral rehydration salts) apart from "or"', () => {
    expect(keyOf('ors')).not.toBe(keyOf('or'));
  });

  it('keeps "spotting" (light vaginal bleeding) apart from "spots" (pimples)', () => {
    expect(keyOf('spotting')).not.toBe(keyOf('spots'));
  });
});

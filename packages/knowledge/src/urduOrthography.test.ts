import { describe, expect, it } from 'vitest';
import { describeArabicForms, findArabicForms, urduFieldProblems } from './urduOrthography.ts';

const letters = (text: string) => findArabicForms(text).map((f) => [f.found, f.index, f.word]);

describe('findArabicForms', () => {
  it('finds nothing in Urdu orthography', () => {
    for (const text of ['زکام', 'اسہال', 'قے', 'کھانسی', 'حمیٰ نائبہ', 'قلۃ المنی', 'بخار ۳ دن سے', 'Zukam, fever']) {
      expect(findArabicForms(text), text).toEqual([]);
    }
  });

  it('finds Arabic kaf, yeh, alef maksura, heh and teh marbuta with their positions and words', () => {
    expect(letters('زكام')).toEqual([['ك', 1, 'زكام']]);
    expect(letters('اسهال')).toEqual([['ه', 2, 'اسهال']]);
    expect(letters('قي')).toEqual([['ي', 1, 'قي']]);
    expect(letters('نبض ممتلى')).toEqual([['ى', 8, 'ممتلى']]);
    expect(letters('حكة')).toEqual([
      ['ك', 1, 'حكة'],
      ['ة', 2, 'حكة'],
    ]);
  });

  it('finds the Arabic letter in a word that mixes both orthographies', () => {
    expect(letters('شقيقہ')).toEqual([['ي', 2, 'شقيقہ']]);
    expect(letters('هيضہ')).toEqual([
      ['ه', 0, 'هيضہ'],
      ['ي', 1, 'هيضہ'],
    ]);
  });

  it('finds Arabic-Indic digits and names the Urdu digit', () => {
    const [three] = findArabicForms('بخار ٣ دن');
    expect(three).toMatchObject({ found: '٣', index: 5, name: 'Arabic-Indic digit (U+0663)' });
    expect(three?.urdu).toMatch(/^۳ /);
  });

  it('offers do-chashmi heh after a consonant Urdu aspirates, heh goal elsewhere', () => {
    const [kh] = findArabicForms('کهانسی');
    const [h] = findArabicForms('اسهال');
    expect(kh?.urdu).toMatch(/^ھ .*else ہ/);
    expect(h?.urdu).toMatch(/^ہ /);
  });

  it('offers yeh barree only at the end of a word, and looks past a superscript alef', () => {
    const [inner] = findArabicForms('نسيان');
    const [final] = findArabicForms('قي');
    const [maksura] = findArabicForms('حمىٰ');
    expect(inner?.urdu).not.toContain('ے');
    expect(final?.urdu).toContain('ے');
    expect(maksura?.urdu).toContain('یٰ');
  });
});

describe('describeArabicForms', () => {
  it('names the letter, the word, the 1-based position and the Urdu letter', () => {
    expect(describeArabicForms(findArabicForms('نزلہ و زكام'))).toBe(
      'ك in "زكام" at character 9 is Arabic kaf (U+0643): write ک (keheh, U+06A9)',
    );
  });
});

describe('urduFieldProblems', () => {
  it('names every string field of an entry that holds Arabic forms by its path', () => {
    const problems = urduFieldProblems({
      code: 'cough',
      urduName: 'کھانسی',
      synonyms: ['khansi', 'كھانسي'],
      describedAs: [[['سانس'], ['رك', 'رکنا']]],
      review: false,
    });
    expect(problems.map((p) => [p.field, p.text, p.found.length])).toEqual([
      ['synonyms.1', 'كھانسي', 2],
      ['describedAs.0.1.0', 'رك', 1],
    ]);
  });
});

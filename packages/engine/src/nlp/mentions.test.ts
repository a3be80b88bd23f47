import { describe, expect, it } from 'vitest';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge, symptomLexicon } from './testing/symptomKnowledge.ts';

const read = (text: string) => parse(text, symptomLexicon());
const codes = (text: string) => read(text).map((f) => f.symptom);

describe('mentions', () => {
  describe('words read past inside a phrase', () => {
    it('reads an intensity word inside an Urdu complaint and keeps it as the severity', () => {
      expect(read('pet mein tez dard')).toEqual([
        { symptom: 'abdominal-pain', name: 'Abdominal pain', present: true, severity: 'severe', span: [0, 17] },
      ]);
      expect(read('sar mein halka dard')).toMatchObject([{ symptom: 'headache', severity: 'mild' }]);
    });

    it('reads a side word inside an English complaint', () => {
      expect(codes('pain in left chest')).toEqual(['chest-pain']);
      expect(codes('pain in the right side of chest')).toEqual(['chest-pain']);
    });

    it('reads "the back / front / side of" a place as that place, not as the back', () => {
      expect(codes('pain in the back of my head')).toEqual(['headache']);
      expect(codes('pain in the front of the chest')).toEqual(['chest-pain']);
    });

    it('reads freshness inside a phrase: fresh blood in the sputum is still blood in the sputum', () => {
      const lexicon = buildLexicon(
        createSymptomKnowledge([
          {
            code: 'haemoptysis',
            name: 'Coughing blood',
            kind: 'symptom',
            terms: ['khansi mein khoon', 'blood in sputum'],
          },
        ]),
      );
      expect(parse('khansi mein taaza khoon', lexicon).map((f) => f.symptom)).toEqual(['haemoptysis']);
      expect(parse('blood in fresh sputum', lexicon).map((f) => f.symptom)).toEqual(['haemoptysis']);
    });

    it('never starts a phrase on a skipped word', () => {
      expect(read('tez bukhar')).toMatchObject([{ symptom: 'fever', severity: 'severe' }]);
      expect(codes('right')).toEqual([]);
    });

    it('does not bridge other words', () => {
      expect(codes('pet mein kal se dard')).toEqual([]);
      expect(codes('pain in arm and chest')).toEqual([]);
    });

    it('keeps negation over the whole phrase', () => {
      expect(read('pet mein zyada dard nahi')).toMatchObject([{ symptom: 'abdominal-pain', present: false }]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { readLabValues } from './labValues.ts';
import type { Lexicon } from './lexicon.ts';

const lexicon = {
  symptoms: [
    { code: 'severe-anaemia', name: 'Severe anaemia' },
    { code: 'iron-deficiency-anaemia', name: 'Iron-deficiency anaemia' },
    { code: 'low-platelet-count', name: 'Low platelet count' },
  ],
} as unknown as Lexicon;
const findings = (text: string) => readLabValues(text, lexicon).findings;
const read = (text: string) => findings(text).flatMap((f) => (f.symptom === 'severe-anaemia' ? [f.severity] : []));

describe('laboratory values read from a note', () => {
  it('reads a haemoglobin below 8 g/dL as severe anaemia, below 7 graded severe', () => {
    expect(read('Hb 7.4, breathless on walking')).toEqual(['moderate']);
    expect(read('Hb: 6.8 g/dl')).toEqual(['severe']);
    expect(read('ہیموگلوبن 7.1')).toEqual(['moderate']);
  });

  it('reads g/L and leaves normal values, HbA1c and an unknown symptom alone', () => {
    expect(read('haemoglobin 74 g/L')).toEqual(['moderate']);
    expect(read('Hb 11.2')).toEqual([]);
    expect(read('HbA1c 7.5')).toEqual([]);
    expect(readLabValues('Hb 6.1', { symptoms: [] } as unknown as Lexicon).findings).toEqual([]);
  });

  it('reads iron-deficiency anaemia from a haemoglobin below 12 with small cells or a low ferritin', () => {
    const codes = (text: string) => findings(text).map((f) => f.symptom);
    expect(codes('Tired for 3 months, Hb 9.1, MCV 71, ferritin 6.')).toEqual(['iron-deficiency-anaemia']);
    expect(codes('Hb 10.4 g/dl, S. ferritin 9')).toEqual(['iron-deficiency-anaemia']);
    expect(codes('Hb 7.2, MCV 68')).toEqual(['severe-anaemia', 'iron-deficiency-anaemia']);
    // Normal-sized cells and stores, no marker, or a normal haemoglobin: not iron deficiency.
    expect(codes('Hb 9.1, MCV 92, ferritin 140')).toEqual([]);
    expect(codes('Hb 10.1')).toEqual([]);
    expect(codes('Hb 13.5, MCV 76')).toEqual([]);
  });

  it('reads a platelet count below 100,000 per µL in its register forms, below 20,000 graded severe', () => {
    const platelets = (text: string) =>
      findings(text).flatMap((f) => (f.symptom === 'low-platelet-count' ? [f.severity] : []));
    expect(platelets('dengue, platelets 18000, gums bleeding')).toEqual(['severe']);
    expect(platelets('Plt: 38,000')).toEqual(['moderate']);
    expect(platelets('platelet count 35k')).toEqual(['moderate']);
    expect(platelets('platelets 0.8 lakh')).toEqual(['moderate']);
    expect(platelets('Plt 45')).toEqual(['moderate']);
    expect(platelets('platelets 1.6 lakh, TLC 9000')).toEqual([]);
    expect(platelets('platelets 250000')).toEqual([]);
  });

  it('gives the spans of every value read, so their numbers are not durations', () => {
    expect(readLabValues('Hb 13.5, MCV 88, ferritin 40', lexicon).spans).toHaveLength(3);
  });
});

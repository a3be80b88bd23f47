import { describe, expect, it } from 'vitest';
import { readLabValues } from './labValues.ts';
import type { Lexicon } from './lexicon.ts';

const lexicon = { symptoms: [{ code: 'severe-anaemia', name: 'Severe anaemia' }] } as unknown as Lexicon;
const read = (text: string) => readLabValues(text, lexicon).map((r) => r.finding.severity);

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
    expect(readLabValues('Hb 6.1', { symptoms: [] } as unknown as Lexicon)).toEqual([]);
  });
});

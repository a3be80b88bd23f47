import { describe, expect, it } from 'vitest';
import type { EngineSymptom } from '../types.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';
import { phraseWords } from './text.ts';
import { reorderings } from './wordOrder.ts';

const symptom = (code: string, name: string, ...terms: string[]): EngineSymptom => ({
  code,
  name,
  kind: 'symptom',
  terms: [name, ...terms],
});

const lexicon = buildLexicon(
  createSymptomKnowledge([
    symptom('yellow-eyes', 'Yellow eyes'),
    symptom('dark-urine', 'Dark urine'),
    symptom('nosebleed', 'Nose bleed'),
  ]),
);
const codes = (text: string) => parse(text, lexicon).map((f) => f.symptom);
const orders = (term: string) => reorderings(phraseWords(term)).map((words) => words.map((w) => w.norm).join(' '));

describe('reorderings', () => {
  it('puts the body part first, alone or with a linking verb', () => {
    expect(orders('yellow eyes')).toEqual(
      expect.arrayContaining(['eyes yellow', 'eyes are yellow', 'eyes look yellow']),
    );
  });

  it('leaves terms that already read body part first, noun pairs and longer terms alone', () => {
    expect(orders('chest pain')).toEqual([]);
    expect(orders('nose bleed')).toEqual([]);
    expect(orders('pain in chest')).toEqual([]);
    expect(orders('dark yellow urine')).toEqual([]);
  });
});

describe('complaints said body part first', () => {
  it('reads "eyes yellow", "urine dark like tea" and "eyes are yellow"', () => {
    expect(codes('eyes yellow, urine dark like tea')).toEqual(['yellow-eyes', 'dark-urine']);
    expect(codes('her eyes are yellow')).toEqual(['yellow-eyes']);
  });

  it('reads the reversed order of the lay table too ("nose runny", "throat sore")', () => {
    expect(codes('nose runny and throat sore')).toEqual(['runny-nose', 'sore-throat']);
  });

  it('does not read a description that belongs to something else', () => {
    expect(codes('eyes normal, yellow urine bag')).toEqual([]);
    expect(codes('bleed nose')).toEqual([]);
  });

  it('keeps negation: "eyes not yellow" and "urine is not dark" are not findings', () => {
    expect(codes('eyes not yellow')).toEqual([]);
    expect(parse('no eyes yellow', lexicon)).toMatchObject([{ symptom: 'yellow-eyes', present: false }]);
  });
});

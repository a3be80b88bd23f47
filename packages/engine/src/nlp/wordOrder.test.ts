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
    symptom('knee-pain', 'Knee pain'),
    symptom('ear-discharge', 'Ear discharge'),
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

  it('leaves noun pairs, terms that already put the complaint first and longer terms alone', () => {
    expect(orders('nose bleed')).toEqual([]);
    expect(orders('pain in chest')).toEqual([]);
    expect(orders('dark yellow urine')).toEqual([]);
    expect(orders('sore throat')).not.toContain('throat in sore');
    expect(orders('pain chest stiffness')).toEqual([]);
  });

  it('puts a complaint noun before its place, joined by a preposition', () => {
    expect(orders('knee pain')).toEqual(['pain in knee']);
    expect(orders('ear discharge')).toEqual(['discharge in ear']);
    expect(orders('lower back pain')).toContain('pain in lower back');
    expect(orders('swollen ankle swelling')).toEqual([]);
  });
});

describe('complaints said complaint first', () => {
  it('reads "pain in my knees", "discharge from the ear" and their denials', () => {
    expect(codes('pain in my knees')).toEqual(['knee-pain']);
    expect(parse('discharge from the left ear, no pain in the knee', lexicon)).toEqual([
      expect.objectContaining({ symptom: 'ear-discharge', present: true }),
      expect.objectContaining({ symptom: 'knee-pain', present: false }),
    ]);
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

  it('keeps negation: "eyes not yellow" denies yellow eyes, never finds them', () => {
    expect(parse('eyes not yellow', lexicon)).toMatchObject([{ symptom: 'yellow-eyes', present: false }]);
    expect(parse('no eyes yellow', lexicon)).toMatchObject([{ symptom: 'yellow-eyes', present: false }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineSymptom } from '../types.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';

const weakness: EngineSymptom = {
  code: 'one-sided-weakness',
  name: 'Weakness of one side',
  kind: 'symptom',
  terms: ['Weakness of one side', 'hemiparesis'],
  describedAs: [
    [
      ['arm', 'leg', 'baazu', 'haath', 'بازو'],
      ['weak', "can't lift", 'jaan nahi', 'uth nahi raha', 'جان نہیں'],
    ],
  ],
};
const lexicon = buildLexicon(createSymptomKnowledge([weakness]));
const codes = (text: string) => parse(text, lexicon).map((f) => `${f.present ? '' : '-'}${f.symptom}`);

describe('complaints described without their name', () => {
  it('finds a symptom when a word of every slot occurs close together, in any order', () => {
    expect(codes("she can't lift her left arm since morning")).toEqual(['one-sided-weakness']);
    expect(codes('bayen haath mein jaan nahi, bukhar bhi')).toEqual(['one-sided-weakness', 'fever']);
    expect(codes('بائیں بازو میں جان نہیں رہی')).toEqual(['one-sided-weakness']);
  });

  it('needs every slot: a limb alone or weakness alone is not enough', () => {
    expect(codes('arm pain after lifting, headache')).toEqual(['headache']);
    expect(codes('feels weak all over')).toEqual([]);
  });

  it('does not join words of different sentences or words far apart', () => {
    expect(codes('Fell on the arm yesterday. Today feels weak.')).toEqual([]);
    expect(codes('arm was hurt years ago in a road accident with a lot of bruising and now weak')).toEqual([]);
  });

  it('keeps negation: a denied description is an absent finding', () => {
    expect(codes('no arm weakness, headache')).toEqual(['-one-sided-weakness', 'headache']);
  });

  it('is broken by a denial between its words', () => {
    expect(codes('arm pain but no weakness')).toEqual([]);
    expect(codes('haath mein dard, jaan nahi gayi')).toEqual(['one-sided-weakness']);
  });

  it('leaves a named mention alone and adds nothing twice', () => {
    expect(codes('hemiparesis, arm weak')).toEqual(['one-sided-weakness']);
  });
  it('prefers the words of one clause to a shorter stretch across a comma', () => {
    // "weak, arm" is the shorter stretch, but it straddles two statements.
    const found = parse('haath mein aaj kal weak, arm', lexicon);
    expect(found.map((f) => f.symptom)).toEqual(['one-sided-weakness']);
    expect(found[0]?.span).toEqual([0, 'haath mein aaj kal weak'.length]);
  });

  describe('a more specific finding described over the words of its parent', () => {
    const intermittent: EngineSymptom = {
      code: 'intermittent-fever',
      name: 'Fever every other day',
      kind: 'symptom',
      terms: ['Fever every other day'],
      parents: ['fever'],
      describedAs: [
        [
          ['bukhar', 'fever'],
          ['har doosre din', 'alternate days'],
        ],
      ],
    };
    const bloody: EngineSymptom = {
      code: 'blood-in-sputum',
      name: 'Blood in sputum',
      kind: 'symptom',
      terms: ['Blood in sputum'],
      describedAs: [
        [
          ['cough', 'coughing'],
          ['blood', 'khoon'],
        ],
      ],
    };
    // The fixture's fever and cough are named mentions; only fever is a parent of what is described here.
    const refined = buildLexicon(createSymptomKnowledge([intermittent, bloody]));
    const read = (text: string) => parse(text, refined).map((f) => `${f.present ? '' : '-'}${f.symptom}`);

    it('reads the words a parent complaint holds and takes its place', () => {
      expect(read('bukhar, har doosre din, sar dard')).toEqual(['intermittent-fever', 'headache']);
      expect(read('fever on alternate days')).toEqual(['intermittent-fever']);
    });

    it('leaves the parent alone when the other words lie in a clause with a complaint of its own', () => {
      // Every other day is when the headache comes, not the fever ("joint pain, hand fingers swollen" likewise).
      expect(read('bukhar, har doosre din sar dard')).toEqual(['fever', 'headache']);
      expect(read('bukhar, har doosre din')).toEqual(['intermittent-fever']);
    });

    it('keeps the negation and the duration of the words it took over', () => {
      const [finding] = parse('bukhar 3 din se, har doosre din', refined);
      expect(finding).toMatchObject({ symptom: 'intermittent-fever', present: true, durationDays: 3 });
    });

    it('does not borrow the words of a complaint that is not its parent', () => {
      expect(read('cough with blood')).toEqual(['cough']);
      expect(read('coughing blood')).toEqual(['blood-in-sputum']);
      expect(read('bukhar aaj')).toEqual(['fever']);
    });
  });
});

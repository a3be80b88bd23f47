// A complaint word said without its place ("no bleeding", "soojan nahi", "it itches") is read at the place of the
// complaint named beside it, through each finding's `site` and `quality` in the project's knowledge.
import { buildLexicon, parse } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { projectEngineKnowledge } from './projectKnowledge.ts';

const lexicon = buildLexicon(projectEngineKnowledge());
const read = (text: string) => parse(text, lexicon).map((f) => `${f.present ? '' : 'no '}${f.symptom}`);

describe('complaint words said without their place', () => {
  it.each([
    [
      'a lump at my back passage and it itches a lot, no bleeding at all',
      ['anal-swelling', 'anal-itching', 'no rectal-bleeding'],
    ],
    ['ghutno mein dard, 2 saal se, soojan nahi', ['knee-pain', 'no joint-swelling']],
    ['kan main dard hai teen din se, peep nai nikli', ['earache', 'no ear-discharge']],
    ['Eyes mein redness aur itching 3 days se, discharge nahi', ['red-eye', 'itchy-eyes', 'no eye-discharge']],
    ['cough bringing up phlegm for 10 days, never any blood in it', ['cough', 'productive-cough', 'no haemoptysis']],
    ['گلے میں خراش اور آواز بیٹھ گئی ہے، درد نہیں', ['throat-irritation', 'hoarseness', 'no sore-throat']],
    // Mucus beside loose stools is in the stool, not coughed up.
    ['loose motions, mucus bhi aata hai', ['diarrhoea', 'mucus-in-stool']],
    ['khansi hai, balgham nahi', ['cough', 'no productive-cough']],
    // Burning is a complaint word too: on passing urine, in the belly.
    ['peshab baar baar aata hai, jalan nahi', ['frequent-urination', 'no burning-micturition']],
    ['pet mein dard aur jalan', ['epigastric-burning', 'abdominal-pain']],
    // A sentence that only denies speaks of the complaints of the sentence before.
    ['I have to pee all the time. No burning.', ['frequent-urination', 'no burning-micturition']],
    ['Cough for two weeks. No blood.', ['cough', 'no haemoptysis']],
  ])('reads "%s" at its place', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('passes a place with no finding for the word for the next nearest: no blood after loose motions is in the stool', () => {
    expect(read('loose motions since 2 days with cramping abdominal pain, no blood')).toEqual([
      'diarrhoea',
      'colicky-abdominal-pain',
      'no blood-and-mucus-in-stool',
    ]);
  });

  it('reads "blood" in a test or a measure as no bleeding', () => {
    expect(read('vomiting since morning, blood sugar 140')).toEqual(['vomiting']);
    expect(read('ulti ho rahi hai, khoon ki kami bhi hai')).not.toContain('haematemesis');
  });

  it('takes a word said present only at a place named in its own clause', () => {
    // "swelling" after the comma could be anywhere: it is not read as a swollen knee.
    expect(read('knee pain, back ache and swelling')).toEqual(['knee-pain', 'low-back-pain']);
    expect(read('knee pain and swelling')).toContain('joint-swelling');
  });

  it('reads nothing at a place when the note names none', () => {
    expect(read('no bleeding, no swelling')).toEqual([]);
  });
});

describe('complaint words joined to a phrase share its place', () => {
  it.each([
    ['pain and swelling in my knee', ['knee-pain', 'joint-swelling']],
    ['ghutne mein soojan aur dard', ['knee-pain', 'joint-swelling']],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('joins a word only where the place has a finding for it: "neck is stiff and painful" stays a stiff neck', () => {
    expect(read('high fever, bad headache, neck is stiff and painful')).toContain('neck-stiffness');
  });

  it('denies the joined word with the phrase, before it or after it', () => {
    expect(read('no pain or swelling in the knee')).toEqual(['no knee-pain', 'no joint-swelling']);
    expect(read('ghutne mein soojan aur dard nahi')).toEqual(['no knee-pain', 'no joint-swelling']);
  });
});

describe('a complaint made more specific only by words of its own clause', () => {
  it('keeps joint pain when the hand belongs to the swelling of the next clause', () => {
    const findings = parse('joron mein dard subah akdan 1 ghanta, haath ki ungliyan sooj gayi', lexicon);
    expect(findings.map((f) => [f.symptom, f.durationDays])).toEqual([
      ['joint-pain', undefined],
      ['morning-stiffness', 0.04], // an hour, rounded to two decimals of a day
      ['joint-swelling', undefined],
    ]);
    expect(read('joint pain, hand fingers swollen')).toEqual(['joint-pain', 'joint-swelling']);
    // With no complaint of its own, the next clause still says where the pain is.
    expect(read('joint pain, worse in the hands')).toEqual(['wrist-hand-pain']);
  });
});

describe('"the back of" a place', () => {
  it.each([
    ['pain in the back of my head', ['headache']],
    ['pain at the back of the knee', ['knee-pain']],
    ['sharp pain on the right side of chest when breathing in', ['chest-pain']],
    // Neither as the back's pain nor as the back of a described renal colic.
    ['pain at the back of the thigh', []],
    ['back pain radiating to the back of the thigh', ['low-back-pain']],
    // The back itself is still the back, and a wording that says "back of" itself still reads.
    ['pain in my back since a week', ['low-back-pain']],
    ['pain from my back to the groin', ['loin-to-groin-pain']],
    ['pain down the back of the leg', ['radiating-leg-pain']],
  ])('reads "%s" as the place it names', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

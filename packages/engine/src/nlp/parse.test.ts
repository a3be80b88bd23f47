import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge, symptomLexicon } from './testing/symptomKnowledge.ts';

const read = (text: string) => parse(text, symptomLexicon());
const codes = (text: string) => read(text).map((f) => f.symptom);
/** The substring each finding's span points to. */
const spans = (text: string) => read(text).map((f) => text.slice(...(f.span as [number, number])));

describe('parse', () => {
  it('reads the example note end to end', () => {
    const text = 'c/o suda and humma x3 days, severe; no cough, denies vomiting. chheenk aur bandh naak';
    const findings = read(text);
    expect(findings).toEqual<Finding[]>([
      { symptom: 'headache', name: 'Headache', present: true, durationDays: 3, severity: 'severe', span: [4, 8] },
      { symptom: 'fever', name: 'Fever', present: true, durationDays: 3, severity: 'severe', span: [13, 18] },
      { symptom: 'cough', name: 'Cough', present: false, span: [39, 44] },
      { symptom: 'vomiting', name: 'Vomiting', present: false, span: [53, 61] },
      { symptom: 'sneezing', name: 'Sneezing', present: true, span: [63, 70] },
      { symptom: 'nasal-congestion', name: 'Nasal congestion', present: true, span: [75, 85] },
    ]);
    expect(spans(text)).toEqual(['suda', 'humma', 'cough', 'vomiting', 'chheenk', 'bandh naak']);
  });

  it('returns one finding per mention, in text order', () => {
    expect(codes('cough. later fever and cough again')).toEqual(['cough', 'fever', 'cough']);
  });

  it('leaves out fields that do not apply', () => {
    expect(read('fever')).toEqual([{ symptom: 'fever', name: 'Fever', present: true, span: [0, 5] }]);
  });
});

describe('spans', () => {
  it('cover the words as typed, with their case and accents', () => {
    expect(spans('Pt has SUDĀ and Dard-e-Sar')).toEqual(['SUDĀ', 'Dard-e-Sar']);
  });

  it('count in UTF-16 units like JavaScript strings, after emoji and Urdu script', () => {
    expect(spans('🤒🤧 بخار, fever')).toEqual(['بخار', 'fever']);
  });

  it('cover a whole phrase with the filler words inside it', () => {
    expect(spans('pain in my chest since morning')).toEqual(['pain in my chest']);
  });
});

describe('multi-word phrases', () => {
  const withPain = buildLexicon(
    createSymptomKnowledge([{ code: 'pain', name: 'Pain', kind: 'symptom', terms: ['Pain', 'dard'] }]),
  );

  it('win over their parts', () => {
    expect(parse('chest pain', withPain).map((f) => f.symptom)).toEqual(['chest-pain']);
    expect(parse('sar dard', withPain).map((f) => f.symptom)).toEqual(['headache']);
    expect(parse('pain', withPain).map((f) => f.symptom)).toEqual(['pain']);
  });

  it('never overlap', () => {
    const findings = parse('neck pain chest pain dard', withPain);
    expect(findings.map((f) => f.symptom)).toEqual(['neck-pain', 'chest-pain', 'pain']);
    const spans = findings.map((f) => f.span ?? [0, 0]);
    spans.slice(1).forEach(([start], i) => {
      expect(start).toBeGreaterThanOrEqual(spans[i]?.[1] ?? 0);
    });
  });

  it('prefer "blocked nose" and "runny nose" to any shorter reading', () => {
    expect(codes('blocked nose, runny nose')).toEqual(['nasal-congestion', 'runny-nose']);
  });
});

describe('inflections and typos', () => {
  it.each([
    ['coughing', 'cough'],
    ['coughs', 'cough'],
    ['headaches', 'headache'],
    ['headahce', 'headache'],
    ['vomitting', 'vomiting'],
    ['vomited', 'vomiting'],
    ['diarrhea', 'diarrhoea'],
    ['diarhoea', 'diarrhoea'],
    ['sneezing', 'sneezing'],
    ['sneesing', 'sneezing'],
    ['itchy', 'itching'],
    ['nauseous', 'nausea'],
  ])('reads "%s" as %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each(['fewer', 'fewer visits', 'cold', 'caught', 'sweet tea', 'never'])('finds nothing in "%s"', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it('leaves real words one letter from a symptom word alone', () => {
    const lexicon = buildLexicon(
      createSymptomKnowledge([
        { code: 'fatigue', name: 'Fatigue', kind: 'symptom', terms: ['Fatigue', 'tired'] },
        { code: 'thirst', name: 'Thirst', kind: 'symptom', terms: ['Thirst', 'thirsty'] },
        { code: 'swelling', name: 'Swelling', kind: 'symptom', terms: ['Swelling'] },
      ]),
    );
    expect(parse('tried selling for thirty days', lexicon)).toEqual([]);
    expect(parse('tierd, thirsty, sweling', lexicon).map((f) => f.symptom)).toEqual(['fatigue', 'thirst', 'swelling']);
  });

  it('never confuses "cold" with "cough"', () => {
    expect(codes('cold and cough')).toEqual(['cough']);
  });
});

describe('Urdu script', () => {
  it('reads symptoms written in Urdu', () => {
    expect(codes('سر درد اور بخار')).toEqual(['headache', 'fever']);
  });

  it('reads Arabic letter variants typed for Urdu ones', () => {
    expect(codes('كھانسي')).toEqual(['cough']);
  });

  it('reads Urdu negation and punctuation', () => {
    expect(read('بخار نہیں۔ کھانسی').map((f) => [f.symptom, f.present])).toEqual([
      ['fever', false],
      ['cough', true],
    ]);
  });
});

describe('robustness', () => {
  it.each([
    ['empty', ''],
    ['blank', '   \n\t  '],
    ['punctuation only', '?!.,;:'],
    ['lone surrogates', '\ud800 fever \udc00'],
    ['emoji and joiners', '👨‍⚕️ fever 🤒\u200d\u200c'],
    ['bidirectional marks', '\u202b بخار \u202c\u200f'],
    ['combining marks alone', '\u0301\u0301 cough'],
    ['control characters', '\u0000\u0007fever\u001b'],
    ['numbers only', '3/7 x3d 2 weeks'],
  ])('never throws on %s input', (_, text) => {
    expect(() => read(text)).not.toThrow();
    expect(Array.isArray(read(text))).toBe(true);
  });

  it('reads a very long note', () => {
    const text = 'no fever, cough for 3 days, severe headache. '.repeat(5000);
    const findings = read(text);
    expect(findings).toHaveLength(15000);
    expect(findings.slice(0, 3).map((f) => [f.symptom, f.present, f.durationDays, f.severity])).toEqual([
      ['fever', false, undefined, undefined],
      ['cough', true, 3, undefined],
      ['headache', true, undefined, 'severe'],
    ]);
  });

  it('reads a very long word without a match', () => {
    expect(read('a'.repeat(100_000))).toEqual([]);
  });
});

describe('a duration under a day', () => {
  const withStiffness = buildLexicon(
    createSymptomKnowledge([
      { code: 'joint-pain', name: 'Joint pain', kind: 'symptom', terms: ['Joint pain', 'joron mein dard'] },
      { code: 'morning-stiffness', name: 'Morning stiffness', kind: 'symptom', terms: ['subah akdan'] },
    ]),
  );
  const durations = (text: string) =>
    parse(text, withStiffness).map((f) => [f.symptom, f.durationDays && Math.round(f.durationDays * 24)]);

  it('belongs to the complaint written beside it', () => {
    expect(durations('joron mein dard subah akdan 1 ghanta')).toEqual([
      ['joint-pain', undefined],
      ['morning-stiffness', 1],
    ]);
  });

  it('covers a list joined by "and"', () => {
    expect(durations('fever and headache since 2 hours')).toEqual([
      ['fever', 2],
      ['headache', 2],
    ]);
  });

  it('while one of days still covers complaints written side by side', () => {
    expect(read('bukhar suda 3 din se').map((f) => f.durationDays)).toEqual([3, 3]);
  });
});

describe('a duration in a clause of its own', () => {
  const days = (text: string) => read(text).map((f) => [f.symptom, f.present, f.durationDays]);

  it('covers the complaints of every clause before it, past clauses that add only detail', () => {
    expect(days('bukhar, khansi, 3 din se')).toEqual([
      ['fever', true, 3],
      ['cough', true, 3],
    ]);
    expect(days('cough at night, worse lying down, 2 weeks')).toEqual([['cough', true, 14]]);
  });

  it('stops at a clause with a duration of its own', () => {
    expect(days('headache for a week, fever, 2 days')).toEqual([
      ['headache', true, 7],
      ['fever', true, 2],
    ]);
  });

  it('said as a sentence alone, covers the sentence before it, never a denial', () => {
    expect(days('Bukhar hai, khansi nahi. 4 din se.')).toEqual([
      ['fever', true, 4],
      ['cough', false, undefined],
    ]);
  });
});

describe('romanised Urdu spelling', () => {
  it('reads a long vowel, kh or a final h written another way', () => {
    expect(codes('bukhaar aur qabzz')).toEqual(['fever', 'constipation']);
    expect(codes('chheeenk, ghasiyaan')).toEqual(['sneezing', 'nausea']);
  });

  it('leaves a word without such a letter as typed', () => {
    expect(codes('dad has fever')).toEqual(['fever']);
  });
});

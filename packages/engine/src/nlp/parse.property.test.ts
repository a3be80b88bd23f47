// Properties of the symptom parser on hostile text: any Unicode (lone surrogates, bidi marks, joiners, emoji,
// control characters), very long notes, and words of the lexicon mixed in. Never throws, spans stay honest, time grows
// linearly with the length of the note.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { parse } from './parse.ts';
import { symptomLexicon } from './testing/symptomKnowledge.ts';

const read = (text: string) => parse(text, symptomLexicon());

/** Enough runs to meet the odd shapes, few enough to stay well under a second or two per property. */
const RUNS = 300;

const lexiconWords = [
  'headache',
  'Suda',
  'Dard-e-Sar',
  'سر درد',
  'صداع',
  'fever',
  'bukhar',
  'بخار',
  'cough',
  'coughing',
  'vomiting',
  'qai',
  'nausea',
  'blocked nose',
  'bandh naak',
  'runny nose',
  'chest pain',
  'pain in my chest',
  'sore throat',
  'Zeeq-un-Nafas',
  'headahce',
  'dizzyness',
];
const negationWords = ['no', 'not', 'denies', 'without', 'nahi', 'na', 'نہیں', 'نہ', 'no change in', 'but', 'however'];
const modifierWords = [
  'x3 days',
  'for 2 weeks',
  '3/7',
  'since morning',
  'severe',
  'mild',
  'very',
  'bohat',
  '45M',
  '30y',
];
const numbers = ['0', '3', '1.5', '١٢', '۳', '99999999999999999999', '-1', '1e308', 'NaN'];
const punctuation = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '-',
  '_',
  '/',
  '\n',
  '\r\n',
  '\t',
  '…',
  '،',
  '۔',
  "'",
  '’',
];
const invisible = [
  '\u200e', // LRM
  '\u200f', // RLM
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e', // LRE … RLO
  '\u2066',
  '\u2069',
  '\u200b', // zero-width space
  '\u200c', // ZWNJ
  '\u200d', // ZWJ
  '\ufeff',
  '\u00ad', // soft hyphen
  '\u0301', // combining acute
];
const emoji = ['🤒', '🤧', '👩‍⚕️', '🏳️‍🌈', '👍🏽', '🇵🇰', '\u{1F600}'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((c) => String.fromCharCode(c));

/** One piece of a note: any code point, a lone surrogate, a control or invisible character, or a meaningful word. */
const piece = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: controlCharacter, weight: 1 },
  { arbitrary: fc.constantFrom(...invisible), weight: 2 },
  { arbitrary: fc.constantFrom(...emoji), weight: 1 },
  { arbitrary: fc.constantFrom(...lexiconWords), weight: 4 },
  { arbitrary: fc.constantFrom(...negationWords), weight: 2 },
  { arbitrary: fc.constantFrom(...modifierWords), weight: 2 },
  { arbitrary: fc.constantFrom(...numbers), weight: 1 },
  { arbitrary: fc.constantFrom(...punctuation), weight: 2 },
  { arbitrary: fc.constantFrom(' ', '  ', '\u00a0', '\u3000'), weight: 3 },
);

/** Pieces joined as they come: words may run into each other or into marks, as they do in pasted text. */
const hostileNote = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

function checkFindings(text: string, findings: Finding[]): void {
  let previousEnd = 0;
  for (const f of findings) {
    expect(f.span, 'every finding has a span').toBeDefined();
    const [start, end] = f.span as [number, number];
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(end).toBeGreaterThan(start);
    expect(text.slice(start, end).length).toBeGreaterThan(0);
    expect(start, `findings overlap at ${start}`).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = end;
    expect(typeof f.present).toBe('boolean');
    if (f.durationDays !== undefined) expect(Number.isFinite(f.durationDays) && f.durationDays >= 0).toBe(true);
  }
}

describe('parse on hostile text', () => {
  it('never throws on any string of code points, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), loneSurrogate) }), (text) => {
        checkFindings(text, read(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every span inside the text, non-empty and apart from the others on mixed notes', () => {
    fc.assert(
      fc.property(hostileNote, (text) => {
        checkFindings(text, read(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('finds a lexicon word even when wrapped in bidi marks and zero-width characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...invisible), fc.constantFrom(...invisible), (before, after) => {
        const text = `${before}fever${after} and cough`;
        const findings = read(text);
        checkFindings(text, findings);
        expect(findings.map((f) => f.symptom)).toContain('cough');
      }),
      { numRuns: 100 },
    );
  });

  it('reads a 50,000-character note of mixed pieces without throwing', () => {
    const pieces = [...lexiconWords, ...negationWords, ...modifierWords, ...invisible, ...emoji, ...punctuation];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 50_000; i++) {
      const part = `${pieces[(i * 7919) % pieces.length]} `;
      parts.push(part);
      length += part.length;
    }
    const text = parts.join('').slice(0, 50_000);
    const findings = read(text);
    checkFindings(text, findings);
    expect(findings.length).toBeGreaterThan(100);
  });

  it('handles 50,000 characters of one kind: control characters, marks, lone surrogates, digits, one long word', () => {
    for (const unit of ['\u0000', '\u200d', '\u202e', '\ud800', '\udc00', '9', 'a', '\u0301', '-', '\n', '🤒']) {
      const text = unit.repeat(Math.ceil(50_000 / unit.length));
      checkFindings(text, read(text));
    }
  });
});

const elapsedMs = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

/**
 * Time of `large` over time of `small`, each the fastest of interleaved trials: a garbage collection or a busy
 * neighbour only ever adds time, and interleaving exposes both inputs to the same conditions.
 */
function timeRatio(small: string, large: string, trials = 9): number {
  let fastSmall = Number.POSITIVE_INFINITY;
  let fastLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < trials; i++) {
    fastSmall = Math.min(
      fastSmall,
      elapsedMs(() => read(small)),
    );
    fastLarge = Math.min(
      fastLarge,
      elapsedMs(() => read(large)),
    );
  }
  return fastLarge / Math.max(fastSmall, 0.05);
}

describe('parse time', () => {
  /**
   * Linear growth gives ×16 for an input 16 times longer and quadratic ×256; the limit of ×64 sits far from
   * both, so a busy machine (other test files run alongside) cannot fail a linear parser, yet a quadratic
   * one fails every time.
   */
  const LENGTH_FACTOR = 16;
  const MAX_RATIO = 64;
  const MEASUREMENTS = 3;
  const shapes: Record<string, string> = {
    'a clinical note': 'c/o suda and humma x3 days, severe; no cough, denies vomiting. chheenk aur bandh naak. ',
    'negations without symptoms': 'no not denies nahi na without never no change in ',
    'symptoms without breaks': 'fever cough headache nausea vomiting dizziness sweating itching ',
    'durations and severities': 'for 3 days severe mild x2 weeks very bohat 45M since morning ',
    'one clause of symptoms joined by commas': 'fever, cough, headache, nausea, ',
    'bidi marks and joiners between words': '\u202efever\u200d\u200e cough\u200f\u200c ',
    'near misses (typo matching)': 'headahce fevr coughh nausae vomitting dizzyness ',
  };

  it.each(Object.entries(shapes))('grows linearly with the length of %s', (shape, unit) => {
    const n = 4_000;
    const small = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const large = unit.repeat(Math.ceil((LENGTH_FACTOR * n) / unit.length)).slice(0, LENGTH_FACTOR * n);
    read(large); // warm up: compiled code and the stem cache, so both timings measure the same work
    // Best of a few measurements: noise passes on a retry, quadratic growth (×256) fails every one.
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < MEASUREMENTS && ratio >= MAX_RATIO; attempt++) {
      ratio = Math.min(ratio, timeRatio(small, large));
    }
    expect(ratio, `${shape}: ${LENGTH_FACTOR}× the text took ${ratio.toFixed(1)}× the time`).toBeLessThan(MAX_RATIO);
  });
});

import { describe, expect, it } from 'vitest';
import { mizajQuestions, NOT_KNOWN } from './questionnaire.ts';
import { MIN_ANSWERED, scoreMizaj } from './score.ts';

/** What a Hakim would record for a lean, quick-tempered patient who suffers in summer. */
const safravi = {
  build: 'lean',
  complexion: 'yellowish',
  'touch-warmth': 'warm',
  'touch-texture': 'dry-rough',
  'hair-growth': 'abundant',
  'hair-texture': 'thick-curly',
  sleep: 'little',
  weather: 'hot',
  appetite: 'strong',
  excretions: 'strong',
  pulse: 'quick-hard',
  mind: 'quick-tempered',
};

describe('the questionnaire', () => {
  it('has ten to twelve questions of three or four answers each, every id once', () => {
    expect(mizajQuestions.length).toBeGreaterThanOrEqual(10);
    expect(mizajQuestions.length).toBeLessThanOrEqual(12);
    expect(new Set(mizajQuestions.map((q) => q.id)).size).toBe(mizajQuestions.length);
    for (const q of mizajQuestions) {
      expect(q.answers.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.answers.length, q.id).toBeLessThanOrEqual(4);
      expect(new Set(q.answers.map((a) => a.id)).size, q.id).toBe(q.answers.length);
      expect(q.answers.map((a) => a.id)).not.toContain(NOT_KNOWN);
    }
  });

  it('asks about both axes in more than the minimum number of questions', () => {
    const heat = mizajQuestions.filter((q) => q.answers.some((a) => a.hot !== 0));
    const moisture = mizajQuestions.filter((q) => q.answers.some((a) => a.moist !== 0));
    expect(heat.length).toBeGreaterThan(MIN_ANSWERED);
    expect(moisture.length).toBeGreaterThan(MIN_ANSWERED);
  });
});

describe('scoreMizaj', () => {
  it('scores a clearly bilious set of answers Safravi with high confidence', () => {
    const score = scoreMizaj(safravi);
    expect(score).toMatchObject({ temperament: 'safravi', answered: 12, total: 12 });
    expect(score.hotCold).toBeGreaterThan(5);
    expect(score.moistDry).toBeLessThan(-5);
    // Build and sleep say nothing of heat, touch-warmth and the others nothing of moisture: 9 of 10 heat answers.
    expect(score.confidence).toBe(0.9);
  });

  it('names each of the four temperaments from the signs of the two sums', () => {
    const only = (answers: Record<string, string>) => scoreMizaj(answers).temperament;
    const base = { 'touch-warmth': 'warm', weather: 'hot', appetite: 'strong', excretions: 'strong' };
    const cold = { 'touch-warmth': 'cool', weather: 'cold', appetite: 'weak', excretions: 'faint' };
    expect(only({ ...base, 'touch-texture': 'soft', sleep: 'much' })).toBe('damvi');
    expect(only({ ...base, 'touch-texture': 'dry-rough', sleep: 'little' })).toBe('safravi');
    expect(only({ ...cold, 'touch-texture': 'soft', sleep: 'much' })).toBe('balghami');
    expect(only({ ...cold, 'touch-texture': 'dry-rough', sleep: 'little' })).toBe('saudavi');
  });

  it('gives low confidence when the answers pull both ways', () => {
    const mixed = {
      ...safravi,
      complexion: 'pale',
      'touch-warmth': 'cool',
      'hair-growth': 'sparse',
      weather: 'cold',
      'touch-texture': 'soft',
      sleep: 'much',
      mind: 'cheerful',
    };
    const score = scoreMizaj(mixed);
    expect(score.temperament).not.toBeNull();
    expect(score.confidence).toBeLessThan(0.3);
    expect(score.confidence).toBeLessThan(scoreMizaj(safravi).confidence);
  });

  it('counts "not known" and missing answers as unanswered, lowering the confidence', () => {
    const half = Object.fromEntries(
      Object.entries(safravi).map(([q, a], i) => [q, i % 2 === 0 ? a : NOT_KNOWN]),
    ) as Record<string, string>;
    const score = scoreMizaj(half);
    expect(score.answered).toBe(6);
    expect(score.temperament).toBe('safravi');
    expect(score.confidence).toBeLessThan(scoreMizaj(safravi).confidence);
  });

  it('names no temperament from too few answers', () => {
    const few = {
      'touch-warmth': 'warm',
      weather: 'hot',
      sleep: 'little',
      pulse: 'quick-hard',
      mind: 'quick-tempered',
    };
    expect(Object.keys(few)).toHaveLength(MIN_ANSWERED - 1);
    expect(scoreMizaj(few)).toMatchObject({ temperament: null, confidence: 0, undecided: 'too-few-answers' });
    expect(scoreMizaj({})).toMatchObject({ answered: 0, temperament: null, undecided: 'too-few-answers' });
  });

  it('names none when hot and cold cancel out, or moisture was never answered', () => {
    const balanced = {
      'touch-warmth': 'warm',
      weather: 'cold',
      appetite: 'strong',
      excretions: 'faint',
      'touch-texture': 'soft',
      sleep: 'much',
    };
    expect(scoreMizaj(balanced)).toMatchObject({ hotCold: 0, temperament: null, undecided: 'hot-cold-undecided' });
    const heatOnly = {
      'touch-warmth': 'warm',
      weather: 'hot',
      appetite: 'strong',
      excretions: 'strong',
      'hair-growth': 'abundant',
      build: 'medium',
    };
    expect(scoreMizaj(heatOnly)).toMatchObject({ temperament: null, undecided: 'moist-dry-undecided' });
  });

  it('ignores an answer the question does not have', () => {
    expect(scoreMizaj({ ...safravi, build: 'enormous' }).answered).toBe(11);
  });
});

import { describe, expect, it } from 'vitest';
import { reliability } from './metrics.ts';

describe('the reliability table of top answers', () => {
  it('bins cases by confidence and weighs each bin’s gap between confidence and accuracy', () => {
    const { ece, bins } = reliability([
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false },
      { confidence: 0.25, correct: false },
      { confidence: 0.25, correct: false },
    ]);
    expect(bins).toEqual([
      { from: 0.2, to: 0.3, n: 2, confidence: 0.25, accuracy: 0 },
      { from: 0.9, to: 1, n: 2, confidence: 0.95, accuracy: 0.5 },
    ]);
    // Half the cases are 0.25 too sure, half 0.45 too sure.
    expect(ece).toBeCloseTo(0.5 * 0.25 + 0.5 * 0.45, 10);
  });

  it('is zero when every bin is right as often as it is sure, and puts a certainty of 1 in the last bin', () => {
    const { ece, bins } = reliability([
      { confidence: 1, correct: true },
      { confidence: 0.5, correct: true },
      { confidence: 0.5, correct: false },
    ]);
    expect(ece).toBe(0);
    expect(bins.map((b) => b.to)).toEqual([0.6, 1]);
  });
});

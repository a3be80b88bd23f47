import { describe, expect, it } from 'vitest';
import { GATE_TOLERANCE, passesGate } from './activationGate.ts';

const score = (top1: number, top3: number) => ({ n: 100, top1, top3 });

describe('passesGate', () => {
  it('accepts the first model of a knowledge base', () => {
    expect(passesGate(score(0.1, 0.2), null)).toBe(true);
  });

  it('accepts an equal or better candidate and one within the tolerance', () => {
    expect(passesGate(score(0.8, 0.95), score(0.8, 0.95))).toBe(true);
    expect(passesGate(score(0.85, 0.97), score(0.8, 0.95))).toBe(true);
    expect(passesGate(score(0.8 - GATE_TOLERANCE / 2, 0.95), score(0.8, 0.95))).toBe(true);
  });

  it('rejects a candidate that drops top-1 or top-3 by more than the tolerance', () => {
    expect(passesGate(score(0.75, 0.95), score(0.8, 0.95))).toBe(false);
    expect(passesGate(score(0.8, 0.9), score(0.8, 0.95))).toBe(false);
  });
});

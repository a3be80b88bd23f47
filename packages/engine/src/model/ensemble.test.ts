import { describe, expect, it } from 'vitest';
import { type ComponentLogs, fitCalibration, logFloored, pool } from './ensemble.ts';
import { mulberry32 } from './random.ts';

/** Validation logs where the network knows the answer, the tree is random and the knowledge model is uniform. */
function logs(n: number, classes: number) {
  const random = mulberry32(5);
  const labels = Array.from({ length: n }, (_, i) => i % classes);
  const out: ComponentLogs = {
    knowledge: new Float64Array(n * classes),
    tree: new Float64Array(n * classes),
    network: new Float64Array(n * classes),
  };
  labels.forEach((label, r) => {
    const good = Array.from({ length: classes }, (_, c) => (c === label ? 0.7 : 0.3 / (classes - 1)));
    const noise = Array.from({ length: classes }, () => random());
    const sum = noise.reduce((a, b) => a + b, 0);
    logFloored(
      good.map(() => 1 / classes),
      out.knowledge,
      r * classes,
    );
    logFloored(
      noise.map((v) => v / sum),
      out.tree,
      r * classes,
    );
    logFloored(good, out.network, r * classes);
  });
  return { labels, out };
}

describe('ensemble', () => {
  it('gives probabilities that sum to 1 for any weights and temperature', () => {
    const { out } = logs(4, 3);
    for (const temperature of [0.2, 1, 7]) {
      const p = pool(
        out,
        1,
        3,
        { weights: { knowledge: 0.2, tree: 0.3, network: 0.5 }, temperature },
        new Float64Array(3),
      );
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('puts the weight on the component that predicts the validation cases', () => {
    const { labels, out } = logs(60, 3);
    const fitted = fitCalibration(out, labels, 3);
    expect(fitted.weights.network).toBeGreaterThanOrEqual(0.8);
  });

  it('sharpens an under-confident but always right component (temperature below 1)', () => {
    const { labels, out } = logs(60, 3);
    const fitted = fitCalibration(out, labels, 3);
    expect(fitted.temperature).toBeLessThan(1);
    const p = pool(out, 0, 3, fitted, new Float64Array(3));
    expect(p[0]).toBeGreaterThan(0.7);
  });
});

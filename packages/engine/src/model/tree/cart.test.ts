import { describe, expect, it } from 'vitest';
import { predictTree, type SparseRow, trainTree, walkTree } from './cart.ts';

// Four columns; class 0 when column 0 is present, class 1 when column 1 is denied, class 2 otherwise.
const rows: SparseRow[] = [
  { columns: [0], values: [1] },
  { columns: [0, 2], values: [1, 1] },
  { columns: [0, 3], values: [1, -1] },
  { columns: [1], values: [-1] },
  { columns: [1, 2], values: [-1, 1] },
  { columns: [1, 3], values: [-1, 1] },
  { columns: [2], values: [1] },
  { columns: [3], values: [1] },
  { columns: [], values: [] },
];
const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const weights = labels.map(() => 1);
const options = { maxDepth: 5, minLeafWeight: 1, minImpurityDecrease: 1e-9, smoothing: 0 };

describe('decision tree (CART)', () => {
  for (const criterion of ['gini', 'entropy'] as const) {
    it(`separates the classes perfectly with ${criterion}`, () => {
      const tree = trainTree(rows, labels, weights, 3, 4, { ...options, criterion });
      rows.forEach((row, i) => {
        expect(Array.from(predictTree(tree, row))[labels[i] as number]).toBe(1);
      });
      expect(Array.from(predictTree(tree, { columns: [0, 1], values: [1, 1] }))).toEqual([1, 0, 0]);
    });
  }

  it('tests "present" (> 0.5) and "denied" (≤ -0.5) and reports the path taken', () => {
    const tree = trainTree(rows, labels, weights, 3, 4, { ...options, criterion: 'gini' });
    const { path } = walkTree(tree, (f) => (f === 1 ? -1 : 0));
    expect(path.map((s) => [s.feature, s.threshold, s.above])).toEqual(expect.arrayContaining([[1, -0.5, false]]));
  });

  it('chooses the split with the larger impurity decrease first', () => {
    // Column 0 splits 6 cases cleanly into two classes; column 1 only peels off one case.
    const r: SparseRow[] = [
      { columns: [0, 1], values: [1, 1] },
      { columns: [0], values: [1] },
      { columns: [0], values: [1] },
      { columns: [], values: [] },
      { columns: [], values: [] },
      { columns: [], values: [] },
    ];
    const tree = trainTree(r, [0, 0, 0, 1, 1, 1], [1, 1, 1, 1, 1, 1], 2, 2, { ...options, criterion: 'entropy' });
    expect(tree.nodes[0]).toMatchObject({ feature: 0, threshold: 0.5 });
    expect(tree.nodes).toHaveLength(3);
  });

  it('weights cases: a heavy case outvotes two light ones in a leaf', () => {
    const r: SparseRow[] = [
      { columns: [], values: [] },
      { columns: [], values: [] },
      { columns: [], values: [] },
    ];
    const tree = trainTree(r, [0, 0, 1], [1, 1, 5], 2, 1, { ...options, criterion: 'gini' });
    const p = predictTree(tree, r[0] as SparseRow);
    expect(p[1]).toBeCloseTo(5 / 7);
  });

  it('smooths leaves so no class gets probability zero', () => {
    const tree = trainTree(rows, labels, weights, 3, 4, { ...options, criterion: 'gini', smoothing: 0.5 });
    const p = Array.from(predictTree(tree, rows[0] as SparseRow));
    expect(Math.min(...p)).toBeGreaterThan(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

// CART decision tree over sparse findings (symptom present +1 / absent -1 / not asked 0, Mizaj one-hot), grown on
// weighted cases with Gini impurity or information gain. Each node tests one column against a threshold.

export type SplitCriterion = 'gini' | 'entropy';

/** One training or query case: its non-zero columns and values. */
export interface SparseRow {
  columns: readonly number[];
  values: readonly number[];
}

/** Splits of a ternary column: `value > 0.5` (present) and `value > -0.5` (not denied). */
export const SPLIT_THRESHOLDS = [0.5, -0.5] as const;

export type TreeNode =
  | { feature: number; threshold: number; below: number; above: number }
  /** `counts` holds [class, weight] pairs of the training cases that reached the leaf. */
  | { counts: number[]; total: number };

export interface DecisionTree {
  classCount: number;
  criterion: SplitCriterion;
  /** Laplace-style pseudo-count per class added at prediction time. */
  smoothing: number;
  nodes: TreeNode[];
}

export interface TreeOptions {
  criterion: SplitCriterion;
  maxDepth: number;
  /** A split is kept only if both children carry at least this much case weight. */
  minLeafWeight: number;
  /** A split must lower the weighted impurity at least this much. */
  minImpurityDecrease: number;
  smoothing: number;
}

function columnValue(row: SparseRow, feature: number): number {
  const k = row.columns.indexOf(feature);
  return k < 0 ? 0 : (row.values[k] as number);
}

function term(criterion: SplitCriterion, w: number): number {
  if (criterion === 'gini') return w * w;
  return w > 0 ? w * Math.log2(w) : 0;
}

function impurity(criterion: SplitCriterion, sumOfTerms: number, total: number): number {
  if (total <= 0) return 0;
  return criterion === 'gini' ? 1 - sumOfTerms / (total * total) : Math.log2(total) - sumOfTerms / total;
}

interface Pending {
  node: number;
  samples: number[];
  depth: number;
}

/** Grows a tree on `rows` with class `labels` and case `weights`. */
export function trainTree(
  rows: readonly SparseRow[],
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  classCount: number,
  featureCount: number,
  options: TreeOptions,
): DecisionTree {
  const { criterion } = options;
  const C = classCount;
  // Per column: class weights of cases with value -1 (first C slots) and +1 (next C slots).
  const histogram = new Float64Array(featureCount * 2 * C);
  const classTotals = new Float64Array(C);
  const nodes: TreeNode[] = [];

  const makeLeaf = (samples: number[]): TreeNode => {
    classTotals.fill(0);
    let total = 0;
    for (const r of samples) {
      const w = weights[r] as number;
      classTotals[labels[r] as number] = (classTotals[labels[r] as number] as number) + w;
      total += w;
    }
    const counts: number[] = [];
    classTotals.forEach((w, c) => {
      if (w > 0) counts.push(c, w);
    });
    return { counts, total };
  };

  const stack: Pending[] = [{ node: 0, samples: Array.from({ length: rows.length }, (_, i) => i), depth: 0 }];
  nodes.push({ counts: [], total: 0 });
  while (stack.length > 0) {
    const { node, samples, depth } = stack.pop() as Pending;
    classTotals.fill(0);
    let total = 0;
    const touched = new Set<number>();
    for (const r of samples) {
      const row = rows[r] as SparseRow;
      const label = labels[r] as number;
      const w = weights[r] as number;
      classTotals[label] = (classTotals[label] as number) + w;
      total += w;
      row.columns.forEach((f, k) => {
        const slot = f * 2 * C + ((row.values[k] as number) > 0 ? C : 0) + label;
        histogram[slot] = (histogram[slot] as number) + w;
        touched.add(f);
      });
    }
    let parentTerms = 0;
    for (const w of classTotals) parentTerms += term(criterion, w);
    const parentImpurity = impurity(criterion, parentTerms, total);

    let best: { feature: number; threshold: number; gain: number } | undefined;
    if (depth < options.maxDepth && parentImpurity > 0 && total >= 2 * options.minLeafWeight) {
      for (const f of touched) {
        const base = f * 2 * C;
        for (const threshold of SPLIT_THRESHOLDS) {
          // Weight per class of the cases above the threshold: +1 cases for 0.5; everything but -1 cases for -0.5.
          let aboveTotal = 0;
          let aboveTerms = 0;
          let belowTerms = 0;
          for (let c = 0; c < C; c++) {
            const all = classTotals[c] as number;
            const above = threshold > 0 ? (histogram[base + C + c] as number) : all - (histogram[base + c] as number);
            aboveTotal += above;
            aboveTerms += term(criterion, above);
            belowTerms += term(criterion, all - above);
          }
          const belowTotal = total - aboveTotal;
          if (aboveTotal < options.minLeafWeight || belowTotal < options.minLeafWeight) continue;
          const childImpurity =
            (aboveTotal / total) * impurity(criterion, aboveTerms, aboveTotal) +
            (belowTotal / total) * impurity(criterion, belowTerms, belowTotal);
          const gain = parentImpurity - childImpurity;
          // Ties go to the lower column so the tree does not depend on Set order.
          if (!best || gain > best.gain + 1e-12 || (Math.abs(gain - best.gain) <= 1e-12 && f < best.feature)) {
            best = { feature: f, threshold, gain };
          }
        }
      }
    }
    for (const f of touched) histogram.fill(0, f * 2 * C, (f + 1) * 2 * C);

    if (!best || best.gain < options.minImpurityDecrease) {
      nodes[node] = makeLeaf(samples);
      continue;
    }
    const below: number[] = [];
    const above: number[] = [];
    for (const r of samples) (columnValue(rows[r] as SparseRow, best.feature) > best.threshold ? above : below).push(r);
    const belowNode = nodes.push({ counts: [], total: 0 }) - 1;
    const aboveNode = nodes.push({ counts: [], total: 0 }) - 1;
    nodes[node] = { feature: best.feature, threshold: best.threshold, below: belowNode, above: aboveNode };
    stack.push(
      { node: belowNode, samples: below, depth: depth + 1 },
      { node: aboveNode, samples: above, depth: depth + 1 },
    );
  }
  return { classCount, criterion, smoothing: options.smoothing, nodes };
}

/** One test on the way from the root to a leaf. */
export interface PathStep {
  feature: number;
  threshold: number;
  above: boolean;
}

/** Follows the tree for a case given as a column lookup; returns the leaf and the tests passed on the way. */
export function walkTree(tree: DecisionTree, value: (feature: number) => number): { leaf: number; path: PathStep[] } {
  const path: PathStep[] = [];
  let at = 0;
  for (;;) {
    const node = tree.nodes[at] as TreeNode;
    if (!('feature' in node)) return { leaf: at, path };
    const above = value(node.feature) > node.threshold;
    path.push({ feature: node.feature, threshold: node.threshold, above });
    at = above ? node.above : node.below;
  }
}

/** Class probabilities at a leaf, smoothed so no class is impossible. */
export function leafProbabilities(tree: DecisionTree, leaf: number, out?: Float64Array): Float64Array {
  const node = tree.nodes[leaf] as { counts: number[]; total: number };
  const probs = out ?? new Float64Array(tree.classCount);
  const denominator = node.total + tree.smoothing * tree.classCount;
  probs.fill(tree.smoothing / denominator);
  for (let k = 0; k < node.counts.length; k += 2) {
    probs[node.counts[k] as number] = ((node.counts[k + 1] as number) + tree.smoothing) / denominator;
  }
  return probs;
}

/** Class probabilities for a sparse case. */
export function predictTree(tree: DecisionTree, row: SparseRow, out?: Float64Array): Float64Array {
  return leafProbabilities(tree, walkTree(tree, (f) => columnValue(row, f)).leaf, out);
}

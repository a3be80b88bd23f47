// Accuracy and calibration measures of a differential against known diagnoses.

/** Confidence bins of the expected calibration error (15, as in Guo et al. 2017, "On Calibration of Modern Neural Networks"). */
export const ECE_BINS = 15;

/** 1-based rank of `label` among `probabilities` (ties count against the label). */
export function rankOf(probabilities: ArrayLike<number>, label: number): number {
  const p = probabilities[label] as number;
  let rank = 1;
  for (let c = 0; c < probabilities.length; c++) if (c !== label && (probabilities[c] as number) >= p) rank++;
  return rank;
}

/** Accumulates top-k accuracy, log-loss and the ECE over cases. */
export class CalibrationTally {
  private readonly binCount = new Float64Array(ECE_BINS);
  private readonly binConfidence = new Float64Array(ECE_BINS);
  private readonly binCorrect = new Float64Array(ECE_BINS);
  private readonly hits = { top1: 0, top3: 0, top5: 0 };
  private lossSum = 0;
  private n = 0;

  add(probabilities: ArrayLike<number>, label: number): void {
    const rank = rankOf(probabilities, label);
    let top = 0;
    for (let c = 0; c < probabilities.length; c++) top = Math.max(top, probabilities[c] as number);
    const bin = Math.min(ECE_BINS - 1, Math.floor(top * ECE_BINS));
    this.binCount[bin] = (this.binCount[bin] as number) + 1;
    this.binConfidence[bin] = (this.binConfidence[bin] as number) + top;
    if (rank === 1) this.binCorrect[bin] = (this.binCorrect[bin] as number) + 1;
    if (rank <= 1) this.hits.top1++;
    if (rank <= 3) this.hits.top3++;
    if (rank <= 5) this.hits.top5++;
    this.lossSum -= Math.log(Math.max(probabilities[label] as number, Number.MIN_VALUE));
    this.n++;
  }

  result(): { n: number; top1: number; top3: number; top5: number; logLoss: number; ece: number } {
    const n = Math.max(this.n, 1);
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) {
      const count = this.binCount[b] as number;
      if (count > 0)
        ece +=
          (count / n) * Math.abs((this.binCorrect[b] as number) / count - (this.binConfidence[b] as number) / count);
    }
    return {
      n: this.n,
      top1: this.hits.top1 / n,
      top3: this.hits.top3 / n,
      top5: this.hits.top5 / n,
      logLoss: this.lossSum / n,
      ece,
    };
  }
}

/** One confidence bin of a reliability table: how sure the top answer was, and how often it was right. */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  /** Mean probability of the top answer in the bin. */
  confidence: number;
  /** Share of the bin whose top answer was the right one. */
  accuracy: number;
}

/**
 * The reliability table and expected calibration error of top answers: each case's leading probability and whether
 * that answer was right, in `binCount` equal bins of confidence (empty bins left out).
 */
export function reliability(
  outcomes: ReadonlyArray<{ confidence: number; correct: boolean }>,
  binCount = 10,
): { ece: number; bins: ReliabilityBin[] } {
  const bins = Array.from({ length: binCount }, (_, b) => ({
    from: b / binCount,
    to: (b + 1) / binCount,
    n: 0,
    sure: 0,
    right: 0,
  }));
  for (const { confidence, correct } of outcomes) {
    const bin = bins[Math.min(binCount - 1, Math.max(0, Math.floor(confidence * binCount)))] as (typeof bins)[number];
    bin.n++;
    bin.sure += confidence;
    if (correct) bin.right++;
  }
  const total = Math.max(outcomes.length, 1);
  let ece = 0;
  const table: ReliabilityBin[] = [];
  for (const b of bins) {
    if (b.n === 0) continue;
    const confidence = b.sure / b.n;
    const accuracy = b.right / b.n;
    ece += (b.n / total) * Math.abs(accuracy - confidence);
    table.push({ from: b.from, to: b.to, n: b.n, confidence, accuracy });
  }
  return { ece, bins: table };
}

// Combines the knowledge model, the tree and the network by weighted log-linear pooling, then temperature scaling.
// Weights and temperature are fitted on a validation split by minimising the log-loss.

export const componentNames = ['knowledge', 'tree', 'network'] as const;
export type ComponentName = (typeof componentNames)[number];
export type EnsembleWeights = Record<ComponentName, number>;

export interface Calibration {
  weights: EnsembleWeights;
  /** Divides the pooled log-probabilities; above 1 softens over-confident output, below 1 sharpens it. */
  temperature: number;
}

/** Component probabilities are floored here before taking logs, so no single model can veto a disease. */
export const PROBABILITY_FLOOR = 1e-6;
/** Grid step for the weights on the simplex: 66 combinations, each checked against the validation split. */
export const WEIGHT_GRID_STEP = 0.1;
/** Temperature is searched on a log scale between these bounds (one tenth to ten times the raw sharpness). */
export const TEMPERATURE_RANGE = [0.1, 10] as const;
/** Golden-section iterations: the bracket shrinks to 0.618^24 ≈ 1e-5 of its width. */
export const TEMPERATURE_SEARCH_STEPS = 24;

/** Per case, the log-probabilities each component gives every class (row-major [case][class]). */
export type ComponentLogs = Record<ComponentName, Float64Array>;

/** Writes log(max(p, PROBABILITY_FLOOR)) of each probability into `out` from `offset`. */
export function logFloored(probabilities: ArrayLike<number>, out: Float64Array, offset = 0): void {
  for (let c = 0; c < probabilities.length; c++)
    out[offset + c] = Math.log(Math.max(probabilities[c] as number, PROBABILITY_FLOOR));
}

/** Calibrated class probabilities of case `row` (0 for a single case) into `out`. */
export function pool(
  logs: ComponentLogs,
  row: number,
  classCount: number,
  calibration: Calibration,
  out: Float64Array,
): Float64Array {
  const { weights, temperature } = calibration;
  const base = row * classCount;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classCount; c++) {
    const z =
      (weights.knowledge * (logs.knowledge[base + c] as number) +
        weights.tree * (logs.tree[base + c] as number) +
        weights.network * (logs.network[base + c] as number)) /
      temperature;
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < classCount; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) / sum;
  return out;
}

/** Mean negative log-likelihood of the true classes. */
export function logLoss(
  logs: ComponentLogs,
  labels: ArrayLike<number>,
  classCount: number,
  calibration: Calibration,
): number {
  const p = new Float64Array(classCount);
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    pool(logs, r, classCount, calibration, p);
    total -= Math.log(Math.max(p[labels[r] as number] as number, Number.MIN_VALUE));
  }
  return total / Math.max(labels.length, 1);
}

function fitTemperature(logs: ComponentLogs, labels: ArrayLike<number>, classCount: number, weights: EnsembleWeights) {
  const loss = (logT: number) => logLoss(logs, labels, classCount, { weights, temperature: Math.exp(logT) });
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(TEMPERATURE_RANGE[0]);
  let b = Math.log(TEMPERATURE_RANGE[1]);
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = loss(c);
  let fd = loss(d);
  for (let i = 0; i < TEMPERATURE_SEARCH_STEPS; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = loss(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = loss(d);
    }
  }
  const logT = (a + b) / 2;
  return { temperature: Math.exp(logT), loss: loss(logT) };
}

/** Grid-searches the weights on the simplex and, for each, the temperature; keeps the lowest validation log-loss. */
export function fitCalibration(
  logs: ComponentLogs,
  labels: ArrayLike<number>,
  classCount: number,
): Calibration & { logLoss: number } {
  const steps = Math.round(1 / WEIGHT_GRID_STEP);
  let best: (Calibration & { logLoss: number }) | undefined;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; i + j <= steps; j++) {
      const weights = { knowledge: i / steps, tree: j / steps, network: (steps - i - j) / steps };
      const { temperature, loss } = fitTemperature(logs, labels, classCount, weights);
      if (!best || loss < best.logLoss) best = { weights, temperature, logLoss: loss };
    }
  }
  return best as Calibration & { logLoss: number };
}

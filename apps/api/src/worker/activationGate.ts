// The activation gate: a retrained model replaces the current one only if it does not score below it on the fixed
// evaluation set (cases generated from the knowledge base with their own seed, never practitioners' input).
import type { RankAccuracy } from '@unani/engine';

/**
 * Largest drop in top-1 and in top-3 a candidate may show and still be activated: two points, about the noise between
 * two trainings that differ only in a few confirmed cases, and well below the drop that corrupted labels cause.
 */
export const GATE_TOLERANCE = 0.02;

/** What the gate measured; stored on the job so the admin page can show both figures. */
export type GateScore = { version: string; n: number; top1: number; top3: number };
export type GateEvaluation = {
  evaluationSet: string;
  tolerance: number;
  candidate: GateScore;
  /** Null when no model for this knowledge is active (the first model, or the knowledge changed). */
  current: GateScore | null;
  accepted: boolean;
};

/** True when the candidate is within the tolerance of the current model on both top-1 and top-3, or none is active. */
export function passesGate(candidate: RankAccuracy, current: RankAccuracy | null, tolerance = GATE_TOLERANCE): boolean {
  if (!current) return true;
  return candidate.top1 >= current.top1 - tolerance && candidate.top3 >= current.top3 - tolerance;
}

export function rejectionMessage(evaluation: GateEvaluation): string {
  const { candidate: c, current } = evaluation;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    `The retrained model scored below the current one on ${c.n} evaluation cases: top-1 ${pct(c.top1)} against ` +
    `${pct(current?.top1 ?? 0)}, top-3 ${pct(c.top3)} against ${pct(current?.top3 ?? 0)}; the current model stays.`
  );
}

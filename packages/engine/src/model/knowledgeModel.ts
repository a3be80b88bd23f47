// The knowledge model: naive Bayes over the knowledge base's likelihoods P(finding | disease), with Mizaj as a prior.
import { type Temperament, temperaments } from '@unani/contracts';
import { ancestry } from '../knowledge/hierarchy.ts';
import type { EngineKnowledge } from '../types.ts';
import type { FeatureSpace } from './features.ts';

/**
 * P(finding present | disease) for a finding the disease does not list. A listed-nowhere finding still turns up
 * (another illness at the same time, a patient's loose report); without a leak a single stray finding would make
 * the right disease impossible. At 0.02 a stray finding costs a disease log(0.5/0.02) ≈ 3.2 nats against a typical
 * listed likelihood of 0.5, about what two expected findings reported absent cost, so one stray finding cannot
 * overturn several matching ones. On the Kaggle data 0.005 and 0.02 gave the same held-out top-1.
 */
export const LEAK_PROBABILITY = 0.02;

/**
 * Likelihoods are capped here: the knowledge base allows 1.0 (and a frequency count gives it), but a patient can
 * still deny or not notice a cardinal symptom, so an absent finding must lower a disease, never exclude it.
 */
export const MAX_LIKELIHOOD = 0.97;

/**
 * Share of P(Mizaj | disease) given to the temperaments a disease lists. Classical texts say a disease arises more
 * readily in those temperaments, not only in them; 0.7 makes Mizaj informative without ever being decisive.
 */
export const TEMPERAMENT_AFFINITY = 0.7;

/** A finding reported with doubt ("maybe some fever") counts this fraction of a certain one. */
export const UNCERTAIN_FINDING_WEIGHT = 0.5;

export interface KnowledgeModel {
  diseaseCount: number;
  symptomCount: number;
  /** Row-major [disease][symptom] log P(present | disease), leak filled in. */
  logPresent: Float64Array;
  /** Row-major [disease][symptom] log P(absent | disease). */
  logAbsent: Float64Array;
  /** Row-major [disease][symptom] P(present | disease), leak filled in. */
  likelihood: Float64Array;
  /** Row-major [disease][temperament] log P(Mizaj | disease). */
  logTemperament: Float64Array;
  /** Row-major [disease][symptom]: 1 where the disease lists the symptom. */
  listed: Uint8Array;
  cardinal: Uint8Array;
}

/** P(Mizaj | disease) for each of the four temperaments. */
export function temperamentLikelihoods(listed: readonly Temperament[]): number[] {
  const inList = new Set(listed);
  if (inList.size === 0 || inList.size === temperaments.length) return temperaments.map(() => 1 / temperaments.length);
  return temperaments.map((t) =>
    inList.has(t)
      ? TEMPERAMENT_AFFINITY / inList.size
      : (1 - TEMPERAMENT_AFFINITY) / (temperaments.length - inList.size),
  );
}

/** Precomputes the likelihood tables of `knowledge` in the column order of `space`. */
export function compileKnowledgeModel(knowledge: EngineKnowledge, space: FeatureSpace): KnowledgeModel {
  const D = knowledge.diseases.length;
  const S = space.symptoms.length;
  const T = temperaments.length;
  const likelihood = new Float64Array(D * S).fill(LEAK_PROBABILITY);
  const listed = new Uint8Array(D * S);
  const cardinal = new Uint8Array(D * S);
  const logTemperament = new Float64Array(D * T);
  const up = ancestry(knowledge);
  knowledge.diseases.forEach((disease, d) => {
    for (const s of disease.symptoms) {
      const i = space.symptomIndex.get(s.symptom);
      if (i === undefined) continue;
      likelihood[d * S + i] = Math.min(Math.max(s.likelihood, LEAK_PROBABILITY), MAX_LIKELIHOOD);
      listed[d * S + i] = 1;
      if (s.cardinal) cardinal[d * S + i] = 1;
    }
    // A specific finding implies its general one, so P(parent | disease) is at least P(child | disease): a disease
    // listing "high fever" expects "fever" at least as often.
    for (const s of disease.symptoms) {
      const child = space.symptomIndex.get(s.symptom);
      if (child === undefined) continue;
      for (const parent of up.get(s.symptom) ?? []) {
        const i = space.symptomIndex.get(parent);
        if (i === undefined) continue;
        likelihood[d * S + i] = Math.max(likelihood[d * S + i] as number, likelihood[d * S + child] as number);
        listed[d * S + i] = 1;
      }
    }
    temperamentLikelihoods(disease.temperaments).forEach((p, t) => {
      logTemperament[d * T + t] = Math.log(p);
    });
  });
  const logPresent = likelihood.map(Math.log);
  const logAbsent = likelihood.map((p) => Math.log(1 - p));
  return { diseaseCount: D, symptomCount: S, logPresent, logAbsent, likelihood, logTemperament, listed, cardinal };
}

export interface KnowledgeEvidence {
  present: readonly number[];
  absent: readonly number[];
  uncertainPresent?: readonly number[];
  uncertainAbsent?: readonly number[];
  temperament?: Temperament;
}

/** Log posterior scores (unnormalised, uniform disease prior) of every disease for the evidence. */
export function knowledgeLogScores(
  model: KnowledgeModel,
  evidence: KnowledgeEvidence,
  out?: Float64Array,
): Float64Array {
  const { diseaseCount: D, symptomCount: S } = model;
  const scores = out ?? new Float64Array(D);
  scores.fill(0);
  const add = (table: Float64Array, columns: readonly number[] | undefined, weight: number) => {
    if (!columns) return;
    for (const i of columns)
      for (let d = 0; d < D; d++) scores[d] = (scores[d] as number) + weight * (table[d * S + i] as number);
  };
  add(model.logPresent, evidence.present, 1);
  add(model.logAbsent, evidence.absent, 1);
  add(model.logPresent, evidence.uncertainPresent, UNCERTAIN_FINDING_WEIGHT);
  add(model.logAbsent, evidence.uncertainAbsent, UNCERTAIN_FINDING_WEIGHT);
  if (evidence.temperament) {
    const t = temperaments.indexOf(evidence.temperament);
    for (let d = 0; d < D; d++)
      scores[d] = (scores[d] as number) + (model.logTemperament[d * temperaments.length + t] as number);
  }
  return scores;
}

/** Turns log scores into probabilities in place (softmax), scaled by 1/temperature. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of scores) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(((scores[i] as number) - max) / temperature);
    scores[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / sum;
  return scores;
}

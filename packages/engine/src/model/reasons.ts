// Why each disease of the differential: the findings that raised it most, the one that argues against it most, and
// how much each component model (knowledge base, decision tree, network) gave it.
import { type Temperament, temperaments } from '@unani/contracts';
import type { ComponentName, EnsembleWeights } from './ensemble.ts';
import type { ResolvedFindings } from './features.ts';
import { type KnowledgeModel, UNCERTAIN_FINDING_WEIGHT } from './knowledgeModel.ts';

/** Findings named as raising a disease: three read at a glance, more are a list nobody reads. */
export const RAISED_BY_SHOWN = 3;

export interface Reason {
  symptom: string;
  name: string;
  /** As reported: present or absent (an absent finding can raise a disease whose rivals expect it). */
  present: boolean;
  /**
   * The natural log of the finding's likelihood ratio in the knowledge model: P(finding as reported | this disease)
   * over the mean P(finding as reported | each other disease), times 0.5 for a finding reported with doubt (the
   * weight the knowledge model gives it). Positive raises the disease, negative lowers it; exp(strength) is the
   * ratio itself, so 2.3 means the finding is ten times likelier under this disease than under the others.
   */
  strength: number;
}

/** A likelihood ratio this close to 1 (|log| below it) did not move the disease: nothing to say. */
export const NEGLIGIBLE_STRENGTH = 0.01;

export interface MizajReason {
  temperament: Temperament;
  /**
   * The natural log of P(Mizaj | this disease) over the mean P(Mizaj | each other disease) in the knowledge model:
   * positive when the disease lists the patient's temperament and its rivals do not, negative the other way round.
   */
  strength: number;
}

export interface Why {
  /** Up to three findings with the largest positive strength, strongest first. */
  raisedBy: Reason[];
  /** The finding with the most negative strength, when any finding lowers the disease. */
  against?: Reason;
  /** The patient's Mizaj, when it moved this disease against the others. */
  mizaj?: MizajReason;
  /**
   * Each component's part in the disease's support: its ensemble weight times the probability it alone gave the
   * disease, divided by the sum of the three (so the shares add up to 1). A model weighted 0 has share 0.
   */
  shares: Record<ComponentName, number>;
}

interface Evidence {
  index: number;
  present: boolean;
  weight: number;
}

/**
 * Precomputes, for every reported finding, P(finding as reported | d) for each disease and its sum over diseases,
 * so each entry's ratios cost one pass over the findings.
 */
export function reasonTable(km: KnowledgeModel, resolved: ResolvedFindings) {
  const { diseaseCount: D, symptomCount: S } = km;
  const evidence: Evidence[] = [
    ...resolved.present.map((index) => ({ index, present: true, weight: 1 })),
    ...resolved.absent.map((index) => ({ index, present: false, weight: 1 })),
    ...resolved.uncertainPresent.map((index) => ({ index, present: true, weight: UNCERTAIN_FINDING_WEIGHT })),
    ...resolved.uncertainAbsent.map((index) => ({ index, present: false, weight: UNCERTAIN_FINDING_WEIGHT })),
  ];
  const chance = (d: number, e: Evidence) => {
    const p = km.likelihood[d * S + e.index] as number;
    return e.present ? p : 1 - p;
  };
  const totals = evidence.map((e) => {
    let sum = 0;
    for (let d = 0; d < D; d++) sum += chance(d, e);
    return sum;
  });
  return { evidence, totals, chance, diseaseCount: D };
}

export type ReasonTable = ReturnType<typeof reasonTable>;

/** How much the patient's Mizaj moved disease `d` in the knowledge model; undefined when it did not. */
export function mizajReason(km: KnowledgeModel, d: number, temperament: Temperament | undefined) {
  if (!temperament) return undefined;
  const T = temperaments.length;
  const t = temperaments.indexOf(temperament);
  const p = (disease: number) => Math.exp(km.logTemperament[disease * T + t] as number);
  let rest = 0;
  for (let other = 0; other < km.diseaseCount; other++) if (other !== d) rest += p(other);
  const strength = Math.log(p(d) / (rest / Math.max(km.diseaseCount - 1, 1)));
  return Math.abs(strength) < NEGLIGIBLE_STRENGTH ? undefined : { temperament, strength };
}

/** The reasons for disease `d`; `ref` names a symptom column. */
export function whyDisease(
  table: ReasonTable,
  d: number,
  components: Record<ComponentName, number>,
  weights: EnsembleWeights,
  ref: (i: number) => { symptom: string; name: string },
  mizaj?: MizajReason,
): Why {
  const others = Math.max(table.diseaseCount - 1, 1);
  const reasons = table.evidence.map((e, k): Reason => {
    const own = table.chance(d, e);
    const rest = ((table.totals[k] as number) - own) / others;
    return { ...ref(e.index), present: e.present, strength: e.weight * Math.log(own / rest) };
  });
  const raisedBy = reasons
    .filter((r) => r.strength > 0)
    .sort((a, b) => b.strength - a.strength)
    .slice(0, RAISED_BY_SHOWN);
  const against = reasons.filter((r) => r.strength < 0).sort((a, b) => a.strength - b.strength)[0];
  const part = {
    knowledge: weights.knowledge * components.knowledge,
    tree: weights.tree * components.tree,
    network: weights.network * components.network,
  };
  const total = part.knowledge + part.tree + part.network;
  const shares =
    total > 0
      ? { knowledge: part.knowledge / total, tree: part.tree / total, network: part.network / total }
      : { knowledge: 1 / 3, tree: 1 / 3, network: 1 / 3 };
  return { raisedBy, ...(against ? { against } : {}), ...(mizaj ? { mizaj } : {}), shares };
}

// The differential diagnosis of one visit: calibrated probabilities with the evidence for and against each disease.
import { temperaments } from '@unani/contracts';
import { closeForDifferential } from '../knowledge/hierarchy.ts';
import type { Finding, PatientContext } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import { runComponents } from './components.ts';
import { type ComponentLogs, type ComponentName, logFloored, pool } from './ensemble.ts';
import { type FeatureSpace, resolveFindings } from './features.ts';
import { type Fit, fitOf } from './fit.ts';
import type { KnowledgeModel } from './knowledgeModel.ts';
import { mizajReason, reasonTable, type Why, whyDisease } from './reasons.ts';
import type { PathStep } from './tree/cart.ts';

/** Diseases below this probability are left out of the differential (one in a hundred). */
export const MIN_REPORTED_PROBABILITY = 0.01;
/** A listed symptom is "expected" when more likely than not in the disease (or marked cardinal). */
export const EXPECTED_LIKELIHOOD = 0.5;
/** The differential is flat when its leader is below this: less than one chance in three is not a lead. */
export const FLAT_TOP_PROBABILITY = 0.3;
/** …or when the first two are closer than this: the practitioner should ask more before choosing. */
export const FLAT_MARGIN = 0.05;
/** Findings shown as the main reasons for the leading disease. */
export const TOP_FINDINGS_SHOWN = 5;
/**
 * Share of the probability spread evenly over all diseases after pooling, so no disease ever reaches 1. The
 * knowledge base does not hold every illness and findings are misheard or misreported; a softmax of log scores
 * rounds to exactly 1 once the leader is ~37 nats ahead, which would read as certainty. At 0.01 the leader can
 * reach at most 0.99 + 0.01/D, and the ranking never changes (the mixture is monotone in each probability).
 */
export const RESIDUAL_UNCERTAINTY = 0.01;
/**
 * Below this leading probability the alternatives are listed even when each is under MIN_REPORTED_PROBABILITY:
 * one chance in ten of being wrong is too much to show a lone disease.
 */
export const CONFIDENT_TOP_PROBABILITY = 0.9;
/** Alternatives listed beyond the leader when it is below CONFIDENT_TOP_PROBABILITY. */
export const ALTERNATIVES_SHOWN = 2;
/**
 * Fewer informative findings than this and the picture is incomplete: two findings fit too many diseases for the
 * ranking to mean much, whatever the probabilities say.
 */
export const MIN_INFORMATIVE_FINDINGS = 3;

export interface DiseaseRef {
  code: string;
  name: string;
  englishName: string;
}

export interface FindingRef {
  symptom: string;
  name: string;
}

export interface DifferentialEntry {
  disease: DiseaseRef;
  probability: number;
  /** Reported findings the disease lists. */
  supporting: FindingRef[];
  /** Expected findings of the disease nobody has reported either way. */
  missing: FindingRef[];
  /** Expected findings reported absent, and present findings the disease does not list. */
  against: FindingRef[];
  /** What each component alone gave this disease, for audit. */
  components: Record<ComponentName, number>;
  /** The findings that raised it most, the one against it most, and each component's share. */
  why: Why;
}

export interface FindingContribution extends FindingRef {
  present: boolean;
  /** Log-likelihood ratio of the finding for the leading disease against the average of the others. */
  weight: number;
}

export interface Differential {
  entries: DifferentialEntry[];
  /** True when no disease clearly leads: ask more before relying on the ranking. */
  flat: boolean;
  /**
   * How many of the findings as reported (before the symptom hierarchy adds implied ones) are informative: known to
   * the knowledge base, stated present or absent without doubt, and listed by at least one disease. A finding no
   * disease lists has the same likelihood under every disease and cannot move the ranking.
   */
  informativeFindings: number;
  /** How much of the reported complaints the best of the leading diseases accounts for (see fit.ts). */
  fit: Fit;
  explanation: {
    /** The decision tree's tests for this case, e.g. "fever present", "cough absent". */
    treePath: string[];
    topFindings: FindingContribution[];
    /** Finding codes this knowledge base does not hold (ignored). */
    unrecognised: string[];
  };
  modelVersion: string;
}

/** Plain-words description of one tree test. */
export function describeStep(space: FeatureSpace, symptomNames: readonly string[], step: PathStep): string {
  if (step.feature >= space.temperamentOffset && step.feature < space.ageColumn) {
    const mizaj = temperaments[step.feature - space.temperamentOffset];
    return step.above ? `Mizaj ${mizaj}` : `Mizaj not ${mizaj}`;
  }
  const name = symptomNames[step.feature] ?? space.symptoms[step.feature];
  if (step.threshold > 0) return step.above ? `${name} present` : `${name} not reported present`;
  return step.above ? `${name} not reported absent` : `${name} absent`;
}

/**
 * The diseases the differential lists, most probable first: those above MIN_REPORTED_PROBABILITY and, when the
 * leader is below CONFIDENT_TOP_PROBABILITY, the next ALTERNATIVES_SHOWN whatever their probability.
 */
export function reportedOrder(probabilities: ArrayLike<number>): number[] {
  const ranked = Array.from({ length: probabilities.length }, (_, d) => d).sort(
    (a, b) => (probabilities[b] as number) - (probabilities[a] as number) || a - b,
  );
  const leaderConfident = (probabilities[ranked[0] ?? 0] ?? 0) >= CONFIDENT_TOP_PROBABILITY;
  return ranked.filter(
    (d, rank) =>
      (probabilities[d] as number) > MIN_REPORTED_PROBABILITY || (!leaderConfident && rank <= ALTERNATIVES_SHOWN),
  );
}

/** Whether disease `d` expects finding `i`: listed as cardinal, or at least EXPECTED_LIKELIHOOD. */
function expects(km: KnowledgeModel, d: number, i: number): boolean {
  const at = d * km.symptomCount + i;
  return km.listed[at] === 1 && (km.cardinal[at] === 1 || (km.likelihood[at] as number) >= EXPECTED_LIKELIHOOD);
}

const expectedLists = new WeakMap<KnowledgeModel, ReadonlyArray<readonly number[]>>();

/**
 * For each disease, the findings it expects (listed as cardinal or at least EXPECTED_LIKELIHOOD), most likely first
 * and in feature order among equals: built once per model, so a differential does not scan every finding for every
 * disease it reports.
 */
function expectedFindings(km: KnowledgeModel): ReadonlyArray<readonly number[]> {
  let lists = expectedLists.get(km);
  if (!lists) {
    const S = km.symptomCount;
    lists = Array.from({ length: km.diseaseCount }, (_, d) => {
      const own: number[] = [];
      for (let i = 0; i < S; i++) if (expects(km, d, i)) own.push(i);
      return own.sort((a, b) => (km.likelihood[d * S + b] as number) - (km.likelihood[d * S + a] as number));
    });
    expectedLists.set(km, lists);
  }
  return lists;
}

/** Ranks every disease for the findings and context, with evidence, tree path and a flatness flag. */
export function diagnose(findings: readonly Finding[], context: PatientContext, model: DiagnosisModel): Differential {
  const { space, knowledgeModel: km, knowledge, artifact } = model;
  const D = km.diseaseCount;
  const S = km.symptomCount;
  const resolved = resolveFindings(space, closeForDifferential(findings, knowledge));
  const out = runComponents(
    { space, knowledgeModel: km, tree: artifact.tree, network: model.network },
    resolved,
    context,
  );
  const logs: ComponentLogs = {
    knowledge: new Float64Array(D),
    tree: new Float64Array(D),
    network: new Float64Array(D),
  };
  logFloored(out.knowledge, logs.knowledge);
  logFloored(out.tree, logs.tree);
  logFloored(out.network, logs.network);
  const probabilities = pool(logs, 0, D, artifact.ensemble, new Float64Array(D));
  for (let d = 0; d < D; d++)
    probabilities[d] = (1 - RESIDUAL_UNCERTAINTY) * (probabilities[d] as number) + RESIDUAL_UNCERTAINTY / D;

  const names = knowledge.symptoms.map((s) => s.name);
  const ref = (i: number): FindingRef => ({ symptom: space.symptoms[i] as string, name: names[i] as string });
  const present = [...resolved.present, ...resolved.uncertainPresent];
  const mentioned = new Set([...present, ...resolved.absent, ...resolved.uncertainAbsent]);

  const order = reportedOrder(probabilities);
  const reasons = reasonTable(km, resolved);
  const entries = order.map((d): DifferentialEntry => {
    const disease = knowledge.diseases[d];
    const byLikelihood = (a: number, b: number) =>
      (km.likelihood[d * S + b] as number) - (km.likelihood[d * S + a] as number);
    const missing = (expectedFindings(km)[d] ?? []).filter((i) => !mentioned.has(i));
    const components = {
      knowledge: out.knowledge[d] as number,
      tree: out.tree[d] as number,
      network: out.network[d] as number,
    };
    return {
      disease: { code: disease?.code ?? '', name: disease?.name ?? '', englishName: disease?.englishName ?? '' },
      probability: probabilities[d] as number,
      supporting: present
        .filter((i) => km.listed[d * S + i] === 1)
        .sort(byLikelihood)
        .map(ref),
      missing: missing.map(ref),
      against: [
        ...[...resolved.absent, ...resolved.uncertainAbsent].filter((i) => expects(km, d, i)).sort(byLikelihood),
        ...present.filter((i) => km.listed[d * S + i] !== 1),
      ].map(ref),
      components,
      why: whyDisease(reasons, d, components, artifact.ensemble.weights, ref, mizajReason(km, d, context.temperament)),
    };
  });

  const top = order[0] ?? 0;
  const contribution = (i: number, isPresent: boolean): FindingContribution => {
    const p = (d: number) =>
      isPresent ? (km.likelihood[d * S + i] as number) : 1 - (km.likelihood[d * S + i] as number);
    let others = 0;
    for (let d = 0; d < D; d++) if (d !== top) others += p(d);
    return { ...ref(i), present: isPresent, weight: Math.log(p(top) / (others / Math.max(D - 1, 1))) };
  };
  const topFindings = [
    ...present.map((i) => contribution(i, true)),
    ...resolved.absent.map((i) => contribution(i, false)),
  ]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, TOP_FINDINGS_SHOWN);

  const asReported = resolveFindings(space, findings);
  const listedAnywhere = (i: number) => {
    for (let d = 0; d < D; d++) if (km.listed[d * S + i] === 1) return true;
    return false;
  };
  const informativeFindings = [...asReported.present, ...asReported.absent].filter(listedAnywhere).length;

  const first = entries[0]?.probability ?? 0;
  const second = entries[1]?.probability ?? 0;
  return {
    entries,
    flat: present.length + resolved.absent.length === 0 || first < FLAT_TOP_PROBABILITY || first - second < FLAT_MARGIN,
    informativeFindings,
    fit: fitOf(findings, order, first, model),
    explanation: {
      treePath: out.treePath.map((step) => describeStep(space, names, step)),
      topFindings,
      unrecognised: resolved.unrecognised,
    },
    modelVersion: artifact.version,
  };
}

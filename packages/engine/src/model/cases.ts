// Training cases: sampled from the knowledge likelihoods with the noise of real consultations, plus confirmed cases.
import { temperaments } from '@unani/contracts';
import { ancestry } from '../knowledge/hierarchy.ts';
import type { EngineKnowledge, Finding, PatientContext } from '../types.ts';
import { type EncodedCase, type FeatureSpace, featureSpace } from './features.ts';
import { type KnowledgeModel, temperamentLikelihoods } from './knowledgeModel.ts';
import type { Random } from './random.ts';

/** A present symptom goes unreported this often (the patient forgets it, the practitioner does not ask). */
export const UNREPORTED_RATE = 0.2;
/** After each stray finding another follows with this probability: on average 0.25/(1-0.25) ≈ 0.33 per case. */
export const STRAY_FINDING_CONTINUE = 0.25;
/** Stray findings (and unrelated denials) per case never exceed this. */
export const MAX_STRAY_FINDINGS = 3;
/** A listed symptom the patient does not have is explicitly recorded as absent this often (asked and denied). */
export const DENIED_RATE = 0.15;
/**
 * After each unrelated symptom asked and denied another follows with this probability (mean 0.4/0.6 ≈ 0.67 per case):
 * practitioners also ask about the findings of other suspected diseases, so a denial alone does not reveal the answer.
 */
export const UNRELATED_DENIAL_CONTINUE = 0.4;
/** Mizaj is recorded in this share of sampled cases; practitioners assess it in about half of visits. */
export const TEMPERAMENT_RECORDED_RATE = 0.5;
/** A confirmed case counts as this many sampled ones: it is real evidence, sampled ones are the knowledge's echo. */
export const CONFIRMED_CASE_WEIGHT = 5;
/** Draws of a case are repeated this often before falling back to the disease's most likely symptom. */
const MAX_EMPTY_REDRAWS = 5;

/** A case whose diagnosis a practitioner confirmed. */
export interface ConfirmedCase {
  disease: string;
  findings: ReadonlyArray<Pick<Finding, 'symptom' | 'present'>>;
  context?: PatientContext;
}

function pickWeighted(weights: readonly number[], random: Random): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = random() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

function drawCase(model: KnowledgeModel, d: number, listedColumns: number[], random: Random): EncodedCase {
  const S = model.symptomCount;
  const present: number[] = [];
  const absent: number[] = [];
  for (let attempt = 0; attempt <= MAX_EMPTY_REDRAWS && present.length === 0; attempt++) {
    present.length = 0;
    absent.length = 0;
    for (const i of listedColumns) {
      if (random() < (model.likelihood[d * S + i] as number)) {
        if (random() >= UNREPORTED_RATE) present.push(i);
      } else if (random() < DENIED_RATE) {
        absent.push(i);
      }
    }
  }
  if (present.length === 0 && listedColumns.length > 0) {
    const best = listedColumns.reduce((a, b) =>
      (model.likelihood[d * S + b] as number) > (model.likelihood[d * S + a] as number) ? b : a,
    );
    present.push(best);
  }
  for (let k = 0; k < MAX_STRAY_FINDINGS && random() < STRAY_FINDING_CONTINUE; k++) {
    const i = Math.floor(random() * S);
    if (!model.listed[d * S + i] && !present.includes(i)) present.push(i);
  }
  for (let k = 0; k < MAX_STRAY_FINDINGS && random() < UNRELATED_DENIAL_CONTINUE; k++) {
    const i = Math.floor(random() * S);
    if (!model.listed[d * S + i] && !present.includes(i) && !absent.includes(i)) absent.push(i);
  }
  return { disease: d, present, absent, weight: 1 };
}

/** For each symptom column, the columns of its ancestors. */
function parentColumns(knowledge: EngineKnowledge, model: KnowledgeModel): number[][] {
  const up = ancestry(knowledge);
  const space = featureSpace(knowledge);
  const out: number[][] = Array.from({ length: model.symptomCount }, () => []);
  for (const [code, parents] of up) {
    const i = space.symptomIndex.get(code);
    if (i === undefined) continue;
    out[i] = parents.flatMap((p) => space.symptomIndex.get(p) ?? []);
  }
  return out;
}

/** A sampled case as a note would read it: a specific finding present makes its general ones present too. */
function closeUpward(c: EncodedCase, parentsOf: readonly number[][]): EncodedCase {
  const present = new Set(c.present);
  for (const i of c.present) for (const p of parentsOf[i] ?? []) present.add(p);
  if (present.size === c.present.length) return c;
  return { ...c, present: [...present], absent: c.absent.filter((i) => !present.has(i)) };
}

/** Samples `perDisease` noisy cases for every disease of the knowledge base. */
export function sampleCases(
  knowledge: EngineKnowledge,
  model: KnowledgeModel,
  perDisease: number,
  random: Random,
): EncodedCase[] {
  const S = model.symptomCount;
  const cases: EncodedCase[] = [];
  const parentsOf = parentColumns(knowledge, model);
  knowledge.diseases.forEach((disease, d) => {
    const listedColumns: number[] = [];
    for (let i = 0; i < S; i++) if (model.listed[d * S + i]) listedColumns.push(i);
    const mizaj = temperamentLikelihoods(disease.temperaments);
    for (let n = 0; n < perDisease; n++) {
      const c = closeUpward(drawCase(model, d, listedColumns, random), parentsOf);
      if (random() < TEMPERAMENT_RECORDED_RATE) c.temperament = temperaments[pickWeighted(mizaj, random)];
      cases.push(c);
    }
  });
  return cases;
}

/** Converts confirmed cases to columns; a case naming an unknown disease is an error, unknown symptoms are dropped. */
export function encodeConfirmedCases(space: FeatureSpace, confirmed: readonly ConfirmedCase[]): EncodedCase[] {
  const diseaseIndex = new Map(space.diseases.map((code, i) => [code, i]));
  return confirmed.map((c, n) => {
    const d = diseaseIndex.get(c.disease);
    if (d === undefined) {
      throw new Error(`Confirmed case ${n + 1} names disease "${c.disease}", which this knowledge base does not hold`);
    }
    const present: number[] = [];
    const absent: number[] = [];
    for (const f of c.findings) {
      const i = space.symptomIndex.get(f.symptom);
      if (i !== undefined) (f.present ? present : absent).push(i);
    }
    return {
      disease: d,
      present,
      absent,
      temperament: c.context?.temperament,
      ageYears: c.context?.ageYears,
      weight: CONFIRMED_CASE_WEIGHT,
    };
  });
}

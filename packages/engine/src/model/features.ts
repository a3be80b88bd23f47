// The feature space shared by the tree and the network: one column per symptom, then Mizaj one-hot, then age.
import { type Temperament, temperaments } from '@unani/contracts';
import type { EngineKnowledge, Finding, PatientContext } from '../types.ts';

/** Ages are divided by this so the age column sits near [0, 1] like the symptom columns (a century of life). */
export const AGE_SCALE_YEARS = 100;

/** Column values of a symptom: reported present, reported absent, not asked. */
export const PRESENT = 1;
export const ABSENT = -1;
export const UNKNOWN = 0;

export interface FeatureSpace {
  symptoms: string[];
  symptomIndex: Map<string, number>;
  diseases: string[];
  /** First Mizaj column; the four temperaments follow in the order of `temperaments`. */
  temperamentOffset: number;
  ageColumn: number;
  width: number;
}

/** A case in column form: the disease it belongs to and its findings as symptom columns. */
export interface EncodedCase {
  disease: number;
  present: number[];
  absent: number[];
  temperament?: Temperament;
  ageYears?: number;
  /** Training weight: confirmed cases count more than sampled ones. */
  weight: number;
}

/** The column layout for a knowledge base: its symptoms in order, then Mizaj, then age. */
export function featureSpace(knowledge: EngineKnowledge): FeatureSpace {
  const symptoms = knowledge.symptoms.map((s) => s.code);
  const n = symptoms.length;
  return {
    symptoms,
    symptomIndex: new Map(symptoms.map((code, i) => [code, i])),
    diseases: knowledge.diseases.map((d) => d.code),
    temperamentOffset: n,
    ageColumn: n + temperaments.length,
    width: n + temperaments.length + 1,
  };
}

/** Findings the models understand: certain, present or absent, of a known symptom (later mentions win). */
export interface ResolvedFindings {
  present: number[];
  absent: number[];
  uncertainPresent: number[];
  uncertainAbsent: number[];
  /** Symptom codes this knowledge does not hold. */
  unrecognised: string[];
}

/** Sorts findings into present, absent and uncertain columns; unknown symptom codes are listed apart. */
export function resolveFindings(space: FeatureSpace, findings: readonly Finding[]): ResolvedFindings {
  const state = new Map<number, Finding>();
  const unrecognised: string[] = [];
  for (const f of findings) {
    const i = space.symptomIndex.get(f.symptom);
    if (i === undefined) unrecognised.push(f.symptom);
    else state.set(i, f);
  }
  const out: ResolvedFindings = { present: [], absent: [], uncertainPresent: [], uncertainAbsent: [], unrecognised };
  for (const [i, f] of state) {
    if (f.uncertain) (f.present ? out.uncertainPresent : out.uncertainAbsent).push(i);
    else (f.present ? out.present : out.absent).push(i);
  }
  return out;
}

/** Writes one case into `row` (length `space.width`, zero-filled by the caller). */
export function encodeInto(
  space: FeatureSpace,
  row: Float32Array,
  present: readonly number[],
  absent: readonly number[],
  context: PatientContext,
): void {
  for (const i of present) row[i] = PRESENT;
  for (const i of absent) row[i] = ABSENT;
  if (context.temperament) row[space.temperamentOffset + temperaments.indexOf(context.temperament)] = 1;
  if (context.ageYears !== undefined) row[space.ageColumn] = context.ageYears / AGE_SCALE_YEARS;
}

/** Packs cases into one row-major matrix. */
export function encodeCases(space: FeatureSpace, cases: readonly EncodedCase[]): Float32Array {
  const matrix = new Float32Array(cases.length * space.width);
  cases.forEach((c, r) => {
    const row = matrix.subarray(r * space.width, (r + 1) * space.width);
    encodeInto(space, row, c.present, c.absent, { temperament: c.temperament, ageYears: c.ageYears });
  });
  return matrix;
}

// Measures a model on cases generated from its knowledge base with a fixed seed: the same cases for every model of
// that knowledge and none from practitioners, so a retrained model can be compared fairly with the one in use.
import type { EngineKnowledge, Finding, PatientContext } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import { sampleCases } from './cases.ts';
import { diagnose } from './diagnose.ts';
import { featureSpace } from './features.ts';
import { compileKnowledgeModel } from './knowledgeModel.ts';
import { deriveSeed, mulberry32 } from './random.ts';

/** Seed of the evaluation cases; distinct from training seeds, so the cases are not the training draws. */
export const EVALUATION_SEED = 20_261_201;
/** Cases per disease: with ~100 diseases, 3,000 cases put a one-point change in top-1 at about 30 cases. */
export const EVALUATION_CASES_PER_DISEASE = 30;

export interface EvaluationCase {
  disease: string;
  findings: Finding[];
  context: PatientContext;
}

export interface RankAccuracy {
  n: number;
  top1: number;
  top3: number;
}

/** Noisy cases drawn from the knowledge's likelihoods, as training samples them, but from their own seed. */
export function generatedEvaluationCases(
  knowledge: EngineKnowledge,
  perDisease = EVALUATION_CASES_PER_DISEASE,
  seed = EVALUATION_SEED,
): EvaluationCase[] {
  const space = featureSpace(knowledge);
  const names = new Map(knowledge.symptoms.map((s) => [s.code, s.name]));
  const finding = (i: number, present: boolean): Finding => {
    const symptom = space.symptoms[i] as string;
    return { symptom, name: names.get(symptom) ?? symptom, present };
  };
  const drawn = sampleCases(
    knowledge,
    compileKnowledgeModel(knowledge, space),
    perDisease,
    mulberry32(deriveSeed(seed, 'evaluation')),
  );
  return drawn.map((c) => ({
    disease: space.diseases[c.disease] as string,
    findings: [...c.present.map((i) => finding(i, true)), ...c.absent.map((i) => finding(i, false))],
    context: c.temperament ? { temperament: c.temperament } : {},
  }));
}

/** Share of cases whose disease the model ranks first, and within its first three. */
export function rankAccuracy(model: DiagnosisModel, cases: readonly EvaluationCase[]): RankAccuracy {
  let top1 = 0;
  let top3 = 0;
  for (const c of cases) {
    const rank = diagnose(c.findings, c.context, model).entries.findIndex((e) => e.disease.code === c.disease);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
  }
  const n = cases.length;
  return { n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}

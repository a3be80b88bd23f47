// The differential-diagnosis models: knowledge model, decision tree, network, calibrated ensemble, interview, red flags.

export type { DiagnosisModel, ModelArtifact, ModelMetrics } from './artifact.ts';
export { loadModel, MODEL_FORMAT, ModelLoadError, serialiseModel } from './artifact.ts';
export { frequencyRanking, keywordFindings } from './baseline.ts';
export type { ConfirmedCase } from './cases.ts';
export type { Differential, DifferentialEntry, DiseaseRef, FindingContribution, FindingRef } from './diagnose.ts';
export { describeStep, diagnose, FLAT_MARGIN, FLAT_TOP_PROBABILITY, MIN_REPORTED_PROBABILITY } from './diagnose.ts';
export type { EvaluationCase, RankAccuracy } from './evaluation.ts';
export {
  EVALUATION_CASES_PER_DISEASE,
  EVALUATION_SEED,
  generatedEvaluationCases,
  rankAccuracy,
} from './evaluation.ts';
export type { Fit } from './fit.ts';
export { isOutsideKnowledge, OUTSIDE_FIT } from './fit.ts';
export type { NextQuestion } from './interview.ts';
export { nextQuestions } from './interview.ts';
export type { Labelled } from './labels.ts';
export { labelKey, labelMatcher } from './labels.ts';
export type { ReliabilityBin } from './metrics.ts';
export { reliability } from './metrics.ts';
export type { BackendName } from './net/backend.ts';
export { backendNames, selectBackend } from './net/backend.ts';
export type { TrainedModel, TrainingProgress, TrainOptions } from './train.ts';
export { DEFAULT_CASES_PER_DISEASE, trainModel } from './train.ts';

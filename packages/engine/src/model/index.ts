// The differential-diagnosis models: knowledge model, decision tree, network, calibrated ensemble, interview, red flags.
export { diagnose, describeStep, FLAT_MARGIN, FLAT_TOP_PROBABILITY, MIN_REPORTED_PROBABILITY } from './diagnose.ts';
export type { Differential, DifferentialEntry, DiseaseRef, FindingContribution, FindingRef } from './diagnose.ts';
export { nextQuestions } from './interview.ts';
export type { NextQuestion } from './interview.ts';
export { redFlags } from './redFlags.ts';
export type { FiredRedFlag } from './redFlags.ts';
export { trainModel, DEFAULT_CASES_PER_DISEASE } from './train.ts';
export type { TrainOptions, TrainedModel, TrainingProgress } from './train.ts';
export { loadModel, serialiseModel, ModelLoadError, MODEL_FORMAT } from './artifact.ts';
export type { DiagnosisModel, ModelArtifact, ModelMetrics } from './artifact.ts';
export type { ConfirmedCase } from './cases.ts';
export { backendNames, selectBackend } from './net/backend.ts';
export type { BackendName } from './net/backend.ts';
export { labelKey, labelMatcher } from './labels.ts';
export type { Labelled } from './labels.ts';
export { frequencyRanking, keywordFindings } from './baseline.ts';

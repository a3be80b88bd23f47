// Trains the differential model: samples cases, grows the tree, fits the network, calibrates the ensemble on a
// validation split and measures it on a held-out split.
import { temperaments } from '@unani/contracts';
import type { EngineKnowledge } from '../types.ts';
import {
  assembleModel,
  type DiagnosisModel,
  MODEL_FORMAT,
  type ModelArtifact,
  type ModelMetrics,
  serialiseNetwork,
} from './artifact.ts';
import { type ConfirmedCase, encodeConfirmedCases, sampleCases } from './cases.ts';
import { runComponents, sparseRow } from './components.ts';
import { type Calibration, type ComponentLogs, fitCalibration, logFloored, pool } from './ensemble.ts';
import { AGE_SCALE_YEARS, type EncodedCase, encodeCases, featureSpace } from './features.ts';
import { compileKnowledgeModel } from './knowledgeModel.ts';
import { CalibrationTally } from './metrics.ts';
import { type BackendName, selectBackend } from './net/backend.ts';
import { trainNetwork } from './net/network.ts';
import { contentHash, deriveSeed, mulberry32, shuffleInPlace } from './random.ts';
import { type SplitCriterion, trainTree } from './tree/cart.ts';

/** Sampled cases per disease: enough for the tree to see each disease's common combinations several times. */
export const DEFAULT_CASES_PER_DISEASE = 150;
/** Shares of cases held out for calibrating the ensemble and for measuring it (the rest trains the models). */
export const VALIDATION_SHARE = 0.15;
export const TEST_SHARE = 0.15;
/** Validation cases used for the weight/temperature search, bounding its cost (66 weights × ~27 evaluations). */
export const MAX_CALIBRATION_CASES = 1500;

/** Network size and schedule, sized for ~100 diseases × ~300 symptoms in well under a minute on the wasm backend. */
export const HIDDEN_UNITS = [64];
export const EPOCHS = 10;
export const BATCH_SIZE = 128;
/** Adam's usual 1e-3 is too slow for ten epochs; 5e-3 converges on sampled cases without oscillating. */
export const LEARNING_RATE = 0.005;
export const L2_PENALTY = 1e-5;

/**
 * Tree limits. With one-symptom tests and many diseases the tree is deep and thin; on the Kaggle data (41 diseases,
 * sampled cases) entropy with depth 60 and single-case leaves gave 0.90 held-out top-1, Gini at depth 24 only 0.49.
 */
export const TREE_CRITERION: SplitCriterion = 'entropy';
export const TREE_MAX_DEPTH = 60;
export const TREE_MIN_LEAF_WEIGHT = 1;
export const TREE_MIN_IMPURITY_DECREASE = 1e-6;
/** Pseudo-count per disease in a leaf (Jeffreys prior, half a case), so a leaf never rules a disease out. */
export const TREE_LEAF_SMOOTHING = 0.5;

export interface TrainingProgress {
  stage: 'sampling' | 'tree' | 'network' | 'calibration' | 'evaluation' | 'done';
  done: number;
  total: number;
}

export interface TrainOptions {
  seed: number;
  casesPerDisease?: number;
  confirmedCases?: readonly ConfirmedCase[];
  onProgress?: (progress: TrainingProgress) => void;
  /** Force a TensorFlow.js backend (e.g. from the ENGINE_BACKEND setting); chosen automatically otherwise. */
  backend?: BackendName;
  criterion?: SplitCriterion;
  epochs?: number;
  hiddenUnits?: number[];
  /** Clock for the artifact's creation time (tests pass a fixed one). */
  now?: () => Date;
}

export interface TrainedModel {
  model: DiagnosisModel;
  artifact: ModelArtifact;
  metrics: ModelMetrics;
}

function split<T>(items: T[], shares: number[]): T[][] {
  const parts: T[][] = [];
  let start = 0;
  for (const share of shares) {
    const size = Math.round(items.length * share);
    parts.push(items.slice(start, start + size));
    start += size;
  }
  parts.push(items.slice(start));
  return parts;
}

function caseFingerprint(c: EncodedCase): string {
  return `${c.disease}|${c.present.join(',')}|${c.absent.join(',')}|${c.temperament ?? ''}|${c.ageYears ?? ''}|${c.weight}`;
}

/** Trains a model on `knowledge` and returns it with its artifact and held-out metrics. */
export async function trainModel(knowledge: EngineKnowledge, options: TrainOptions): Promise<TrainedModel> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  if (knowledge.diseases.length < 2) throw new Error('Training needs at least two diseases in the knowledge base');
  const casesPerDisease = options.casesPerDisease ?? DEFAULT_CASES_PER_DISEASE;
  const epochs = options.epochs ?? EPOCHS;
  const hiddenUnits = options.hiddenUnits ?? HIDDEN_UNITS;
  const space = featureSpace(knowledge);
  const knowledgeModel = compileKnowledgeModel(knowledge, space);
  const D = space.diseases.length;

  report({ stage: 'sampling', done: 0, total: 1 });
  const sampled = sampleCases(
    knowledge,
    knowledgeModel,
    casesPerDisease,
    mulberry32(deriveSeed(options.seed, 'cases')),
  );
  const confirmed = encodeConfirmedCases(space, options.confirmedCases ?? []);
  const splitRandom = mulberry32(deriveSeed(options.seed, 'split'));
  const shares = [TEST_SHARE, VALIDATION_SHARE];
  const [sTest = [], sValidation = [], sTrain = []] = split(shuffleInPlace(sampled, splitRandom), shares);
  const [cTest = [], cValidation = [], cTrain = []] = split(shuffleInPlace(confirmed, splitRandom), shares);
  const train = [...sTrain, ...cTrain];
  const validation = [...sValidation, ...cValidation].slice(0, MAX_CALIBRATION_CASES);
  const test = [...sTest, ...cTest];
  const trainingDataHash = contentHash(
    [train, validation, test].map((part) => part.map(caseFingerprint).join(';')).join('#'),
  );
  report({ stage: 'sampling', done: 1, total: 1 });

  report({ stage: 'tree', done: 0, total: 1 });
  const labels = Int32Array.from(train, (c) => c.disease);
  const weights = Float32Array.from(train, (c) => c.weight);
  const tree = trainTree(
    train.map((c) => sparseRow(space, c.present, c.absent, { temperament: c.temperament }, false)),
    labels,
    weights,
    D,
    space.width,
    {
      criterion: options.criterion ?? TREE_CRITERION,
      maxDepth: TREE_MAX_DEPTH,
      minLeafWeight: TREE_MIN_LEAF_WEIGHT,
      minImpurityDecrease: TREE_MIN_IMPURITY_DECREASE,
      smoothing: TREE_LEAF_SMOOTHING,
    },
  );
  report({ stage: 'tree', done: 1, total: 1 });

  const { tf, backend } = await selectBackend(options.backend);
  report({ stage: 'network', done: 0, total: epochs });
  const network = await trainNetwork(tf, encodeCases(space, train), space.width, labels, weights, D, {
    hiddenUnits,
    epochs,
    batchSize: BATCH_SIZE,
    learningRate: LEARNING_RATE,
    l2: L2_PENALTY,
    seed: deriveSeed(options.seed, 'network'),
    onEpoch: (epoch) => report({ stage: 'network', done: epoch, total: epochs }),
  });

  const parts = { space, knowledgeModel, tree, network };
  const componentLogs = (cases: EncodedCase[]): ComponentLogs => {
    const logs: ComponentLogs = {
      knowledge: new Float64Array(cases.length * D),
      tree: new Float64Array(cases.length * D),
      network: new Float64Array(cases.length * D),
    };
    cases.forEach((c, r) => {
      const out = runComponents(parts, c, { temperament: c.temperament, ageYears: c.ageYears });
      logFloored(out.knowledge, logs.knowledge, r * D);
      logFloored(out.tree, logs.tree, r * D);
      logFloored(out.network, logs.network, r * D);
    });
    return logs;
  };

  report({ stage: 'calibration', done: 0, total: 1 });
  const fitted = fitCalibration(
    componentLogs(validation),
    Int32Array.from(validation, (c) => c.disease),
    D,
  );
  const calibration: Calibration = { weights: fitted.weights, temperature: fitted.temperature };
  report({ stage: 'calibration', done: 1, total: 1 });

  report({ stage: 'evaluation', done: 0, total: 1 });
  const testLogs = componentLogs(test);
  const calibrated = new CalibrationTally();
  const uncalibrated = new CalibrationTally();
  const single = { knowledge: new CalibrationTally(), tree: new CalibrationTally(), network: new CalibrationTally() };
  const p = new Float64Array(D);
  test.forEach((c, r) => {
    calibrated.add(pool(testLogs, r, D, calibration, p), c.disease);
    uncalibrated.add(pool(testLogs, r, D, { ...calibration, temperature: 1 }, p), c.disease);
    for (const name of ['knowledge', 'tree', 'network'] as const) {
      single[name].add(testLogs[name].subarray(r * D, (r + 1) * D), c.disease);
    }
  });
  const result = calibrated.result();
  const metrics: ModelMetrics = {
    ...result,
    eceUncalibrated: uncalibrated.result().ece,
    componentTop1: {
      knowledge: single.knowledge.result().top1,
      tree: single.tree.result().top1,
      network: single.network.result().top1,
    },
    trainMs: Math.round(performance.now() - started),
  };
  report({ stage: 'evaluation', done: 1, total: 1 });

  const artifact: ModelArtifact = {
    format: MODEL_FORMAT,
    version: `${MODEL_FORMAT.split('/')[1]}-${knowledge.hash.slice(0, 8)}-${trainingDataHash.slice(0, 8)}`,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    knowledgeHash: knowledge.hash,
    trainingDataHash,
    backend,
    features: { symptoms: space.symptoms, temperaments: [...temperaments], ageScaleYears: AGE_SCALE_YEARS },
    diseases: space.diseases,
    tree,
    network: serialiseNetwork(network),
    ensemble: calibration,
    metrics,
    training: {
      seed: options.seed,
      casesPerDisease,
      confirmedCases: confirmed.length,
      trainingCases: train.length,
      epochs,
      hiddenUnits,
    },
  };
  report({ stage: 'done', done: 1, total: 1 });
  return { model: { ...assembleModel(artifact, knowledge), network }, artifact, metrics };
}

// A trained model as a versioned JSON artifact, and loading it back against the knowledge it was trained on.
import { temperaments } from '@unani/contracts';
import type { EngineKnowledge } from '../types.ts';
import type { Calibration } from './ensemble.ts';
import { type FeatureSpace, featureSpace } from './features.ts';
import { compileKnowledgeModel, type KnowledgeModel } from './knowledgeModel.ts';
import type { BackendName } from './net/backend.ts';
import type { Network } from './net/network.ts';
import type { DecisionTree } from './tree/cart.ts';

/** Bumped whenever the artifact layout or the meaning of a field changes; older artifacts are refused. */
// Format 2: trained on cases closed under the symptom hierarchy (a format-1 model is retrained on load).
export const MODEL_FORMAT = 'unani-cdss-differential/2';

export interface ModelMetrics {
  /** Held-out sampled (and confirmed) cases the metrics were computed on. */
  n: number;
  top1: number;
  top3: number;
  top5: number;
  logLoss: number;
  /** Expected calibration error of the calibrated ensemble. */
  ece: number;
  /** ECE of the same pooled output before temperature scaling (temperature 1). */
  eceUncalibrated: number;
  /** Top-1 of each component alone, to see what the ensemble adds. */
  componentTop1: { knowledge: number; tree: number; network: number };
  trainMs: number;
}

export interface SerialisedLayer {
  inputs: number;
  units: number;
  activation: 'relu' | 'softmax';
  /** Float32 little-endian, base64. */
  kernel: string;
  bias: string;
}

export interface ModelArtifact {
  format: typeof MODEL_FORMAT;
  /** Identifies this model in suggestions kept for audit. */
  version: string;
  createdAt: string;
  knowledgeHash: string;
  trainingDataHash: string;
  backend: BackendName;
  features: { symptoms: string[]; temperaments: string[]; ageScaleYears: number };
  diseases: string[];
  tree: DecisionTree;
  network: { layers: SerialisedLayer[] };
  ensemble: Calibration;
  metrics: ModelMetrics;
  training: {
    seed: number;
    casesPerDisease: number;
    confirmedCases: number;
    trainingCases: number;
    epochs: number;
    hiddenUnits: number[];
  };
}

/** A model ready to diagnose: the artifact and the tables compiled from its knowledge. */
export interface DiagnosisModel {
  artifact: ModelArtifact;
  knowledge: EngineKnowledge;
  space: FeatureSpace;
  knowledgeModel: KnowledgeModel;
  network: Network;
}

/** Raised when a model does not fit the knowledge or is not a model artifact at all. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string): Float32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** The network's layers with their weights as base64 float32, for the artifact. */
export function serialiseNetwork(network: Network): ModelArtifact['network'] {
  return {
    layers: network.layers.map((l) => ({
      inputs: l.inputs,
      units: l.units,
      activation: l.activation,
      kernel: toBase64(l.kernel),
      bias: toBase64(l.bias),
    })),
  };
}

/** Builds the in-memory model from an artifact and the knowledge it was trained on (no hash check). */
export function assembleModel(artifact: ModelArtifact, knowledge: EngineKnowledge): DiagnosisModel {
  const space = featureSpace(knowledge);
  return {
    artifact,
    knowledge,
    space,
    knowledgeModel: compileKnowledgeModel(knowledge, space),
    network: {
      layers: artifact.network.layers.map((l) => ({
        inputs: l.inputs,
        units: l.units,
        activation: l.activation,
        kernel: fromBase64(l.kernel),
        bias: fromBase64(l.bias),
      })),
    },
  };
}

/** The artifact as JSON text, ready to be written by the caller. */
export function serialiseModel(model: DiagnosisModel | ModelArtifact): string {
  return JSON.stringify('artifact' in model ? model.artifact : model);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Loads an artifact (JSON text or parsed) for `knowledge`. Refuses a model trained on other knowledge, naming
 * both hashes, because its columns and classes would no longer mean the same findings and diseases.
 */
export function loadModel(json: string | ModelArtifact, knowledge: EngineKnowledge): DiagnosisModel {
  let artifact: ModelArtifact;
  try {
    artifact = typeof json === 'string' ? (JSON.parse(json) as ModelArtifact) : json;
  } catch (error) {
    throw new ModelLoadError(`Model file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (artifact?.format !== MODEL_FORMAT) {
    throw new ModelLoadError(
      `Not a model of format ${MODEL_FORMAT} (found ${String(artifact?.format)}); retrain with "cdss train"`,
    );
  }
  if (artifact.knowledgeHash !== knowledge.hash) {
    throw new ModelLoadError(
      `Model ${artifact.version} was trained on knowledge ${artifact.knowledgeHash}, but the loaded knowledge is ` +
        `${knowledge.hash}; retrain with "cdss train" on the current knowledge`,
    );
  }
  const model = assembleModel(artifact, knowledge);
  if (
    !sameList(artifact.features.symptoms, model.space.symptoms) ||
    !sameList(artifact.diseases, model.space.diseases) ||
    !sameList(artifact.features.temperaments, temperaments)
  ) {
    throw new ModelLoadError(
      `Model ${artifact.version} lists other symptoms or diseases than knowledge ${knowledge.hash}`,
    );
  }
  return model;
}

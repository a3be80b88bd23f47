// Trained models on disk. The command line keeps one file per knowledge hash (loaded, or trained when missing);
// the training worker writes a candidate to its own file and, once the gate accepts it, renames it to the
// version's file (`model-<version>.json`), which ModelVersion.artifactPath names.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BackendName,
  type ConfirmedCase,
  type DiagnosisModel,
  type EngineKnowledge,
  loadModel,
  ModelLoadError,
  serialiseModel,
  type TrainingProgress,
  trainModel,
} from '@unani/engine';

/** Seed of the model trained on demand. */
export const DEFAULT_SEED = 1;

export function modelFile(dir: string, knowledge: EngineKnowledge): string {
  return join(dir, `model-${knowledge.hash.slice(0, 16)}.json`);
}

/** The file of an activated model version; the version names its knowledge and training data. */
export function versionFile(dir: string, version: string): string {
  return join(dir, `model-${version}.json`);
}

export interface TrainToFileOptions {
  seed?: number;
  backend?: BackendName;
  onProgress?: (p: TrainingProgress) => void;
  /** Diagnoses practitioners confirmed, weighted higher than sampled cases. */
  confirmedCases?: readonly ConfirmedCase[];
  /** Where to write the artifact; the knowledge hash's file in `dir` when omitted. */
  file?: string;
  /** Smaller training budgets (tests); the defaults of trainModel otherwise. */
  casesPerDisease?: number;
  epochs?: number;
}

/** Trains on `knowledge` and writes the artifact to `options.file` or the knowledge hash's file in `dir`. */
export async function trainToFile(knowledge: EngineKnowledge, dir: string, options: TrainToFileOptions = {}) {
  const trained = await trainModel(knowledge, {
    seed: options.seed ?? DEFAULT_SEED,
    backend: options.backend,
    onProgress: options.onProgress,
    confirmedCases: options.confirmedCases,
    ...(options.casesPerDisease ? { casesPerDisease: options.casesPerDisease } : {}),
    ...(options.epochs ? { epochs: options.epochs } : {}),
  });
  mkdirSync(dir, { recursive: true });
  const file = options.file ?? modelFile(dir, knowledge);
  // Write then rename, so a replica reading the directory never sees half a file.
  writeFileSync(`${file}.tmp`, serialiseModel(trained.artifact));
  renameSync(`${file}.tmp`, file);
  return { ...trained, file };
}

export interface CurrentModel {
  model: DiagnosisModel;
  file: string;
  trained: boolean;
}

/** The stored model for this knowledge, or a newly trained one when none matches its hash. */
export async function currentModel(
  knowledge: EngineKnowledge,
  dir: string,
  options: TrainToFileOptions & { log?: (line: string) => void } = {},
): Promise<CurrentModel> {
  const file = modelFile(dir, knowledge);
  if (existsSync(file)) {
    try {
      return { model: loadModel(readFileSync(file, 'utf8'), knowledge), file, trained: false };
    } catch (error) {
      if (!(error instanceof ModelLoadError)) throw error;
      options.log?.(`${error.message}; training a new model`);
    }
  }
  options.log?.(`No trained model for knowledge ${knowledge.hash.slice(0, 16)} in ${dir}; training one…`);
  const trained = await trainToFile(knowledge, dir, options);
  return { model: trained.model, file: trained.file, trained: true };
}

// Retraining from the admin page: the knowledge base plus every diagnosis practitioners confirmed
// (weighted higher), in this process, with progress to poll. The new model replaces the engine when done.
// With several replicas, each picks the new model file up at its next start.
import type { BackendName, EngineKnowledge } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { confirmedCases, registerModelVersion } from '../services/modelVersionService.ts';
import { type ClinicalEngine, createClinicalEngine } from './clinicalEngine.ts';
import { trainToFile } from './modelStore.ts';

export interface TrainingState {
  status: 'idle' | 'training' | 'done' | 'failed';
  stage?: string;
  done?: number;
  total?: number;
  startedAt?: string;
  finishedAt?: string;
  confirmedCases?: number;
  version?: string;
  error?: string;
}

export interface Retrainer {
  state(): TrainingState;
  /** Starts training unless one runs already; resolves at once. */
  start(): TrainingState;
}

export function createRetrainer(options: {
  db: Db;
  knowledge: EngineKnowledge;
  modelDir: string;
  backend?: BackendName;
  onTrained: (engine: ClinicalEngine) => void;
}): Retrainer {
  let state: TrainingState = { status: 'idle' };
  const run = async () => {
    const cases = await confirmedCases(options.db);
    state = { ...state, confirmedCases: cases.length };
    const trained = await trainToFile(options.knowledge, options.modelDir, {
      backend: options.backend,
      confirmedCases: cases,
      onProgress: (p) => {
        state = { ...state, stage: p.stage, done: p.done, total: p.total };
      },
    });
    await registerModelVersion(options.db, trained.model, trained.file);
    options.onTrained(createClinicalEngine(trained.model));
    state = { ...state, status: 'done', finishedAt: new Date().toISOString(), version: trained.model.artifact.version };
  };
  return {
    state: () => state,
    start() {
      if (state.status === 'training') return state;
      state = { status: 'training', startedAt: new Date().toISOString() };
      run().catch((error: unknown) => {
        state = {
          ...state,
          status: 'failed',
          finishedAt: new Date().toISOString(),
          error: error instanceof Error ? error.message : String(error),
        };
      });
      return state;
    },
  };
}

// Retraining from the admin page: the knowledge base plus every diagnosis practitioners confirmed
// (weighted higher), in this process, with progress to poll. The new model replaces the engine when done.
// With several replicas, each picks the new model file up at its next start.
import type { BackendName, ConfirmedCase, EngineKnowledge } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { type ClinicalEngine, createClinicalEngine } from './clinicalEngine.ts';
import { registerModelVersion } from './loadEngine.ts';
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

/** Confirmed diagnoses with their findings and patient context, as training cases. */
export async function confirmedCases(db: Db): Promise<ConfirmedCase[]> {
  const rows = await db.diagnosis.findMany({
    select: {
      disease: { select: { code: true } },
      encounter: {
        select: {
          temperament: true,
          patient: { select: { age: true, sex: true, temperament: true } },
          findings: { select: { present: true, symptom: { select: { code: true } } } },
        },
      },
    },
  });
  return rows
    .filter((r) => r.encounter.findings.length > 0)
    .map((r) => {
      const temperament = r.encounter.temperament ?? r.encounter.patient.temperament;
      return {
        disease: r.disease.code,
        findings: r.encounter.findings.map((f) => ({ symptom: f.symptom.code, present: f.present })),
        context: {
          ageYears: r.encounter.patient.age,
          sex: r.encounter.patient.sex,
          ...(temperament ? { temperament } : {}),
        },
      };
    });
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

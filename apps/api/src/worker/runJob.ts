// One training job: train a candidate to its own file with the capped confirmed diagnoses, measure it and the active
// model on the evaluation set, then activate it (rename into place, mark current) or reject it with both figures.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BackendName,
  type ConfirmedCase,
  type DiagnosisModel,
  type EngineKnowledge,
  EVALUATION_CASES_PER_DISEASE,
  EVALUATION_SEED,
  generatedEvaluationCases,
  loadModel,
  rankAccuracy,
} from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { trainToFile, versionFile } from '../modelRuntime/modelStore.ts';
import { activeModelVersion, confirmedCases, registerModelVersion } from '../services/modelVersionService.ts';
import { type ClaimedJob, finishJob, type JobOutcome, reportProgress } from '../services/trainingJobService.ts';
import { GATE_TOLERANCE, type GateEvaluation, passesGate, rejectionMessage } from './activationGate.ts';
import { progressWriter } from './progressWriter.ts';

export interface JobDeps {
  db: Db;
  knowledge: EngineKnowledge;
  modelDir: string;
  backend?: BackendName;
  log: (line: string) => void;
  /** Smaller training budgets (tests); the engine's defaults otherwise. */
  training?: { casesPerDisease?: number; epochs?: number };
  /** The confirmed diagnoses to learn from; the capped ones in the database by default. */
  cases?: (db: Db) => Promise<ConfirmedCase[]>;
  leaseMs?: number;
}

const EVALUATION_SET = `generated from the knowledge base: ${EVALUATION_CASES_PER_DISEASE} cases per disease, seed ${EVALUATION_SEED}`;

/** The active model for this knowledge, or null when none is active, it was trained on other knowledge, or unreadable. */
async function activeModel(deps: JobDeps): Promise<DiagnosisModel | null> {
  const row = await activeModelVersion(deps.db);
  if (!row || row.knowledgeHash !== deps.knowledge.hash) return null;
  try {
    return loadModel(readFileSync(row.artifactPath, 'utf8'), deps.knowledge);
  } catch (error) {
    deps.log(`The active model ${row.version} could not be read (${String(error)}); the candidate is not compared.`);
    return null;
  }
}

/** Runs a claimed job to its end and records the outcome on the row. */
export async function runJob(deps: JobDeps, claim: ClaimedJob): Promise<JobOutcome> {
  const candidateFile = join(deps.modelDir, `candidate-${claim.job.id}.json`);
  const progress = progressWriter(deps.db, claim, deps.leaseMs);
  let outcome: JobOutcome;
  try {
    const known = new Set(deps.knowledge.diseases.map((d) => d.code));
    // A disease kept in the database after it left the knowledge files cannot be a training label.
    const cases = (await (deps.cases ?? confirmedCases)(deps.db)).filter((c) => known.has(c.disease));
    await reportProgress(
      deps.db,
      claim,
      { confirmedCases: cases.length, stage: 'sampling', done: 0, total: 1 },
      deps.leaseMs,
    );
    const trained = await trainToFile(deps.knowledge, deps.modelDir, {
      file: candidateFile,
      backend: deps.backend,
      confirmedCases: cases,
      ...deps.training,
      onProgress: (p) => progress.update(p),
    });
    const evaluationCases = generatedEvaluationCases(deps.knowledge);
    progress.update({ stage: 'gate', done: 0, total: 2 });
    const candidate = { version: trained.artifact.version, ...rankAccuracy(trained.model, evaluationCases) };
    progress.update({ stage: 'gate', done: 1, total: 2 });
    const currentModel = await activeModel(deps);
    const current = currentModel
      ? { version: currentModel.artifact.version, ...rankAccuracy(currentModel, evaluationCases) }
      : null;
    progress.update({ stage: 'gate', done: 2, total: 2 });
    const accepted = passesGate(candidate, current);
    const evaluation: GateEvaluation = {
      evaluationSet: EVALUATION_SET,
      tolerance: GATE_TOLERANCE,
      candidate,
      current,
      accepted,
    };
    if (!(await progress.flush())) throw new Error('The job is no longer this worker’s (its lease expired).');
    if (accepted) {
      const file = versionFile(deps.modelDir, trained.artifact.version);
      renameSync(candidateFile, file);
      const modelVersionId = await registerModelVersion(deps.db, trained.model, file);
      outcome = { status: 'done', evaluation, modelVersionId };
      deps.log(
        `Activated model ${candidate.version}: top-1 ${candidate.top1.toFixed(3)}, top-3 ${candidate.top3.toFixed(3)}.`,
      );
    } else {
      outcome = { status: 'rejected', evaluation, error: rejectionMessage(evaluation) };
      deps.log(outcome.error ?? '');
    }
    progress.update({ stage: 'done', done: 1, total: 1 });
  } catch (error) {
    outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    deps.log(`Training job ${claim.job.id} failed: ${outcome.error}`);
  } finally {
    if (existsSync(candidateFile)) rmSync(candidateFile, { force: true });
  }
  await progress.flush();
  await finishJob(deps.db, claim, outcome);
  return outcome;
}

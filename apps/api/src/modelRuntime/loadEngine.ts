// Loads the engine for the server: the model matching the knowledge (trained when missing, with a
// progress bar), the text parser, and the model's record in ModelVersion for audit.
import type { BackendName, DiagnosisModel, EngineKnowledge } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { type ClinicalEngine, createClinicalEngine } from './clinicalEngine.ts';
import { currentModel } from './modelStore.ts';
import { trainingProgressBar } from './progressBar.ts';

/** Records the model in ModelVersion and marks it as the current one. */
export async function registerModelVersion(db: Db, model: DiagnosisModel, artifactPath: string): Promise<void> {
  const a = model.artifact;
  const data = {
    knowledgeHash: a.knowledgeHash,
    trainingDataHash: a.trainingDataHash,
    backend: a.backend,
    metrics: { ...a.metrics },
    artifactPath,
  };
  await db.$transaction(async (tx) => {
    await tx.modelVersion.upsert({
      where: { version: a.version },
      create: { version: a.version, ...data, current: true },
      update: { ...data, current: true },
    });
    await tx.modelVersion.updateMany({
      where: { version: { not: a.version }, current: true },
      data: { current: false },
    });
  });
}

export async function loadEngine(
  db: Db,
  knowledge: EngineKnowledge,
  options: { modelDir: string; backend?: BackendName; log: (line: string) => void },
): Promise<ClinicalEngine> {
  const progress = trainingProgressBar();
  const { model, file, trained } = await currentModel(knowledge, options.modelDir, {
    backend: options.backend,
    onProgress: (p) => {
      progress.update(p);
      if (p.stage === 'done') progress.stop();
    },
    log: options.log,
  }).finally(progress.stop);
  if (trained) {
    const m = model.artifact.metrics;
    options.log(
      `Trained model ${model.artifact.version} (${model.artifact.backend}): top-1 ${m.top1.toFixed(3)}, top-3 ${m.top3.toFixed(3)} on held-out cases.`,
    );
  }
  await registerModelVersion(db, model, file);
  return createClinicalEngine(model);
}

// Loads the engine for the server: the model matching the knowledge (trained when missing, with a
// progress bar), the text parser, and the model's record in ModelVersion for audit (services/modelVersionService.ts).
import type { BackendName, EngineKnowledge } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { registerModelVersion } from '../services/modelVersionService.ts';
import { type ClinicalEngine, createClinicalEngine } from './clinicalEngine.ts';
import { currentModel } from './modelStore.ts';
import { trainingProgressBar } from './progressBar.ts';

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

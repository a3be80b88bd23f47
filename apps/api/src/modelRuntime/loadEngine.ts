// Loads the engine for the server from the active ModelVersion's file, never by training: training is the worker's
// (`cdss worker`). A model file for the knowledge left by `cdss train` or an earlier version is taken up and recorded
// when no version for this knowledge is active.
import { existsSync, readFileSync } from 'node:fs';
import { type EngineKnowledge, loadModel } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { activeModelVersion, registerModelVersion } from '../services/modelVersionService.ts';
import { type ClinicalEngine, createClinicalEngine } from './clinicalEngine.ts';
import { modelFile } from './modelStore.ts';

/** The engine of the active model for this knowledge; undefined when none exists yet (a training job must make one). */
export async function loadEngine(
  db: Db,
  knowledge: EngineKnowledge,
  options: { modelDir: string; log: (line: string) => void },
): Promise<ClinicalEngine | undefined> {
  const row = await activeModelVersion(db);
  if (row && row.knowledgeHash === knowledge.hash) {
    try {
      return createClinicalEngine(loadModel(readFileSync(row.artifactPath, 'utf8'), knowledge));
    } catch (error) {
      options.log(`The active model ${row.version} could not be loaded from ${row.artifactPath}: ${String(error)}`);
    }
  }
  const file = modelFile(options.modelDir, knowledge);
  if (!existsSync(file)) return undefined;
  try {
    const model = loadModel(readFileSync(file, 'utf8'), knowledge);
    await registerModelVersion(db, model, file);
    return createClinicalEngine(model);
  } catch (error) {
    options.log(`${file} could not be loaded: ${String(error)}`);
    return undefined;
  }
}

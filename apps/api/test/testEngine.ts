// The product's engine (model and text parser) trained on the minimal fixture knowledge base (or a test's edited copy
// of it): small and fast.
import { trainModel } from '@unani/engine';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { type ClinicalEngine, createClinicalEngine } from '../src/modelRuntime/clinicalEngine.ts';

/** How much the test engine trains; a test on the whole knowledge base may ask for less to start in time. */
export interface TestTraining {
  casesPerDisease: number;
  epochs: number;
}

export async function createTestEngine(
  knowledgeDir = minimalKnowledgeDir,
  training: TestTraining = { casesPerDisease: 60, epochs: 5 },
): Promise<ClinicalEngine> {
  const knowledge = toEngineKnowledge(loadKnowledgeDir(knowledgeDir));
  const trained = await trainModel(knowledge, { seed: 7, ...training, backend: 'cpu' });
  return createClinicalEngine(trained.model);
}

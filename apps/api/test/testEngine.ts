// The product's engine (model and text parser) trained on the minimal fixture knowledge base (or a test's edited copy
// of it): small and fast.
import { trainModel } from '@unani/engine';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { type ClinicalEngine, createClinicalEngine } from '../src/modelRuntime/clinicalEngine.ts';

export async function createTestEngine(knowledgeDir = minimalKnowledgeDir): Promise<ClinicalEngine> {
  const knowledge = toEngineKnowledge(loadKnowledgeDir(knowledgeDir));
  const trained = await trainModel(knowledge, { seed: 7, casesPerDisease: 60, epochs: 5, backend: 'cpu' });
  return createClinicalEngine(trained.model);
}

// A real engine trained on the minimal fixture knowledge base (small and fast), shared by a test file.
import { keywordFindings, trainModel } from '@unani/engine';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { type ClinicalEngine, createClinicalEngine } from '../src/engine/clinicalEngine.ts';

export async function createTestEngine(): Promise<ClinicalEngine> {
  const knowledge = toEngineKnowledge(loadKnowledgeDir(minimalKnowledgeDir));
  const trained = await trainModel(knowledge, { seed: 7, casesPerDisease: 60, epochs: 5, backend: 'cpu' });
  return createClinicalEngine(trained.model, (text) => keywordFindings(text, knowledge));
}

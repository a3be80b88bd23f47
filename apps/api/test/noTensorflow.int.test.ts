import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { trainToFile } from '../src/modelRuntime/modelStore.ts';
import { registerModelVersion } from '../src/services/modelVersionService.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const modelDir = mkdtempSync(join(tmpdir(), 'cdss-models-'));

beforeAll(async () => {
  t = await createTestDb();
  const knowledge = toEngineKnowledge(loadKnowledgeDir(minimalKnowledgeDir));
  const trained = await trainToFile(knowledge, modelDir, { seed: 3, casesPerDisease: 20, epochs: 2, backend: 'cpu' });
  await registerModelVersion(t.db, trained.model, trained.file);
}, 60_000);
afterAll(() => t.close());

function serveModel(...flags: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'moduleGraph/serveModel.ts'),
      minimalKnowledgeDir,
      modelDir,
      ...flags,
    ],
    { cwd: join(import.meta.dirname, '..'), env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`serveModel exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
}

describe('the API process', () => {
  it('serves the active model without ever loading TensorFlow.js', () => {
    const result = serveModel();
    expect(result.modelVersion).toMatch(/^2-/);
    expect(result.ready).toBe(200);
    expect(result.top).toEqual(expect.any(String));
    expect(result.modules).toBeGreaterThan(100);
    expect(result.tensorflow).toEqual([]);
  }, 60_000);

  it('would be caught loading it: training in the same process shows TensorFlow.js', () => {
    expect(serveModel('--train').tensorflow.length).toBeGreaterThan(0);
  }, 60_000);
});

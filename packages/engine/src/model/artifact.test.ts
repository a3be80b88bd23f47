import { describe, expect, it } from 'vitest';
import { loadModel, ModelLoadError, serialiseModel } from './artifact.ts';
import { diagnose } from './diagnose.ts';
import { createKnowledge, findings } from './testing/knowledgeFixture.ts';
import { trainModel } from './train.ts';

const knowledge = createKnowledge();
const fixedClock = () => new Date('2026-01-01T00:00:00Z');
const train = (seed: number) =>
  trainModel(knowledge, { seed, casesPerDisease: 40, epochs: 3, backend: 'cpu', now: fixedClock });

describe('model artifact', () => {
  it('is identical when trained twice with the same seed', async () => {
    const [a, b] = [await train(42), await train(42)];
    // Everything but the wall-clock training time.
    const timeless = (t: typeof a) => serialiseModel({ ...t.artifact, metrics: { ...t.artifact.metrics, trainMs: 0 } });
    expect(timeless(a) === timeless(b)).toBe(true);
    const c = await train(43);
    expect(c.artifact.trainingDataHash).not.toBe(a.artifact.trainingDataHash);
  });

  it('records what it was trained on, with metrics', async () => {
    const { artifact } = await train(1);
    expect(artifact).toMatchObject({
      knowledgeHash: 'fixture-v1',
      backend: 'cpu',
      createdAt: '2026-01-01T00:00:00.000Z',
      diseases: ['zukam', 'nazla', 'suda', 'humma'],
      training: { seed: 1, casesPerDisease: 40, epochs: 3 },
    });
    expect(artifact.version).toMatch(/^2-fixture-/);
    expect(artifact.metrics.top1).toBeGreaterThan(0.5);
    expect(artifact.metrics.ece).toBeGreaterThanOrEqual(0);
    const weights = artifact.ensemble.weights;
    expect(weights.knowledge + weights.tree + weights.network).toBeCloseTo(1);
  });

  it('loads back and diagnoses exactly as before', async () => {
    const { model } = await train(1);
    const loaded = loadModel(serialiseModel(model), knowledge);
    const f = findings('sneezing', '-fever', 'headache');
    expect(diagnose(f, { temperament: 'balghami' }, loaded)).toEqual(diagnose(f, { temperament: 'balghami' }, model));
  });

  it('refuses a model trained on other knowledge, naming both hashes', async () => {
    const { artifact } = await train(1);
    const changed = createKnowledge({ hash: 'fixture-v2' });
    expect(() => loadModel(serialiseModel(artifact), changed)).toThrow(ModelLoadError);
    expect(() => loadModel(serialiseModel(artifact), changed)).toThrow(/fixture-v1.*fixture-v2/);
  });

  it('refuses text that is not a model', () => {
    expect(() => loadModel('{"format":"other"}', knowledge)).toThrow(/Not a model of format/);
    expect(() => loadModel('not json', knowledge)).toThrow(/not valid JSON/);
  });
});

// End to end on the public Kaggle data: knowledge from dataset.csv, confirmed cases from Training.csv,
// measured on the 41 cases of Testing.csv.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnose, trainModel } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { distinctCases, kaggleCode, kaggleDatasetToKnowledge, parseKaggleBinary } from './kaggleCsv.ts';

const dir = fileURLToPath(new URL('../../../../data/external/kaggle-disease-symptom/', import.meta.url));
const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8');

describe('Kaggle disease–symptom data', () => {
  it('ranks the right disease first on at least 98% of Testing.csv', async () => {
    const knowledge = kaggleDatasetToKnowledge(read('dataset.csv'));
    expect(knowledge.diseases).toHaveLength(41);
    expect(knowledge.symptoms).toHaveLength(131);
    const training = distinctCases(parseKaggleBinary(read('Training.csv')));
    const { model, metrics } = await trainModel(knowledge, {
      seed: 7,
      confirmedCases: training.map((c) => ({
        disease: kaggleCode(c.label),
        findings: c.symptoms.map((symptom) => ({ symptom, present: true })),
      })),
    });
    const testing = parseKaggleBinary(read('Testing.csv'));
    expect(testing).toHaveLength(41);
    let top1 = 0;
    for (const c of testing) {
      const findings = c.symptoms.map((symptom) => ({ symptom, name: symptom, present: true }));
      if (diagnose(findings, {}, model).entries[0]?.disease.code === kaggleCode(c.label)) top1++;
    }
    expect(top1 / testing.length).toBeGreaterThanOrEqual(0.98);
    // Held-out sampled cases carry noise (unreported and stray findings), so they are harder than Testing.csv.
    expect(metrics.top3).toBeGreaterThanOrEqual(0.95);
    expect(metrics.ece).toBeLessThan(0.05);
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { repoRoot } from '../src/config/paths.ts';
import { cdssArgs } from './productionBundle.ts';

// `cdss evaluate` on free text as a researcher runs it: the compiled command, a model trained on the small test
// knowledge base in a throwaway folder, and its one JSON line.
const dir = mkdtempSync(join(tmpdir(), 'cdss-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cdss evaluate --text', () => {
  it('prints accuracy with the calibration error and a reliability table of the top answers', () => {
    const cases = join(dir, 'cases.csv');
    writeFileSync(
      cases,
      [
        'label,text',
        'shaqeeqa,"one-sided throbbing headache with nausea, light hurts"',
        'zukam,"runny nose and sneezing since yesterday"',
        'zukam,"sneezing, blocked nose, mild fever"',
      ].join('\n'),
    );
    const run = spawnSync(
      process.execPath,
      cdssArgs('evaluate', '--knowledge', minimalKnowledgeDir, '--cases', cases, '--text'),
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, MODEL_DIR: join(dir, 'models'), ENGINE_BACKEND: 'cpu' },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(result.n).toBe(3);
    expect(result.top1).toBeGreaterThanOrEqual(0);
    expect(result.ece).toBeGreaterThanOrEqual(0);
    expect(result.ece).toBeLessThanOrEqual(1);
    const bins = result.reliability as Array<{
      from: number;
      to: number;
      n: number;
      confidence: number;
      accuracy: number;
    }>;
    expect(bins.reduce((sum, b) => sum + b.n, 0)).toBe(3);
    for (const b of bins) {
      expect(b.confidence).toBeGreaterThanOrEqual(b.from);
      expect(b.confidence).toBeLessThanOrEqual(b.to);
      expect(b.accuracy).toBeGreaterThanOrEqual(0);
      expect(b.accuracy).toBeLessThanOrEqual(1);
    }
    // The error is the bins' gaps weighed by their share of the cases.
    const weighed = bins.reduce((sum, b) => sum + (b.n / 3) * Math.abs(b.accuracy - b.confidence), 0);
    expect(result.ece).toBeCloseTo(weighed, 10);
  }, 120_000);
});

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

/** `cdss evaluate` on the small test knowledge base, its model trained into the throwaway folder. */
const evaluate = (...args: string[]) =>
  spawnSync(process.execPath, cdssArgs('evaluate', '--knowledge', minimalKnowledgeDir, ...args), {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, MODEL_DIR: join(dir, 'models'), ENGINE_BACKEND: 'cpu' },
  });

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
    const run = evaluate('--cases', cases, '--text');
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

  it('analyses each case as the product analyses a note, with the temperature it states', () => {
    const cases = join(dir, 'temperature.csv');
    // Labelled with a disease the answer will not rank first, so the case is listed with its findings.
    writeFileSync(cases, ['label,text', 'shaqeeqa,"temp 39.5 C since last night, body aches"'].join('\n'));
    const run = evaluate('--cases', cases, '--text', '--misses');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(result.misses).toHaveLength(1);
    // 39.5 °C is a high fever, although no word of the text names one.
    expect(result.misses[0].findings).toContain('high-fever');
  }, 120_000);
});

describe('cdss evaluate --parser', () => {
  it('prints recall of present and denied findings and of durations, and each miss when asked', () => {
    const snippets = join(dir, 'snippets.csv');
    writeFileSync(
      snippets,
      [
        '"id","text","present","absent","durations","style"',
        '"s1","bukhar 3 din se, sar dard nahi","fever","headache","fever=3 d","roman-urdu"',
        '"s2","a headache since this morning","headache fever","","","lay-english"',
      ].join('\n'),
    );
    const run = (...extra: string[]) => evaluate('--parser', snippets, ...extra);
    const plain = run();
    expect(plain.status, plain.stderr).toBe(0);
    const result = JSON.parse(plain.stdout.trim().split('\n').at(-1) as string);
    expect(result).toMatchObject({
      n: 2,
      present: { expected: 3, found: 2 },
      negated: { expected: 1, found: 1, recall: 1 },
      negatedReadAsPresent: 0,
      durations: { expected: 1, found: 1 },
    });
    expect(result.misses).toBeUndefined();
    const detailed = JSON.parse(run('--misses').stdout.trim().split('\n').at(-1) as string);
    expect(detailed.misses).toEqual([expect.objectContaining({ id: 's2', missedPresent: ['fever'] })]);
  }, 60_000);

  it('refuses a snippet labelled with a code the knowledge does not hold', () => {
    const snippets = join(dir, 'unknown.csv');
    writeFileSync(snippets, '"id","text","present","absent"\n"s1","fever","no-such-code",""\n');
    const run = evaluate('--parser', snippets);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/no-such-code/);
  }, 60_000);
});

describe('cdss evaluate --splits', () => {
  it('counts a disease split off the label since the set was written as right', () => {
    const cases = join(dir, 'split-cases.csv');
    writeFileSync(cases, ['label,text', 'shaqeeqa,"runny nose and sneezing since yesterday, blocked nose"'].join('\n'));
    const splits = join(dir, 'splits.csv');
    writeFileSync(splits, ['label,alsoRight', 'shaqeeqa,zukam'].join('\n'));
    const top1 = (...args: string[]) => {
      const run = evaluate('--cases', cases, '--text', ...args);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout.trim().split('\n').at(-1) as string).top1;
    };
    expect(top1()).toBe(0);
    expect(top1('--splits', splits)).toBe(1);
  }, 120_000);
});

describe('cdss evaluate --cases --misses', () => {
  it('lists each case not answered first: its line, the expected disease, the top answers and the findings read', () => {
    const cases = join(dir, 'missed-cases.csv');
    writeFileSync(cases, ['label,text', 'shaqeeqa,"runny nose and sneezing since yesterday, no fever"'].join('\n'));
    const run = evaluate('--cases', cases, '--text', '--misses');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(result.misses).toEqual([
      {
        line: 2,
        expected: 'shaqeeqa',
        answered: expect.arrayContaining(['zukam']),
        findings: expect.arrayContaining(['runny-nose', 'sneezing', 'no fever']),
      },
    ]);
  }, 120_000);
});

describe('cdss evaluate --outside', () => {
  it('prints the share of complaints answered as outside the knowledge base, by difficulty', () => {
    const cases = join(dir, 'outside.csv');
    writeFileSync(
      cases,
      [
        '"id","text","condition","nearest_in_base","difficulty"',
        '"o1","my knees click on the stairs and the skin of both shins is dry and cracking for months","dry skin","","clear"',
        '"o2","one sided throbbing headache with nausea, light hurts","migraine-like","shaqeeqa","near"',
      ].join('\n'),
    );
    const run = evaluate('--outside', cases);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(result).toEqual({
      n: 2,
      outsideKnowledge: 0.5,
      byDifficulty: { clear: { n: 1, outsideKnowledge: 1 }, near: { n: 1, outsideKnowledge: 0 } },
    });
  }, 120_000);

  it('measures the conditions the base now covers as cases of their disease, apart from the outside share', () => {
    const cases = join(dir, 'outside-covered.csv');
    writeFileSync(
      cases,
      [
        'id,text,condition,nearest_in_base,difficulty',
        'o1,"my knees click on the stairs and the skin of both shins is dry and cracking for months",dry skin,,clear',
        'o2,"runny nose and sneezing since yesterday, blocked nose",head cold,zukam,near',
      ].join('\n'),
    );
    const covered = join(dir, 'covered.csv');
    writeFileSync(covered, ['condition,disease', 'head cold,zukam'].join('\n'));
    const run = evaluate('--outside', cases, '--covered', covered);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(result).toEqual({
      n: 1,
      outsideKnowledge: 1,
      byDifficulty: { clear: { n: 1, outsideKnowledge: 1 } },
      nowCovered: { n: 1, top1: 1, top3: 1, outsideKnowledge: 0 },
    });

    writeFileSync(covered, ['condition,disease', 'head cold,not-a-disease'].join('\n'));
    const wrong = evaluate('--outside', cases, '--covered', covered);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('names no disease of the base: not-a-disease');
  }, 120_000);
});

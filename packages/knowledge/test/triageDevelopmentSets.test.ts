// The safety net on the blind development sets of data/evaluation: what was reached there may not be lost by a
// later change to the rules, the lexicon or the context reader. The test half (triage-test.csv) is only measured
// by `cdss evaluate --triage`, never checked here, so it stays an honest estimate.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessSafety, buildLexicon, mergeContext, readNote, triageMetrics } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { parseTriageCases } from '../src/importers/triageCases.ts';
import { projectEngineKnowledge } from './projectKnowledge.ts';

const dataDir = (path: string) => fileURLToPath(new URL(`../../../data/${path}`, import.meta.url));

/** Floors a little under what each set reached (2026-12-01, the eighth and ninth on 2026-12-02): [emergency, urgent-or-higher] sensitivity. */
const FLOORS: ReadonlyArray<readonly [string, number, number]> = [
  ['triage-dev.csv', 1, 1],
  ['triage-dev2.csv', 1, 0.98],
  ['triage-dev3.csv', 0.99, 0.98],
  ['triage-dev4.csv', 0.98, 0.95],
  ['triage-dev5.csv', 0.97, 0.93],
  ['triage-dev6.csv', 1, 0.98],
  ['triage-dev7.csv', 0.98, 0.97],
  ['triage-dev8.csv', 0.99, 0.98],
  ['triage-dev9.csv', 0.99, 0.99],
];

describe('triage on the development sets', () => {
  const knowledge = projectEngineKnowledge();
  const lexicon = buildLexicon(knowledge);

  it.each(FLOORS)('%s keeps emergencies and urgent notes from being under-triaged', (file, emergency, urgent) => {
    const cases = parseTriageCases(readFileSync(dataDir(`evaluation/${file}`), 'utf8'));
    const outcomes = cases.map((c) => {
      const note = readNote(c.text, lexicon);
      const { triage } = assessSafety(note.findings, mergeContext(c.context, note.context), knowledge);
      return { id: c.id, expected: c.expected, got: triage.level };
    });
    const metrics = triageMetrics(outcomes);
    expect(metrics.emergencySensitivity).toBeGreaterThanOrEqual(emergency);
    expect(metrics.urgentOrHigherSensitivity).toBeGreaterThanOrEqual(urgent);
    expect(metrics.selfcareWithoutEmergency).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { parserMetrics, type SnippetOutcome } from './parserMetrics.ts';

const ancestry = new Map([
  ['throbbing-headache', ['headache']],
  ['high-fever', ['fever']],
]);
const found = (symptom: string, present = true, durationDays?: number): Finding => ({
  symptom,
  name: symptom,
  present,
  ...(durationDays === undefined ? {} : { durationDays }),
});
const snippet = (over: Partial<SnippetOutcome>): SnippetOutcome => ({
  id: 's',
  expectedPresent: [],
  expectedAbsent: [],
  expectedDurations: {},
  found: [],
  ...over,
});

describe('parserMetrics', () => {
  it('counts a more specific finding for the general one, never the other way round', () => {
    const { metrics, misses } = parserMetrics(
      [
        snippet({ id: 'a', expectedPresent: ['headache'], found: [found('throbbing-headache')] }),
        snippet({ id: 'b', expectedPresent: ['high-fever'], found: [found('fever')] }),
      ],
      ancestry,
    );
    expect(metrics.present).toEqual({ expected: 2, found: 1, recall: 0.5 });
    expect(misses.map((m) => [m.id, m.missedPresent])).toEqual([
      ['a', []],
      ['b', ['high-fever']],
    ]);
    // Claiming more than the words say still costs precision.
    expect(misses[0]?.unsupported).toEqual(['throbbing-headache']);
  });

  it('lets a denied general finding deny the specific one, and counts a denial read as present', () => {
    const { metrics } = parserMetrics(
      [
        snippet({ id: 'a', expectedAbsent: ['throbbing-headache'], found: [found('headache', false)] }),
        snippet({ id: 'b', expectedAbsent: ['fever'], found: [found('high-fever')] }),
      ],
      ancestry,
    );
    expect(metrics.negated).toEqual({ expected: 2, found: 1, recall: 0.5 });
    expect(metrics.negatedReadAsPresent).toBe(1);
    expect(metrics.presentPrecision).toBe(0);
  });

  it('checks a duration on the finding it belongs to, within 10 %', () => {
    const { metrics, misses } = parserMetrics(
      [
        snippet({
          id: 'a',
          expectedPresent: ['headache', 'fever'],
          expectedDurations: { headache: 3, fever: 1 / 24 },
          found: [found('headache', true, 3.2), found('fever', true, 3)],
        }),
      ],
      ancestry,
    );
    expect(metrics.durations).toEqual({ expected: 2, found: 1, recall: 0.5 });
    expect(misses[0]?.wrongDurations).toEqual(['fever']);
  });

  it('takes a duration from either mention of a complaint said twice', () => {
    const twice = (second: Finding) =>
      parserMetrics(
        [
          snippet({
            expectedPresent: ['headache'],
            expectedDurations: { headache: 21 },
            found: [found('headache'), second],
          }),
        ],
        ancestry,
      ).metrics.durations.found;
    expect(twice(found('throbbing-headache', true, 21))).toBe(1);
    expect(twice(found('headache', true, 7))).toBe(0);
    // A denial's duration is no duration of the complaint.
    expect(twice(found('headache', false, 21))).toBe(0);
  });
});

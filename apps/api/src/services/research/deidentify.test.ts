import { MIN_REPORTED_COUNT, type ResearchCase } from '@unani/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePseudonym } from '../researchService.ts';
import { ageBand, type CaseRecord, releaseCases } from './deidentify.ts';
import { matches, type ResearchFilter, statisticsOf } from './statistics.ts';

const pseudonymise = casePseudonym('a test secret of at least thirty-two characters');
const DISEASES = ['zukam', 'shaqeeqa', 'nazla'];
const CODES = ['fever', 'headache', 'nausea', 'sneezing', 'cough', 'photophobia'];
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];

const caseArb = fc.record({
  month: fc.constantFrom(...MONTHS),
  day: fc.integer({ min: 1, max: 28 }),
  age: fc.integer({ min: 0, max: 105 }),
  sex: fc.constantFrom('female', 'male', 'other'),
  temperament: fc.constantFrom(null, 'damvi', 'balghami', 'safravi', 'saudavi'),
  present: fc.subarray(CODES, { maxLength: 3 }),
  absent: fc.subarray(CODES, { maxLength: 2 }),
  diagnosis: fc.constantFrom(...DISEASES),
  engineTop: fc.constantFrom(null, ...DISEASES),
  engineTop3: fc.subarray(DISEASES),
});

type Profile = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Case sets skewed towards look-alikes (few distinct profiles, repeated), so that groups do form. */
const casesArb = fc
  .tuple(fc.array(caseArb, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 150 }))
  .map(([profiles, picks]): CaseRecord[] =>
    picks.map((pick, i) => {
      const p = profiles[pick % profiles.length] as Profile;
      return {
        visitId: `visit-${i}`,
        diagnosedAt: new Date(`${p.month}-${String(p.day).padStart(2, '0')}T10:00:00Z`),
        age: p.age + (i % 3),
        sex: p.sex as CaseRecord['sex'],
        temperament: p.temperament as CaseRecord['temperament'],
        presentFindings: p.present,
        absentFindings: p.absent.filter((c) => !p.present.includes(c)),
        diagnosis: p.diagnosis,
        engineTop: p.engineTop,
        engineTop3: p.engineTop3,
      };
    }),
  );

/** Every filter the API accepts over these months and diseases (and none at all). */
const filters: ResearchFilter[] = [];
for (const from of [undefined, ...MONTHS])
  for (const to of [undefined, ...MONTHS])
    for (const disease of [undefined, ...DISEASES, 'unknown'])
      filters.push({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(disease ? { disease } : {}) });

const withoutId = ({ caseId: _caseId, ...rest }: ResearchCase) => JSON.stringify(rest);

function countsOf(cases: ResearchCase[]): (number | null)[] {
  const stats = statisticsOf(cases);
  return [
    stats.cases,
    stats.agreement.n,
    ...stats.diseaseByMonth.map((r) => r.count),
    ...stats.symptomPairs.map((r) => r.count),
  ];
}

describe('research release (property)', () => {
  it('releases no count under 5 and no record with fewer than 4 identical others, for every filter', () => {
    fc.assert(
      fc.property(casesArb, (records) => {
        const released = releaseCases(records, pseudonymise);
        for (const filter of filters) {
          const selected = released.filter((c) => matches(c, filter));
          for (const count of countsOf(selected)) if (count !== null) expect(count).toBeGreaterThanOrEqual(5);
          const copies = new Map<string, number>();
          for (const c of selected) copies.set(withoutId(c), (copies.get(withoutId(c)) ?? 0) + 1);
          for (const c of selected) expect(copies.get(withoutId(c))).toBeGreaterThanOrEqual(MIN_REPORTED_COUNT);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers two nested filters with record counts that differ by 0 or at least 5', () => {
    fc.assert(
      fc.property(casesArb, (records) => {
        const released = releaseCases(records, pseudonymise);
        const size = (f: ResearchFilter) => released.filter((c) => matches(c, f)).length;
        for (const disease of [undefined, ...DISEASES])
          for (const [i, from] of MONTHS.entries())
            for (const to of MONTHS.slice(i)) {
              const narrow = size({ from, to, ...(disease ? { disease } : {}) });
              const wide = size(disease ? { disease } : {});
              const difference = wide - narrow;
              expect(difference === 0 || difference >= MIN_REPORTED_COUNT).toBe(true);
            }
      }),
      { numRuns: 60 },
    );
  });
});

function sameCase(overrides: Partial<CaseRecord> = {}, i = 0): CaseRecord {
  return {
    visitId: `v${i}`,
    diagnosedAt: new Date('2026-02-10T09:00:00Z'),
    age: 32,
    sex: 'female',
    temperament: null,
    presentFindings: ['headache', 'nausea'],
    absentFindings: [],
    diagnosis: 'shaqeeqa',
    engineTop: 'shaqeeqa',
    engineTop3: ['shaqeeqa'],
    ...overrides,
    ...(overrides.visitId ? {} : { visitId: `v${i}` }),
  };
}
const many = (n: number, overrides: Partial<CaseRecord> = {}, offset = 0) =>
  Array.from({ length: n }, (_, i) => sameCase(overrides, offset + i));

describe('research release', () => {
  it('bands ages by five years up to an open 90+ band', () => {
    expect([ageBand(0), ageBand(34), ageBand(35), ageBand(89), ageBand(90), ageBand(104)]).toEqual([
      '0-4',
      '30-34',
      '35-39',
      '85-89',
      '90+',
      '90+',
    ]);
  });

  it('releases five look-alike cases by month and withholds four', () => {
    expect(releaseCases(many(5), pseudonymise).map((c) => c.month)).toEqual(Array(5).fill('2026-02'));
    expect(releaseCases(many(4), pseudonymise)).toEqual([]);
  });

  it('widens a month to its quarter when that makes a group of five', () => {
    const cases = [...many(3), ...many(2, { diagnosedAt: new Date('2026-03-02T00:00:00Z') }, 3)];
    expect(releaseCases(cases, pseudonymise).map((c) => c.month)).toEqual(Array(5).fill('2026-Q1'));
  });

  it('keeps only what a group shares when whole records differ, and drops findings seen fewer than 5 times', () => {
    const cases = [
      ...many(3),
      sameCase({ presentFindings: ['headache', 'nausea', 'photophobia'], engineTop: 'zukam' }, 3),
      sameCase({ presentFindings: ['headache'] }, 4),
    ];
    const released = releaseCases(cases, pseudonymise);
    expect(released).toHaveLength(5);
    for (const c of released)
      expect(c).toMatchObject({
        month: '2026-Q1',
        presentFindings: ['headache'],
        engineTop: null,
        engineTop3: ['shaqeeqa'],
      });
  });

  it('keys case ids with the secret, so a visit id alone cannot reproduce them', () => {
    const one = releaseCases(many(5), casePseudonym('x'.repeat(32)));
    const other = releaseCases(many(5), casePseudonym('y'.repeat(32)));
    expect(one.map((c) => c.caseId).sort()).not.toEqual(other.map((c) => c.caseId).sort());
    expect(new Set(one.map((c) => c.caseId)).size).toBe(5);
  });
});

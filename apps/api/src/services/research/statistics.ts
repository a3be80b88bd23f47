// Filters and statistics over released research records only. A filter selects whole groups of identical
// records, so every count, and every difference between two counts, is zero or at least MIN_REPORTED_COUNT.
import { MIN_REPORTED_COUNT, type ResearchCase, type ResearchStatistics } from '@unani/contracts';

export interface ResearchFilter {
  from?: string;
  to?: string;
  disease?: string;
}

/** The first and last month (YYYY-MM) of a released period, a month or a quarter. */
export function monthsOf(period: string): [string, string] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return [period, period];
  const first = (Number(quarter[2]) - 1) * 3 + 1;
  const mm = (m: number) => String(m).padStart(2, '0');
  return [`${quarter[1]}-${mm(first)}`, `${quarter[1]}-${mm(first + 2)}`];
}

/** A record matches when its whole period lies in the range and its diagnosis is the one asked for. */
export function matches(c: ResearchCase, filter: ResearchFilter): boolean {
  const [first, last] = monthsOf(c.month);
  return (
    (!filter.from || first >= filter.from) &&
    (!filter.to || last <= filter.to) &&
    (!filter.disease || c.diagnosis === filter.disease)
  );
}

/** Counts under the minimum (zero included) are released as null. */
export const reported = (count: number) =>
  count < MIN_REPORTED_COUNT ? { count: null, suppressed: true } : { count, suppressed: false };

function tally(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Disease frequency by period, symptom co-occurrence and engine agreement over the given released records. */
export function statisticsOf(cases: ResearchCase[]): ResearchStatistics {
  const byPeriod = new Map<string, number>();
  const pairs = new Map<string, number>();
  let top1 = 0;
  let top3 = 0;
  let withSuggestion = 0;
  for (const c of cases) {
    tally(byPeriod, JSON.stringify([c.diagnosis, c.month]));
    const present = c.presentFindings;
    for (let i = 0; i < present.length; i++)
      for (let j = i + 1; j < present.length; j++) tally(pairs, JSON.stringify([present[i], present[j]]));
    if (c.engineTop !== null) {
      withSuggestion++;
      if (c.engineTop === c.diagnosis) top1++;
      if (c.engineTop3.includes(c.diagnosis)) top3++;
    }
  }
  const enough = withSuggestion >= MIN_REPORTED_COUNT;
  return {
    cases: reported(cases.length).count,
    diseaseByMonth: [...byPeriod]
      .map(([key, count]) => {
        const [disease, month] = JSON.parse(key) as [string, string];
        return { disease, month, ...reported(count) };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || a.disease.localeCompare(b.disease)),
    symptomPairs: [...pairs]
      .map(([key, count]) => {
        const [a, b] = JSON.parse(key) as [string, string];
        return { a, b, ...reported(count) };
      })
      .sort((x, y) => (y.count ?? 0) - (x.count ?? 0) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    agreement: {
      n: reported(withSuggestion).count,
      top1: enough ? top1 / withSuggestion : null,
      top3: enough ? top3 / withSuggestion : null,
    },
    minReportedCount: MIN_REPORTED_COUNT,
    names: {},
  };
}

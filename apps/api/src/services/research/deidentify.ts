// Turns confirmed cases into k-anonymous research records: every released record is identical to at least
// MIN_REPORTED_COUNT - 1 others in everything but its pseudonym; records that cannot be grouped are withheld.
import {
  AGE_BAND_YEARS,
  MIN_REPORTED_COUNT,
  type ResearchCase,
  type Sex,
  type Temperament,
  TOP_AGE_BAND_FROM,
} from '@unani/contracts';

/** One confirmed case as read from the database, before anything is generalised. */
export interface CaseRecord {
  visitId: string;
  diagnosedAt: Date;
  age: number;
  sex: Sex;
  temperament: Temperament | null;
  presentFindings: string[];
  absentFindings: string[];
  diagnosis: string;
  engineTop: string | null;
  engineTop3: string[];
}

/** A record as released, before its pseudonym is attached. */
export type ReleasedCase = Omit<ResearchCase, 'caseId'>;

/** Keys a pseudonym to the visit and to what is released of it (so differing releases of one visit do not link). */
export type Pseudonymise = (visitId: string, released: ReleasedCase) => string;

const K = MIN_REPORTED_COUNT;

export function ageBand(age: number): string {
  if (age >= TOP_AGE_BAND_FROM) return `${TOP_AGE_BAND_FROM}+`;
  const start = Math.floor(age / AGE_BAND_YEARS) * AGE_BAND_YEARS;
  return `${start}-${start + AGE_BAND_YEARS - 1}`;
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** A finding seen in fewer than K cases could single one out, so it is dropped from every record. */
function withoutRareFindings(records: CaseRecord[]): CaseRecord[] {
  const seen = new Map<string, number>();
  const tally = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const r of records) {
    for (const code of new Set(r.presentFindings)) tally(`+${code}`);
    for (const code of new Set(r.absentFindings)) tally(`-${code}`);
  }
  const common = (sign: string) => (code: string) => (seen.get(`${sign}${code}`) ?? 0) >= K;
  return records.map((r) => ({
    ...r,
    presentFindings: [...new Set(r.presentFindings.filter(common('+')))].sort(),
    absentFindings: [...new Set(r.absentFindings.filter(common('-')))].sort(),
  }));
}

function released(r: CaseRecord, period: (d: Date) => string): ReleasedCase {
  return {
    month: period(r.diagnosedAt),
    ageBand: ageBand(r.age),
    sex: r.sex,
    temperament: r.temperament,
    presentFindings: r.presentFindings,
    absentFindings: r.absentFindings,
    diagnosis: r.diagnosis,
    engineTop: r.engineTop,
    engineTop3: r.engineTop3,
  };
}

const identifying = (c: ReleasedCase) => JSON.stringify([c.month, c.ageBand, c.sex, c.temperament, c.diagnosis]);
const whole = (c: ReleasedCase) =>
  JSON.stringify([identifying(c), c.presentFindings, c.absentFindings, c.engineTop, c.engineTop3]);

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** What every member of a group shares: findings all of them had, the engine's answer if it was the same. */
function shared(group: ReleasedCase[]): ReleasedCase {
  const [first, ...rest] = group as [ReleasedCase, ...ReleasedCase[]];
  const inAll = (pick: (c: ReleasedCase) => string[]) =>
    pick(first).filter((code) => rest.every((c) => pick(c).includes(code)));
  const same = <T>(pick: (c: ReleasedCase) => T) =>
    rest.every((c) => JSON.stringify(pick(c)) === JSON.stringify(pick(first)));
  return {
    ...first,
    presentFindings: inAll((c) => c.presentFindings),
    absentFindings: inAll((c) => c.absentFindings),
    engineTop: same((c) => c.engineTop) ? first.engineTop : null,
    engineTop3: same((c) => c.engineTop3) ? first.engineTop3 : [],
  };
}

type Pending = { visitId: string; record: CaseRecord };

/**
 * The k-anonymous release of a set of cases, generalised step by step: whole records by month, then by quarter,
 * then by quarter keeping only what each group shares. A record in no group of K is withheld. Records are
 * ordered by what is released and then by pseudonym, never by visit, so their order reveals nothing either.
 */
export function releaseCases(records: CaseRecord[], pseudonymise: Pseudonymise): ResearchCase[] {
  const out: ResearchCase[] = [];
  const emit = (visitId: string, c: ReleasedCase) => out.push({ caseId: pseudonymise(visitId, c), ...c });
  let pending: Pending[] = withoutRareFindings(records).map((record) => ({ visitId: record.visitId, record }));
  for (const period of [monthOf, quarterOf]) {
    const next: Pending[] = [];
    for (const group of groupBy(pending, (p) => whole(released(p.record, period)))) {
      if (group.length >= K) for (const p of group) emit(p.visitId, released(p.record, period));
      else next.push(...group);
    }
    pending = next;
  }
  for (const group of groupBy(pending, (p) => identifying(released(p.record, quarterOf)))) {
    if (group.length < K) continue;
    const common = shared(group.map((p) => released(p.record, quarterOf)));
    for (const p of group) emit(p.visitId, common);
  }
  const sortKey = (c: ResearchCase) => `${whole(c)}\0${c.caseId}`;
  return out
    .map((c) => [sortKey(c), c] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

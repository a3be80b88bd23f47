// De-identified cases and statistics for research: visits with a confirmed diagnosis only, stripped of
// names, contacts, free text and exact dates; small aggregate cells suppressed.
import { createHash } from 'node:crypto';
import { AGE_BAND_YEARS, MIN_REPORTED_COUNT, type ResearchCase, type ResearchStatistics } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';

export interface ResearchFilter {
  from?: string;
  to?: string;
  disease?: string;
}

/** Rows read per batch while streaming, so memory stays flat whatever the number of cases. */
export const RESEARCH_BATCH = 500;

export function ageBand(age: number): string {
  const start = Math.floor(age / AGE_BAND_YEARS) * AGE_BAND_YEARS;
  return `${start}-${start + AGE_BAND_YEARS - 1}`;
}

const month = (d: Date) => d.toISOString().slice(0, 7);
const pseudonym = (encounterId: string) =>
  createHash('sha256').update(`unani-cdss-case:${encounterId}`).digest('hex').slice(0, 16);

function monthRange(filter: ResearchFilter) {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = new Date(`${filter.from}-01T00:00:00Z`);
  if (filter.to) {
    const [y, m] = filter.to.split('-').map(Number) as [number, number];
    range.lt = new Date(Date.UTC(y, m, 1));
  }
  return range;
}

const caseSelect = {
  id: true,
  temperament: true,
  patient: { select: { age: true, sex: true, temperament: true } },
  findings: { select: { present: true, symptom: { select: { code: true } } } },
  diagnosis: { select: { createdAt: true, disease: { select: { code: true } } } },
  suggestions: { orderBy: { createdAt: 'desc' }, take: 1, select: { differential: true } },
} as const;

type CaseRow = {
  id: string;
  temperament: ResearchCase['temperament'];
  patient: { age: number; sex: ResearchCase['sex']; temperament: ResearchCase['temperament'] };
  findings: { present: boolean; symptom: { code: string } }[];
  diagnosis: { createdAt: Date; disease: { code: string } } | null;
  suggestions: { differential: unknown }[];
};

function toCase(row: CaseRow): ResearchCase {
  const ranked = ((row.suggestions[0]?.differential ?? []) as { disease: { code: string } }[]).map(
    (d) => d.disease.code,
  );
  return {
    caseId: pseudonym(row.id),
    month: month(row.diagnosis?.createdAt ?? new Date(0)),
    ageBand: ageBand(row.patient.age),
    sex: row.patient.sex,
    temperament: row.temperament ?? row.patient.temperament,
    presentFindings: row.findings
      .filter((f) => f.present)
      .map((f) => f.symptom.code)
      .sort(),
    absentFindings: row.findings
      .filter((f) => !f.present)
      .map((f) => f.symptom.code)
      .sort(),
    diagnosis: row.diagnosis?.disease.code ?? '',
    engineTop: ranked[0] ?? null,
    engineTop3: ranked.slice(0, 3),
  };
}

function caseWhere(filter: ResearchFilter) {
  return {
    diagnosis: {
      is: { createdAt: monthRange(filter), ...(filter.disease ? { disease: { code: filter.disease } } : {}) },
    },
  };
}

/** De-identified cases in batches (for pages and for streaming export). */
export async function* researchCases(db: DbTx, filter: ResearchFilter): AsyncGenerator<ResearchCase[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.encounter.findMany({
      where: caseWhere(filter),
      orderBy: { id: 'asc' },
      select: caseSelect,
      take: RESEARCH_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map(toCase);
    cursor = rows.at(-1)?.id;
    if (rows.length < RESEARCH_BATCH) return;
  }
}

const suppress = (count: number) =>
  count < MIN_REPORTED_COUNT ? { count: null, suppressed: true } : { count, suppressed: false };

/** Disease frequency by month, symptom co-occurrence and engine agreement over confirmed cases. */
export async function researchStatistics(db: DbTx, filter: ResearchFilter): Promise<ResearchStatistics> {
  const byMonth = new Map<string, number>();
  const pairs = new Map<string, number>();
  let cases = 0;
  let top1 = 0;
  let top3 = 0;
  let withSuggestion = 0;
  for await (const batch of researchCases(db, filter)) {
    for (const c of batch) {
      cases++;
      const key = `${c.diagnosis}|${c.month}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + 1);
      const present = c.presentFindings;
      for (let i = 0; i < present.length; i++)
        for (let j = i + 1; j < present.length; j++) {
          const pair = `${present[i]}|${present[j]}`;
          pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        }
      if (c.engineTop !== null) {
        withSuggestion++;
        if (c.engineTop === c.diagnosis) top1++;
        if (c.engineTop3.includes(c.diagnosis)) top3++;
      }
    }
  }
  return {
    cases,
    diseaseByMonth: [...byMonth]
      .map(([key, count]) => {
        const [disease = '', m = ''] = key.split('|');
        return { disease, month: m, ...suppress(count) };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || a.disease.localeCompare(b.disease)),
    symptomPairs: [...pairs]
      .map(([key, count]) => {
        const [a = '', b = ''] = key.split('|');
        return { a, b, ...suppress(count) };
      })
      .sort((x, y) => (y.count ?? 0) - (x.count ?? 0) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    agreement: {
      n: withSuggestion,
      // Rates over fewer than MIN_REPORTED_COUNT cases would describe individuals.
      top1: withSuggestion >= MIN_REPORTED_COUNT ? top1 / withSuggestion : null,
      top3: withSuggestion >= MIN_REPORTED_COUNT ? top3 / withSuggestion : null,
    },
    minReportedCount: MIN_REPORTED_COUNT,
  };
}

const CSV_COLUMNS = [
  'caseId',
  'month',
  'ageBand',
  'sex',
  'temperament',
  'presentFindings',
  'absentFindings',
  'diagnosis',
  'engineTop',
  'engineTop3',
] as const;

function csvCell(value: string): string {
  // Quote every cell; a leading formula character is neutralised so spreadsheets do not execute it.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** CSV lines of the de-identified cases, header first, produced batch by batch. */
export async function* researchCsv(db: DbTx, filter: ResearchFilter): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  for await (const batch of researchCases(db, filter)) {
    yield batch
      .map((c) =>
        CSV_COLUMNS.map((col) => {
          const v = c[col];
          return csvCell(Array.isArray(v) ? v.join(';') : (v ?? ''));
        }).join(','),
      )
      .join('\n')
      .concat('\n');
  }
}

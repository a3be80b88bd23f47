// Research data from the clinic's confirmed cases: read (deleted patients left out), released k-anonymously
// (research/deidentify.ts), then filtered and counted (research/statistics.ts). No names, contacts, free text,
// exact dates or visit ids ever leave this module.
import { createHmac } from 'node:crypto';
import type { ResearchCase, ResearchStatistics } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';
import { type CaseRecord, type ReleasedCase, releaseCases } from './research/deidentify.ts';
import { matches, type ResearchFilter, statisticsOf } from './research/statistics.ts';

export type { ResearchFilter } from './research/statistics.ts';

/** Rows read per batch, so each query stays small whatever the number of cases. */
export const RESEARCH_BATCH = 500;
/** Length of a case pseudonym in hex digits (64 bits). */
const CASE_ID_HEX = 16;

const caseSelect = {
  id: true,
  temperament: true,
  patient: { select: { age: true, sex: true, temperament: true } },
  findings: { select: { present: true, symptom: { select: { code: true } } } },
  diagnosis: { select: { createdAt: true, disease: { select: { code: true } } } },
  suggestions: { orderBy: { createdAt: 'desc' }, take: 1, select: { differential: true } },
} as const;

/** Every confirmed case of a patient who has not been deleted, read in batches. */
async function confirmedCases(db: DbTx): Promise<CaseRecord[]> {
  const records: CaseRecord[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.encounter.findMany({
      where: { diagnosis: { isNot: null }, patient: { deletedAt: null } },
      orderBy: { id: 'asc' },
      select: caseSelect,
      take: RESEARCH_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) {
      if (!row.diagnosis) continue;
      const ranked = ((row.suggestions[0]?.differential ?? []) as { disease: { code: string } }[]).map(
        (d) => d.disease.code,
      );
      records.push({
        visitId: row.id,
        diagnosedAt: row.diagnosis.createdAt,
        age: row.patient.age,
        sex: row.patient.sex,
        temperament: row.temperament ?? row.patient.temperament,
        presentFindings: row.findings.filter((f) => f.present).map((f) => f.symptom.code),
        absentFindings: row.findings.filter((f) => !f.present).map((f) => f.symptom.code),
        diagnosis: row.diagnosis.disease.code,
        engineTop: ranked[0] ?? null,
        engineTop3: ranked.slice(0, 3),
      });
    }
    cursor = rows.at(-1)?.id;
    if (rows.length < RESEARCH_BATCH) return records;
  }
}

/** An HMAC under the server's research secret: without the secret no one can tie a case id to a visit id. */
export function casePseudonym(secret: string) {
  return (visitId: string, released: ReleasedCase) =>
    createHmac('sha256', secret)
      .update(`unani-cdss-case\0${visitId}\0${JSON.stringify(released)}`)
      .digest('hex')
      .slice(0, CASE_ID_HEX);
}

/**
 * The released records matching a filter. The whole clinic is released first and filtered after, so every
 * filter answers with whole groups of one release and no two answers can be subtracted to isolate anyone.
 */
export async function researchCases(db: DbTx, secret: string, filter: ResearchFilter): Promise<ResearchCase[]> {
  const all = releaseCases(await confirmedCases(db), casePseudonym(secret));
  return all.filter((c) => matches(c, filter));
}

export async function researchStatistics(
  db: DbTx,
  secret: string,
  filter: ResearchFilter,
): Promise<ResearchStatistics> {
  const stats = statisticsOf(await researchCases(db, secret, filter));
  return { ...stats, names: await namesOf(db, stats) };
}

/** Names of the diseases and findings the figures name: knowledge-base names, no patient data. */
async function namesOf(db: DbTx, stats: ResearchStatistics): Promise<Record<string, string>> {
  const diseases = [...new Set(stats.diseaseByMonth.map((r) => r.disease))];
  const findings = [...new Set(stats.symptomPairs.flatMap((p) => [p.a, p.b]))];
  const [d, f] = await Promise.all([
    db.disease.findMany({ where: { code: { in: diseases } }, select: { code: true, englishName: true, name: true } }),
    db.symptom.findMany({ where: { code: { in: findings } }, select: { code: true, name: true } }),
  ]);
  return Object.fromEntries([
    ...d.map((x) => [x.code, `${x.name} (${x.englishName})`] as const),
    ...f.map((x) => [x.code, x.name] as const),
  ]);
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

/** CSV lines of the released records, header first, sent in batches. */
export async function* researchCsv(db: DbTx, secret: string, filter: ResearchFilter): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  const cases = await researchCases(db, secret, filter);
  for (let i = 0; i < cases.length; i += RESEARCH_BATCH) {
    yield cases
      .slice(i, i + RESEARCH_BATCH)
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

// The in-memory name index behind knowledge search. Synonyms live in JSON columns that SQL cannot match
// well, and the knowledge base is clinic-sized (a few hundred rows per kind), so each kind is held in
// memory with its names normalised like the loader's (`normaliseName`: case, accents, spaces and
// punctuation ignored), sorted by name.
//
// Freshness: the index is rebuilt when `COUNT(*)` or `MAX(updatedAt)` of the four tables changes, checked
// at most every few seconds. An `invalidate()` called by the seeder would miss `cdss db seed` run in
// another process while the server is up, so the server looks at the tables instead.
import type { DiseaseSummary, FormulationSummary, SingleDrugSummary, SymptomSummary } from '@unani/contracts';
import { DosageForm, OrganSystem, SymptomKind } from '@unani/contracts';
import { normaliseName } from '@unani/knowledge';
import type { DbTx } from '../db/prisma.ts';
import { jsonStrings, jsonTemperaments } from './knowledgeService.ts';

/** How long a checked index is trusted before the tables are asked whether they changed. */
export const INDEX_RECHECK_MS = 5_000;

export interface Entry<V> {
  code: string;
  name: string;
  /** Every name and synonym, normalised. */
  keys: string[];
  detail: string;
  item: V;
}

export interface KnowledgeIndex {
  version: string;
  diseases: Entry<DiseaseSummary>[];
  symptoms: Entry<SymptomSummary>[];
  singleDrugs: Entry<SingleDrugSummary>[];
  formulations: Entry<FormulationSummary>[];
}

function entry<V extends { code: string; name: string }>(
  item: V,
  names: (string | null | undefined)[],
  detail: (string | null | undefined)[],
): Entry<V> {
  const keys = [...new Set([item.code, ...names].filter((n): n is string => Boolean(n)).map(normaliseName))];
  return {
    code: item.code,
    name: item.name,
    keys: keys.filter(Boolean),
    detail: detail.filter(Boolean).join(' · '),
    item,
  };
}

const byName = <V>(a: Entry<V>, b: Entry<V>) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.code.localeCompare(b.code);

/** A fingerprint of the indexed tables: any insert, update or delete changes it. */
async function tablesVersion(db: DbTx): Promise<string> {
  const stats = { _count: { _all: true }, _max: { updatedAt: true } } as const;
  const parts = await Promise.all([
    db.disease.aggregate(stats),
    db.symptom.aggregate(stats),
    db.singleDrug.aggregate(stats),
    db.formulation.aggregate(stats),
  ]);
  return parts.map((p) => `${p._count._all}@${p._max.updatedAt?.getTime() ?? 0}`).join('|');
}

async function buildKnowledgeIndex(db: DbTx, version: string): Promise<KnowledgeIndex> {
  const [diseases, symptoms, singleDrugs, formulations] = await Promise.all([
    db.disease.findMany({
      select: {
        code: true,
        name: true,
        englishName: true,
        urduName: true,
        synonyms: true,
        organSystem: true,
        temperaments: true,
        numcCode: true,
        icd11Code: true,
        icd10Code: true,
      },
    }),
    db.symptom.findMany({
      select: { code: true, name: true, unaniName: true, urduName: true, synonyms: true, kind: true },
    }),
    db.singleDrug.findMany({
      select: {
        code: true,
        name: true,
        englishName: true,
        urduName: true,
        botanicalName: true,
        synonyms: true,
        temperament: true,
      },
    }),
    db.formulation.findMany({ select: { code: true, name: true, urduName: true, synonyms: true, dosageForm: true } }),
  ]);
  return {
    version,
    diseases: diseases
      .map((d) => {
        const item: DiseaseSummary = {
          code: d.code,
          name: d.name,
          englishName: d.englishName,
          urduName: d.urduName,
          organSystem: OrganSystem.parse(d.organSystem),
          temperaments: jsonTemperaments(d.temperaments),
          codes: { numc: d.numcCode, icd11: d.icd11Code, icd10: d.icd10Code },
        };
        return entry(item, [d.englishName, d.urduName, ...jsonStrings(d.synonyms)], [d.englishName, d.organSystem]);
      })
      .sort(byName),
    symptoms: symptoms
      .map((s) => {
        const item: SymptomSummary = {
          code: s.code,
          name: s.name,
          unaniName: s.unaniName,
          urduName: s.urduName,
          kind: SymptomKind.parse(s.kind),
        };
        return entry(item, [s.unaniName, s.urduName, ...jsonStrings(s.synonyms)], [s.kind, s.unaniName]);
      })
      .sort(byName),
    singleDrugs: singleDrugs
      .map((d) => {
        const { synonyms, ...item } = d;
        return entry(
          item,
          [d.englishName, d.urduName, d.botanicalName, ...jsonStrings(synonyms)],
          [d.englishName, d.botanicalName],
        );
      })
      .sort(byName),
    formulations: formulations
      .map((f) => {
        const item: FormulationSummary = {
          code: f.code,
          name: f.name,
          urduName: f.urduName,
          dosageForm: DosageForm.parse(f.dosageForm),
        };
        return entry(item, [f.urduName, ...jsonStrings(f.synonyms)], [f.dosageForm]);
      })
      .sort(byName),
  };
}

/** The index of one database, rebuilt first when the tables changed; concurrent callers share one check. */
export function knowledgeIndexOf(db: DbTx, recheckAfterMs = INDEX_RECHECK_MS): () => Promise<KnowledgeIndex> {
  let current: KnowledgeIndex | undefined;
  let checkedAt = 0;
  let pending: Promise<KnowledgeIndex> | undefined;

  async function refresh(): Promise<KnowledgeIndex> {
    const version = await tablesVersion(db);
    if (current?.version !== version) current = await buildKnowledgeIndex(db, version);
    checkedAt = Date.now();
    return current;
  }

  return async function index(): Promise<KnowledgeIndex> {
    if (current && Date.now() - checkedAt < recheckAfterMs) return current;
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

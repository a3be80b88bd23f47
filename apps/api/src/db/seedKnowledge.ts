// Writes the knowledge base into the database idempotently: rows are matched by `code`, rewritten only
// when their content hash changed, and an entry removed from the files is deleted unless clinical
// records still point to it (then it is kept and reported). Entries not stored yet (all of them on a new
// database) are written together, one transaction per kind, instead of a transaction per entry: seeding the
// whole base took some 10 s of statements one by one.
import { createHash } from 'node:crypto';
import type { CitationRef, DiseaseEntry, FormulationEntry, KnowledgeBase, SymptomEntry } from '@unani/knowledge';
import { isDuplicate } from './databaseErrors.ts';
import type { Db, DbTx } from './prisma.ts';

export interface SeedReport {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Entries no longer in the files but still referenced by clinical records. */
  kept: { kind: string; code: string; reason: string }[];
}

type Kind = 'source' | 'symptom' | 'disease' | 'single_drug' | 'formulation' | 'red_flag';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function citationRows(entity: string, entityCode: string, refs: CitationRef[], sourceIds: Map<string, number>) {
  const rows = new Map<number, string | null>();
  for (const ref of refs) {
    const code = typeof ref === 'string' ? ref : ref.source;
    const locator = typeof ref === 'string' ? null : (ref.locator ?? null);
    const id = sourceIds.get(code);
    if (id !== undefined) rows.set(id, rows.get(id) ?? locator);
  }
  return [...rows].map(([sourceId, locator]) => ({ entity, entityCode, sourceId, locator }));
}

async function replaceCitations(
  tx: DbTx,
  entity: string,
  code: string,
  refs: CitationRef[],
  sourceIds: Map<string, number>,
) {
  await tx.citation.deleteMany({ where: { entity, entityCode: code } });
  const data = citationRows(entity, code, refs, sourceIds);
  if (data.length) await tx.citation.createMany({ data });
}

/** Decides per code whether to create, update or leave a row, from the stored content hashes. */
function plan<T extends { code: string }>(entries: T[], existing: { code: string; contentHash: string }[]) {
  const stored = new Map(existing.map((e) => [e.code, e.contentHash]));
  const wanted = new Set(entries.map((e) => e.code));
  const changed = entries.filter((e) => stored.get(e.code) !== hashOf(e));
  const removed = existing.map((e) => e.code).filter((code) => !wanted.has(code));
  return {
    /** Not stored yet: written together. */
    fresh: changed.filter((e) => !stored.has(e.code)),
    /** Stored with other content: rewritten one by one. */
    updates: changed.filter((e) => stored.has(e.code)),
    removed,
  };
}

/** A transaction long enough for a whole kind of a large knowledge base on a slow machine. */
const BULK = { timeout: 120_000, maxWait: 30_000 } as const;

/** Row ids by code. */
const idsByCode = <Id>(rows: { id: Id; code: string }[]) => new Map(rows.map((r) => [r.code, r.id]));

/** Counts a kind's writes once they are done (`unchanged` is what is left at the end). */
function tally(report: SeedReport, p: { fresh: unknown[]; updates: unknown[] }) {
  report.created += p.fresh.length;
  report.updated += p.updates.length;
}

function sourceData(s: KnowledgeBase['sources'][number]) {
  return {
    title: s.title,
    author: s.author ?? null,
    publisher: s.publisher ?? null,
    year: s.year ?? null,
    url: s.url ?? null,
    note: s.note ?? null,
    contentHash: hashOf(s),
  };
}

function symptomData(s: SymptomEntry) {
  return {
    name: s.name,
    kind: s.kind,
    unaniName: s.unaniName ?? null,
    urduName: s.urduName ?? null,
    synonyms: s.synonyms,
    description: s.description ?? null,
    review: s.review,
    contentHash: hashOf(s),
  };
}

function diseaseData(d: DiseaseEntry) {
  return {
    name: d.name,
    englishName: d.englishName,
    urduName: d.urduName ?? null,
    synonyms: d.synonyms,
    description: d.description,
    descriptionUrdu: d.descriptionUr ?? null,
    descriptionUrduReview: d.descriptionUrReview,
    organSystem: d.organSystem,
    temperaments: d.temperaments,
    humours: d.humours,
    numcCode: d.codes.numc ?? null,
    icd11Code: d.codes.icd11 ?? null,
    icd10Code: d.codes.icd10 ?? null,
    codeMatch: d.codeMatch,
    review: d.review,
    contentHash: hashOf(d),
  };
}

function formulationData(f: FormulationEntry) {
  return {
    name: f.name,
    urduName: f.urduName ?? null,
    synonyms: f.synonyms,
    dosageForm: f.dosageForm,
    dose: f.dose,
    indications: f.indications,
    cautions: f.cautions,
    contraindications: f.contraindications,
    review: f.review,
    contentHash: hashOf(f),
  };
}

function singleDrugData(s: KnowledgeBase['singleDrugs'][number]) {
  return {
    name: s.name,
    englishName: s.englishName ?? null,
    urduName: s.urduName ?? null,
    botanicalName: s.botanicalName ?? null,
    synonyms: s.synonyms,
    partUsed: s.partUsed ?? null,
    temperament: s.temperament ?? null,
    actions: s.actions,
    dose: s.dose ?? null,
    cautions: s.cautions,
    contraindications: s.contraindications,
    review: s.review,
    contentHash: hashOf(s),
  };
}

function redFlagData(r: KnowledgeBase['redFlags'][number]) {
  return { message: r.message, urgency: r.urgency, condition: r.when, contentHash: hashOf(r) };
}

type Protocol = NonNullable<DiseaseEntry['protocol']>;

function protocolData(protocol: Protocol) {
  return { principles: protocol.principles, noDawa: protocol.noDawa ?? null, review: protocol.review };
}

function protocolItemsData(protocol: Protocol) {
  return protocol.items.map((item, position) => ({
    position,
    kind: item.kind,
    formulationCode: item.formulation ?? null,
    singleDrugCode: item.singleDrug ?? null,
    text: item.text ?? '',
    textUrdu: item.textUr ?? null,
    urduReview: item.urduReview,
    dose: item.dose ?? null,
    duration: item.duration ?? null,
    avoid: item.avoid,
    forTypes: item.forTypes,
  }));
}

function diseaseSymptomsData(d: DiseaseEntry, diseaseId: number, symptomIds: Map<string, number>) {
  return d.symptoms.map((s) => ({
    diseaseId,
    symptomId: symptomIds.get(s.symptom) as number,
    likelihood: s.likelihood,
    cardinal: s.cardinal,
  }));
}

function ingredientsData(f: FormulationEntry, formulationId: string, kb: KnowledgeBase, drugIds: Map<string, string>) {
  return f.ingredients.map((ing, position) => ({
    formulationId,
    position,
    singleDrugId: ing.drug ? (drugIds.get(ing.drug) ?? null) : null,
    name: ing.name ?? kb.singleDrugs.find((d) => d.code === ing.drug)?.name ?? ing.drug ?? '',
    quantity: ing.quantity ?? null,
  }));
}

async function seedSources(db: Db, kb: KnowledgeBase, report: SeedReport) {
  const p = plan(kb.sources, await db.source.findMany({ select: { code: true, contentHash: true } }));
  if (p.fresh.length) await db.source.createMany({ data: p.fresh.map((s) => ({ code: s.code, ...sourceData(s) })) });
  for (const s of p.updates) {
    const data = sourceData(s);
    await db.source.update({ where: { code: s.code }, data });
  }
  tally(report, p);
  return p.removed;
}

/** How one kind of entry that carries only its own citations is written: new rows in bulk, a changed row alone. */
interface CitedKind<T> {
  entity: Kind;
  createMany(tx: DbTx, entries: T[]): Promise<unknown>;
  update(tx: DbTx, entry: T): Promise<unknown>;
}

/**
 * Seeds one kind that carries only its own citations: its new entries and their citations in one transaction, then
 * each changed entry in its own. Returns the plan, whose `removed` codes are left for `removeStale`.
 */
async function seedCited<T extends { code: string; sources: CitationRef[] }>(
  db: Db,
  entries: T[],
  stored: { code: string; contentHash: string }[],
  kind: CitedKind<T>,
  sourceIds: Map<string, number>,
  report: SeedReport,
) {
  const p = plan(entries, stored);
  if (p.fresh.length)
    await db.$transaction(async (tx) => {
      await kind.createMany(tx, p.fresh);
      await tx.citation.createMany({
        data: p.fresh.flatMap((e) => citationRows(kind.entity, e.code, e.sources, sourceIds)),
      });
    }, BULK);
  for (const entry of p.updates) {
    await db.$transaction(async (tx) => {
      await kind.update(tx, entry);
      await replaceCitations(tx, kind.entity, entry.code, entry.sources, sourceIds);
    });
  }
  tally(report, p);
  return p;
}

async function seedSymptoms(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const p = await seedCited(
    db,
    kb.symptoms,
    await db.symptom.findMany({ select: { code: true, contentHash: true } }),
    {
      entity: 'symptom',
      createMany: (tx, entries) =>
        tx.symptom.createMany({ data: entries.map((s) => ({ code: s.code, ...symptomData(s) })) }),
      update: (tx, s) => tx.symptom.update({ where: { code: s.code }, data: symptomData(s) }),
    },
    sourceIds,
    report,
  );
  return p.removed;
}

async function seedDiseases(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const symptomIds = idsByCode(await db.symptom.findMany({ select: { id: true, code: true } }));
  const p = plan(kb.diseases, await db.disease.findMany({ select: { code: true, contentHash: true } }));
  if (p.fresh.length)
    await db.$transaction(async (tx) => {
      await tx.disease.createMany({ data: p.fresh.map((d) => ({ code: d.code, ...diseaseData(d) })) });
      const ids = idsByCode(
        await tx.disease.findMany({
          where: { code: { in: p.fresh.map((d) => d.code) } },
          select: { id: true, code: true },
        }),
      );
      const idOf = (d: DiseaseEntry) => ids.get(d.code) as number;
      await tx.diseaseSymptom.createMany({ data: p.fresh.flatMap((d) => diseaseSymptomsData(d, idOf(d), symptomIds)) });
      const withProtocol = p.fresh.filter((d) => d.protocol);
      await tx.treatmentProtocol.createMany({
        data: withProtocol.map((d) => ({ diseaseId: idOf(d), ...protocolData(d.protocol as Protocol) })),
      });
      const protocolIds = new Map(
        (
          await tx.treatmentProtocol.findMany({
            where: { diseaseId: { in: withProtocol.map(idOf) } },
            select: { id: true, diseaseId: true },
          })
        ).map((row) => [row.diseaseId, row.id]),
      );
      await tx.treatmentProtocolItem.createMany({
        data: withProtocol.flatMap((d) =>
          protocolItemsData(d.protocol as Protocol).map((item) => ({
            protocolId: protocolIds.get(idOf(d)) as number,
            ...item,
          })),
        ),
      });
      await tx.citation.createMany({
        data: p.fresh.flatMap((d) => [
          ...(d.protocol ? citationRows('protocol', d.code, d.protocol.sources, sourceIds) : []),
          ...citationRows('disease', d.code, d.sources, sourceIds),
        ]),
      });
    }, BULK);
  for (const d of p.updates) {
    await db.$transaction(async (tx) => {
      const row = await tx.disease.update({ where: { code: d.code }, data: diseaseData(d) });
      await tx.diseaseSymptom.deleteMany({ where: { diseaseId: row.id } });
      await tx.diseaseSymptom.createMany({ data: diseaseSymptomsData(d, row.id, symptomIds) });
      await tx.treatmentProtocol.deleteMany({ where: { diseaseId: row.id } });
      if (d.protocol) {
        await tx.treatmentProtocol.create({
          data: { diseaseId: row.id, ...protocolData(d.protocol), items: { create: protocolItemsData(d.protocol) } },
        });
        await replaceCitations(tx, 'protocol', d.code, d.protocol.sources, sourceIds);
      }
      await replaceCitations(tx, 'disease', d.code, d.sources, sourceIds);
    });
  }
  tally(report, p);
  return p.removed;
}

async function seedFormulary(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const drugs = await seedCited(
    db,
    kb.singleDrugs,
    await db.singleDrug.findMany({ select: { code: true, contentHash: true } }),
    {
      entity: 'single_drug',
      createMany: (tx, entries) =>
        tx.singleDrug.createMany({ data: entries.map((s) => ({ code: s.code, ...singleDrugData(s) })) }),
      update: (tx, s) => tx.singleDrug.update({ where: { code: s.code }, data: singleDrugData(s) }),
    },
    sourceIds,
    report,
  );
  const drugIds = idsByCode(await db.singleDrug.findMany({ select: { id: true, code: true } }));
  const forms = plan(kb.formulations, await db.formulation.findMany({ select: { code: true, contentHash: true } }));
  if (forms.fresh.length)
    await db.$transaction(async (tx) => {
      await tx.formulation.createMany({ data: forms.fresh.map((f) => ({ code: f.code, ...formulationData(f) })) });
      const ids = idsByCode(
        await tx.formulation.findMany({
          where: { code: { in: forms.fresh.map((f) => f.code) } },
          select: { id: true, code: true },
        }),
      );
      await tx.formulationIngredient.createMany({
        data: forms.fresh.flatMap((f) => ingredientsData(f, ids.get(f.code) as string, kb, drugIds)),
      });
      await tx.citation.createMany({
        data: forms.fresh.flatMap((f) => citationRows('formulation', f.code, f.sources, sourceIds)),
      });
    }, BULK);
  for (const f of forms.updates) {
    await db.$transaction(async (tx) => {
      const row = await tx.formulation.update({ where: { code: f.code }, data: formulationData(f) });
      await tx.formulationIngredient.deleteMany({ where: { formulationId: row.id } });
      await tx.formulationIngredient.createMany({ data: ingredientsData(f, row.id, kb, drugIds) });
      await replaceCitations(tx, 'formulation', f.code, f.sources, sourceIds);
    });
  }
  tally(report, forms);
  return { drugs: drugs.removed, formulations: forms.removed };
}

async function seedRedFlags(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const p = await seedCited(
    db,
    kb.redFlags,
    await db.redFlagRule.findMany({ select: { code: true, contentHash: true } }),
    {
      entity: 'red_flag',
      createMany: (tx, entries) =>
        tx.redFlagRule.createMany({ data: entries.map((r) => ({ code: r.code, ...redFlagData(r) })) }),
      update: (tx, r) => tx.redFlagRule.update({ where: { code: r.code }, data: redFlagData(r) }),
    },
    sourceIds,
    report,
  );
  return p.removed;
}

/** Deletes entries gone from the files, except those clinical records still point to. */
async function removeStale(db: Db, kind: Kind, codes: string[], report: SeedReport) {
  for (const code of codes) {
    const reason = await referencedBy(db, kind, code);
    if (reason) {
      report.kept.push({ kind, code, reason });
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.citation.deleteMany({
        where: { entity: kind === 'disease' ? { in: ['disease', 'protocol'] } : kind, entityCode: code },
      });
      switch (kind) {
        case 'source':
          await tx.source.delete({ where: { code } });
          break;
        case 'symptom':
          await tx.diseaseSymptom.deleteMany({ where: { symptom: { code } } });
          await tx.symptom.delete({ where: { code } });
          break;
        case 'disease':
          await tx.disease.delete({ where: { code } });
          break;
        case 'single_drug':
          await tx.singleDrug.delete({ where: { code } });
          break;
        case 'formulation':
          await tx.formulation.delete({ where: { code } });
          break;
        case 'red_flag':
          await tx.redFlagRule.delete({ where: { code } });
          break;
      }
    });
    report.deleted++;
  }
}

async function referencedBy(db: Db, kind: Kind, code: string): Promise<string | undefined> {
  switch (kind) {
    case 'symptom': {
      const n = await db.finding.count({ where: { symptom: { code } } });
      return n ? `recorded in ${n} encounter finding(s)` : undefined;
    }
    case 'disease': {
      const n = await db.diagnosis.count({ where: { disease: { code } } });
      return n ? `confirmed in ${n} diagnosis(es)` : undefined;
    }
    case 'formulation': {
      const n = await db.treatmentPlanItem.count({ where: { formulationCode: code } });
      return n ? `prescribed in ${n} treatment plan item(s)` : undefined;
    }
    case 'single_drug': {
      const n = await db.treatmentPlanItem.count({ where: { singleDrugCode: code } });
      return n ? `prescribed in ${n} treatment plan item(s)` : undefined;
    }
    case 'source': {
      const n = await db.citation.count({ where: { source: { code } } });
      return n ? `still cited ${n} time(s)` : undefined;
    }
    case 'red_flag':
      return undefined;
  }
}

/**
 * Runs one kind's seeding again when another process inserted the same new codes first (replicas starting together
 * on a new database): the losing insert waits for the winner's transaction, fails, and the kind is compared again
 * against what the winner wrote.
 */
async function retryingDuplicates<T>(seedKind: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await seedKind();
    } catch (error) {
      if (!isDuplicate(error) || attempt >= 5) throw error;
    }
  }
}

/** Seeds (or re-seeds) the knowledge base; a second run with the same files changes nothing. */
export async function seedKnowledge(db: Db, kb: KnowledgeBase): Promise<SeedReport> {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, deleted: 0, kept: [] };
  const staleSources = await retryingDuplicates(() => seedSources(db, kb, report));
  const sourceIds = idsByCode(await db.source.findMany({ select: { id: true, code: true } }));
  const staleSymptoms = await retryingDuplicates(() => seedSymptoms(db, kb, sourceIds, report));
  const staleDiseases = await retryingDuplicates(() => seedDiseases(db, kb, sourceIds, report));
  const staleFormulary = await retryingDuplicates(() => seedFormulary(db, kb, sourceIds, report));
  const staleRedFlags = await retryingDuplicates(() => seedRedFlags(db, kb, sourceIds, report));
  // Dependants first: diseases before the symptoms they link, formulations before their drugs, sources last.
  await removeStale(db, 'red_flag', staleRedFlags, report);
  await removeStale(db, 'disease', staleDiseases, report);
  await removeStale(db, 'symptom', staleSymptoms, report);
  await removeStale(db, 'formulation', staleFormulary.formulations, report);
  await removeStale(db, 'single_drug', staleFormulary.drugs, report);
  await removeStale(db, 'source', staleSources, report);
  const entries = [kb.sources, kb.symptoms, kb.diseases, kb.singleDrugs, kb.formulations, kb.redFlags];
  report.unchanged = entries.reduce((sum, list) => sum + list.length, 0) - report.created - report.updated;
  return report;
}

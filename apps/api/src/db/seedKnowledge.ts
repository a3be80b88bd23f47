// Writes the knowledge base into the database idempotently: rows are matched by `code`, rewritten only
// when their content hash changed, and an entry removed from the files is deleted unless clinical
// records still point to it (then it is kept and reported).
import { createHash } from 'node:crypto';
import type { CitationRef, DiseaseEntry, FormulationEntry, KnowledgeBase, SymptomEntry } from '@unani/knowledge';
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
  return { changed, removed, unchanged: entries.length - changed.length, isNew: (code: string) => !stored.has(code) };
}

function count(report: SeedReport, isNew: boolean) {
  if (isNew) report.created++;
  else report.updated++;
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

async function seedSources(db: Db, kb: KnowledgeBase, report: SeedReport) {
  const p = plan(kb.sources, await db.source.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += p.unchanged;
  for (const s of p.changed) {
    const data = {
      title: s.title,
      author: s.author ?? null,
      publisher: s.publisher ?? null,
      year: s.year ?? null,
      url: s.url ?? null,
      note: s.note ?? null,
      contentHash: hashOf(s),
    };
    await db.source.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
    count(report, p.isNew(s.code));
  }
  return p.removed;
}

async function seedSymptoms(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const p = plan(kb.symptoms, await db.symptom.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += p.unchanged;
  for (const s of p.changed) {
    await db.$transaction(async (tx) => {
      const data = symptomData(s);
      await tx.symptom.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
      await replaceCitations(tx, 'symptom', s.code, s.sources, sourceIds);
    });
    count(report, p.isNew(s.code));
  }
  return p.removed;
}

async function seedDiseases(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const symptomIds = new Map(
    (await db.symptom.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const p = plan(kb.diseases, await db.disease.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += p.unchanged;
  for (const d of p.changed) {
    await db.$transaction(async (tx) => {
      const data = diseaseData(d);
      const row = await tx.disease.upsert({ where: { code: d.code }, create: { code: d.code, ...data }, update: data });
      await tx.diseaseSymptom.deleteMany({ where: { diseaseId: row.id } });
      await tx.diseaseSymptom.createMany({
        data: d.symptoms.map((s) => ({
          diseaseId: row.id,
          symptomId: symptomIds.get(s.symptom) as number,
          likelihood: s.likelihood,
          cardinal: s.cardinal,
        })),
      });
      await tx.treatmentProtocol.deleteMany({ where: { diseaseId: row.id } });
      if (d.protocol) {
        await tx.treatmentProtocol.create({
          data: {
            diseaseId: row.id,
            principles: d.protocol.principles,
            noDawa: d.protocol.noDawa ?? null,
            review: d.protocol.review,
            items: {
              create: d.protocol.items.map((item, position) => ({
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
              })),
            },
          },
        });
        await replaceCitations(tx, 'protocol', d.code, d.protocol.sources, sourceIds);
      }
      await replaceCitations(tx, 'disease', d.code, d.sources, sourceIds);
    });
    count(report, p.isNew(d.code));
  }
  return p.removed;
}

async function seedFormulary(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const drugs = plan(kb.singleDrugs, await db.singleDrug.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += drugs.unchanged;
  for (const s of drugs.changed) {
    await db.$transaction(async (tx) => {
      const data = {
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
      await tx.singleDrug.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
      await replaceCitations(tx, 'single_drug', s.code, s.sources, sourceIds);
    });
    count(report, drugs.isNew(s.code));
  }
  const drugIds = new Map(
    (await db.singleDrug.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]),
  );
  const forms = plan(kb.formulations, await db.formulation.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += forms.unchanged;
  for (const f of forms.changed) {
    await db.$transaction(async (tx) => {
      const data = formulationData(f);
      const row = await tx.formulation.upsert({
        where: { code: f.code },
        create: { code: f.code, ...data },
        update: data,
      });
      await tx.formulationIngredient.deleteMany({ where: { formulationId: row.id } });
      await tx.formulationIngredient.createMany({
        data: f.ingredients.map((ing, position) => ({
          formulationId: row.id,
          position,
          singleDrugId: ing.drug ? (drugIds.get(ing.drug) ?? null) : null,
          name: ing.name ?? kb.singleDrugs.find((d) => d.code === ing.drug)?.name ?? ing.drug ?? '',
          quantity: ing.quantity ?? null,
        })),
      });
      await replaceCitations(tx, 'formulation', f.code, f.sources, sourceIds);
    });
    count(report, forms.isNew(f.code));
  }
  return { drugs: drugs.removed, formulations: forms.removed };
}

async function seedRedFlags(db: Db, kb: KnowledgeBase, sourceIds: Map<string, number>, report: SeedReport) {
  const p = plan(kb.redFlags, await db.redFlagRule.findMany({ select: { code: true, contentHash: true } }));
  report.unchanged += p.unchanged;
  for (const r of p.changed) {
    await db.$transaction(async (tx) => {
      const data = { message: r.message, urgency: r.urgency, condition: r.when, contentHash: hashOf(r) };
      await tx.redFlagRule.upsert({ where: { code: r.code }, create: { code: r.code, ...data }, update: data });
      await replaceCitations(tx, 'red_flag', r.code, r.sources, sourceIds);
    });
    count(report, p.isNew(r.code));
  }
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

/** Seeds (or re-seeds) the knowledge base; a second run with the same files changes nothing. */
export async function seedKnowledge(db: Db, kb: KnowledgeBase): Promise<SeedReport> {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, deleted: 0, kept: [] };
  const staleSources = await seedSources(db, kb, report);
  const sourceIds = new Map(
    (await db.source.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const staleSymptoms = await seedSymptoms(db, kb, sourceIds, report);
  const staleDiseases = await seedDiseases(db, kb, sourceIds, report);
  const staleFormulary = await seedFormulary(db, kb, sourceIds, report);
  const staleRedFlags = await seedRedFlags(db, kb, sourceIds, report);
  // Dependants first: diseases before the symptoms they link, formulations before their drugs, sources last.
  await removeStale(db, 'red_flag', staleRedFlags, report);
  await removeStale(db, 'disease', staleDiseases, report);
  await removeStale(db, 'symptom', staleSymptoms, report);
  await removeStale(db, 'formulation', staleFormulary.formulations, report);
  await removeStale(db, 'single_drug', staleFormulary.drugs, report);
  await removeStale(db, 'source', staleSources, report);
  return report;
}

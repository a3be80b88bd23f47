// Treatment plans built from the knowledge base, with free-text additions.
import type { PlanCheckView, PlanRequest, PlanView, PrescribingWarning } from '@unani/contracts';
import { PlanRequest as PlanRequestSchema, Prescription, readPrescription, withWrittenDose } from '@unani/contracts';
import type { Db, DbTx } from '../db/prisma.ts';
import type { ClinicalEngine } from '../modelRuntime/clinicalEngine.ts';
import { visitContext } from './analysisService.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import {
  advanceStatus,
  changeOpenVisit,
  findingOfRow,
  type OwnedEncounter,
  ownedEncounter,
} from './encounterService.ts';
import { formularyMaps } from './formularyEntries.ts';

type CheckedItem = Parameters<ClinicalEngine['checkPlan']>[0][number];

const UNCHECKED: PrescribingWarning = {
  kind: 'confirm',
  level: 'check',
  message:
    'The prescribing checks are not available until the engine has loaded: check dose and contraindications by hand.',
};

/**
 * The prescribing warnings of each item for this visit's patient, findings, vital signs and confirmed disease. While
 * the engine is not loaded a plan can still be saved, but every remedy says it was not checked: never silently.
 */
function warningsFor(engine: ClinicalEngine | undefined, encounter: OwnedEncounter, items: readonly CheckedItem[]) {
  if (!engine) return items.map((i) => (i.formulationCode || i.singleDrugCode ? [UNCHECKED] : []));
  return engine.checkPlan(
    items,
    encounter.findings.map(findingOfRow),
    visitContext(encounter),
    encounter.diagnosis?.disease.code,
  );
}

/** Checks a draft plan without saving it, so the warnings show beside each item while the plan is built. */
export async function checkPlanDraft(
  db: DbTx,
  engine: ClinicalEngine,
  practitionerId: string,
  encounterId: string,
  input: PlanRequest,
): Promise<PlanCheckView> {
  const encounter = await ownedEncounter(db, practitionerId, encounterId);
  const items = PlanRequestSchema.parse(input).items.map(withWrittenDose);
  return { items: warningsFor(engine, encounter, items).map((warnings) => ({ warnings })) };
}

const planSelect = {
  advice: true,
  followUp: true,
  updatedAt: true,
  items: { orderBy: { position: 'asc' } },
} as const;

type PlanRow = {
  advice: string | null;
  followUp: string | null;
  updatedAt: Date;
  items: {
    kind: PlanView['items'][number]['kind'];
    formulationCode: string | null;
    singleDrugCode: string | null;
    text: string;
    dose: string | null;
    duration: string | null;
    prescription: unknown;
    avoid: boolean;
  }[];
};

/** The item's dose in parts: as saved, or read from its words for an item saved before doses had parts. */
function prescriptionOf(item: PlanRow['items'][number]): Prescription | null {
  if (item.kind !== 'dawa') return null;
  const saved = Prescription.safeParse(item.prescription);
  if (saved.success) return saved.data;
  return readPrescription(item.dose, item.duration).prescription ?? null;
}

/** The formulary codes the diagnosed disease's protocol prescribes while that protocol is under review. */
async function codesOfProtocolUnderReview(db: DbTx, diseaseCode: string | undefined): Promise<Set<string>> {
  if (!diseaseCode) return new Set();
  const items = await db.treatmentProtocolItem.findMany({
    where: { protocol: { review: true, disease: { code: diseaseCode } } },
    select: { formulationCode: true, singleDrugCode: true },
  });
  return new Set(items.flatMap((i) => [i.formulationCode, i.singleDrugCode].filter((c): c is string => Boolean(c))));
}

export async function toPlanView(
  db: DbTx,
  plan: PlanRow,
  warnings: readonly PrescribingWarning[][] = [],
  diseaseCode?: string,
): Promise<PlanView> {
  const [entries, protocolUnderReview] = await Promise.all([
    formularyMaps(db, plan.items),
    codesOfProtocolUnderReview(db, diseaseCode),
  ]);
  const entryOf = (code: string | null) =>
    code ? (entries.formulations.get(code) ?? entries.drugs.get(code)) : undefined;
  const underReview = (code: string | null) =>
    Boolean(code && (entryOf(code)?.review || protocolUnderReview.has(code)));
  return {
    items: plan.items.map((i, index) => ({
      kind: i.kind,
      formulationCode: i.formulationCode,
      singleDrugCode: i.singleDrugCode,
      name:
        (i.formulationCode && entries.formulations.get(i.formulationCode)?.name) ||
        (i.singleDrugCode && entries.drugs.get(i.singleDrugCode)?.name) ||
        i.text,
      text: i.text,
      dose: i.dose,
      duration: i.duration,
      prescription: prescriptionOf(i),
      review: underReview(i.formulationCode) || underReview(i.singleDrugCode),
      avoid: i.avoid,
      warnings: warnings[index] ?? [],
    })),
    advice: plan.advice,
    followUp: plan.followUp,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export async function getPlan(
  db: DbTx,
  engine: ClinicalEngine | undefined,
  practitionerId: string,
  encounterId: string,
): Promise<PlanView> {
  const encounter = await ownedEncounter(db, practitionerId, encounterId);
  const plan = await db.treatmentPlan.findUnique({ where: { encounterId }, select: planSelect });
  if (!plan) throw notFound('The treatment plan');
  return toPlanView(db, plan, warningsFor(engine, encounter, plan.items), encounter.diagnosis?.disease.code);
}

/** Saves (or replaces) the visit's plan; formulation and drug codes must exist in the knowledge base. */
export function savePlan(
  db: Db,
  engine: ClinicalEngine | undefined,
  practitionerId: string,
  encounterId: string,
  input: PlanRequest,
): Promise<PlanView> {
  return changeOpenVisit(db, practitionerId, encounterId, async (tx, encounter) => {
    if (!encounter.diagnosis) throw conflict('Confirm a diagnosis before saving a treatment plan.');
    const plan = PlanRequestSchema.parse(input);
    const names = await formularyMaps(tx, plan.items);
    const unknown = plan.items.flatMap((item, i) => [
      ...(item.formulationCode && !names.formulations.has(item.formulationCode)
        ? [{ field: `body.items.${i}.formulationCode`, message: `unknown formulation "${item.formulationCode}"` }]
        : []),
      ...(item.singleDrugCode && !names.drugs.has(item.singleDrugCode)
        ? [{ field: `body.items.${i}.singleDrugCode`, message: `unknown single drug "${item.singleDrugCode}"` }]
        : []),
    ]);
    if (unknown.length) throw invalid('Some items name entries the formulary does not hold.', unknown);

    const items = plan.items.map(withWrittenDose).map((item, position) => ({
      position,
      kind: item.kind,
      formulationCode: item.formulationCode ?? null,
      singleDrugCode: item.singleDrugCode ?? null,
      text: item.text,
      dose: item.dose ?? null,
      duration: item.duration ?? null,
      ...(item.prescription ? { prescription: item.prescription } : {}),
      avoid: item.avoid,
    }));
    const fields = { advice: plan.advice ?? null, followUp: plan.followUp ?? null };
    await advanceStatus(tx, encounterId, encounter.status, 'planned');
    const saved = await tx.treatmentPlan.upsert({
      where: { encounterId },
      create: { encounterId, ...fields, items: { create: items } },
      update: { ...fields, items: { deleteMany: {}, create: items } },
      select: planSelect,
    });
    return toPlanView(tx, saved, warningsFor(engine, encounter, saved.items), encounter.diagnosis?.disease.code);
  });
}

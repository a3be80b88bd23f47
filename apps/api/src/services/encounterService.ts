// Visits of a practitioner's own patients: complaint, accepted findings, Unani assessment, status.
import type {
  EncounterCreate,
  EncounterUpdate,
  EncounterView,
  Finding,
  FindingInput,
  ListQuery,
} from '@unani/contracts';
import { VisitVitals } from '@unani/contracts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import { formularyEntries } from './formularyEntries.ts';
import { pageArgs, toPage } from './pagination.ts';

export const encounterSelect = {
  id: true,
  patientId: true,
  complaint: true,
  temperament: true,
  nabzNotes: true,
  vitals: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  findings: {
    orderBy: { id: 'asc' },
    select: {
      present: true,
      uncertain: true,
      durationDays: true,
      severity: true,
      origin: true,
      spanStart: true,
      spanEnd: true,
      symptom: { select: { code: true, name: true } },
    },
  },
  diagnosis: {
    select: {
      createdAt: true,
      fromSuggestion: true,
      note: true,
      disease: { select: { code: true, name: true, englishName: true } },
    },
  },
} as const;

type EncounterRow = {
  id: string;
  patientId: string;
  complaint: string;
  temperament: EncounterView['temperament'];
  nabzNotes: string | null;
  vitals: unknown;
  status: EncounterView['status'];
  createdAt: Date;
  updatedAt: Date;
  findings: {
    present: boolean;
    uncertain: boolean;
    durationDays: number | null;
    severity: Finding['severity'] | null;
    origin: 'text' | 'picked' | 'question';
    spanStart: number | null;
    spanEnd: number | null;
    symptom: { code: string; name: string };
  }[];
  diagnosis: {
    createdAt: Date;
    fromSuggestion: boolean;
    note: string | null;
    disease: { code: string; name: string; englishName: string };
  } | null;
};

/** A stored finding as the engine and the API see it (without its origin). */
export function findingOfRow(f: EncounterRow['findings'][number]): Finding {
  return {
    symptom: f.symptom.code,
    name: f.symptom.name,
    present: f.present,
    ...(f.uncertain ? { uncertain: true } : {}),
    ...(f.durationDays !== null ? { durationDays: f.durationDays } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.spanStart !== null && f.spanEnd !== null ? { span: [f.spanStart, f.spanEnd] as [number, number] } : {}),
  };
}

/** The stored vital signs, or null when none were recorded (or a stored value no longer fits the contract). */
export function storedVitals(value: unknown): VisitVitals | null {
  const read = VisitVitals.safeParse(value);
  return read.success && Object.keys(read.data).length > 0 ? read.data : null;
}

export function toEncounterView(e: EncounterRow): EncounterView {
  return {
    id: e.id,
    patientId: e.patientId,
    complaint: e.complaint,
    temperament: e.temperament,
    nabzNotes: e.nabzNotes,
    vitals: storedVitals(e.vitals),
    status: e.status,
    findings: e.findings.map((f) => ({ ...findingOfRow(f), origin: f.origin })),
    diagnosis: e.diagnosis
      ? {
          disease: e.diagnosis.disease,
          confirmedAt: e.diagnosis.createdAt.toISOString(),
          fromSuggestion: e.diagnosis.fromSuggestion,
          note: e.diagnosis.note,
        }
      : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The encounter if it belongs to the practitioner, else a 404 (never a hint that it exists). */
export async function ownedEncounter(db: DbTx, practitionerId: string, id: string) {
  const row = await db.encounter.findFirst({
    where: { id, practitionerId, patient: { deletedAt: null } },
    select: {
      ...encounterSelect,
      patient: { select: { age: true, birthDate: true, sex: true, temperament: true, history: true } },
    },
  });
  if (!row) throw notFound('The visit');
  return row;
}

/**
 * Takes the write lock on the practitioner's visit row, as the first statement of a workflow
 * transaction. Concurrent saves of one visit then run one after the other, and each reads (its
 * snapshot starts after the lock) what the previous one committed: no deadlock on the foreign-key
 * checks of suggestion, diagnosis and plan rows, no duplicate plan.
 */
export async function lockOwnedEncounter(db: DbTx, practitionerId: string, id: string): Promise<void> {
  const { count } = await db.encounter.updateMany({
    where: { id, practitionerId, patient: { deletedAt: null } },
    data: { updatedAt: new Date() },
  });
  if (count === 0) throw notFound('The visit');
}

/** The encounter as `ownedEncounter` returns it: findings, diagnosis, patient. */
export type OwnedEncounter = Awaited<ReturnType<typeof ownedEncounter>>;

/** Locks the practitioner's visit row first (decision 0005), then refuses a closed visit; returns the visit. */
export async function lockOpenVisit(tx: DbTx, practitionerId: string, id: string): Promise<OwnedEncounter> {
  await lockOwnedEncounter(tx, practitionerId, id);
  const encounter = await ownedEncounter(tx, practitionerId, id);
  if (encounter.status === 'closed') throw conflict('This visit is closed and can no longer change.');
  return encounter;
}

/**
 * Runs one change of an open visit in its own transaction (retried on deadlock), the visit row locked and the
 * closed-visit guard passed before `change` runs. Every service that changes a visit goes through here, so none can
 * forget the lock by being handed the database instead of a transaction.
 */
export function changeOpenVisit<T>(
  db: Db,
  practitionerId: string,
  id: string,
  change: (tx: DbTx, encounter: OwnedEncounter) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (tx) => change(tx, await lockOpenVisit(tx, practitionerId, id)));
}

/** Moves the visit's status forward (never back) to `next`. */
export async function advanceStatus(
  db: DbTx,
  id: string,
  current: EncounterView['status'],
  next: EncounterView['status'],
) {
  const order = ['open', 'analysed', 'diagnosed', 'planned', 'closed'] as const;
  if (order.indexOf(next) > order.indexOf(current))
    await db.encounter.update({ where: { id }, data: { status: next } });
}

async function ownedPatient(db: DbTx, practitionerId: string, patientId: string) {
  const patient = await db.patient.findFirst({
    where: { id: patientId, practitionerId, deletedAt: null },
    select: { id: true },
  });
  if (!patient) throw notFound('The patient');
  return patient;
}

/** Resolves symptom codes to ids; unknown codes are a 400 naming each one. */
async function findingRows(db: DbTx, findings: FindingInput[], defaultOrigin: 'text' | 'picked') {
  const codes = [...new Set(findings.map((f) => f.symptom))];
  const symptoms = await db.symptom.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const ids = new Map(symptoms.map((s) => [s.code, s.id]));
  const unknown = findings.flatMap((f, i) =>
    ids.has(f.symptom) ? [] : [{ field: `body.findings.${i}.symptom`, message: `unknown symptom "${f.symptom}"` }],
  );
  if (unknown.length) throw invalid('Some findings name symptoms the knowledge base does not hold.', unknown);
  return findings.map((f) => ({
    symptomId: ids.get(f.symptom) as number,
    present: f.present,
    uncertain: f.uncertain ?? false,
    durationDays: f.durationDays ?? null,
    severity: f.severity ?? null,
    origin: f.origin ?? defaultOrigin,
    spanStart: f.span?.[0] ?? null,
    spanEnd: f.span?.[1] ?? null,
  }));
}

/** Parses a complaint into findings; supplied by the engine. */
export type ComplaintParser = (text: string) => FindingInput[];

export async function createEncounter(
  db: DbTx,
  practitionerId: string,
  patientId: string,
  input: EncounterCreate & { complaint: string },
  parse: ComplaintParser,
): Promise<EncounterView> {
  await ownedPatient(db, practitionerId, patientId);
  const findings = input.findings ?? parse(input.complaint).map((f) => ({ ...f, origin: 'text' as const }));
  const rows = await findingRows(db, findings, 'picked');
  const created = await db.encounter.create({
    data: {
      patientId,
      practitionerId,
      complaint: input.complaint,
      temperament: input.temperament ?? null,
      nabzNotes: input.nabzNotes ?? null,
      findings: { create: rows },
    },
    select: encounterSelect,
  });
  return toEncounterView(created);
}

export function updateEncounter(
  db: Db,
  practitionerId: string,
  id: string,
  input: EncounterUpdate,
): Promise<EncounterView> {
  return changeOpenVisit(db, practitionerId, id, async (tx) => {
    const rows = input.findings ? await findingRows(tx, input.findings, 'picked') : undefined;
    const updated = await tx.encounter.update({
      where: { id },
      data: {
        ...(input.complaint !== undefined ? { complaint: input.complaint } : {}),
        ...(input.temperament !== undefined ? { temperament: input.temperament } : {}),
        ...(input.nabzNotes !== undefined ? { nabzNotes: input.nabzNotes } : {}),
        ...(input.vitals !== undefined ? { vitals: input.vitals ?? Prisma.DbNull } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(rows ? { findings: { deleteMany: {}, create: rows } } : {}),
      },
      select: encounterSelect,
    });
    return toEncounterView(updated);
  });
}

export async function getEncounter(db: DbTx, practitionerId: string, id: string): Promise<EncounterView> {
  return toEncounterView(await ownedEncounter(db, practitionerId, id));
}

export async function listEncounters(db: DbTx, practitionerId: string, patientId: string, query: ListQuery) {
  await ownedPatient(db, practitionerId, patientId);
  const rows = await db.encounter.findMany({
    where: { patientId, practitionerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      ...encounterSelect,
      plan: {
        select: {
          items: {
            where: { kind: 'dawa' },
            orderBy: { position: 'asc' },
            select: { formulationCode: true, singleDrugCode: true, text: true },
          },
        },
      },
    },
    ...pageArgs(query),
  });
  const entryOf = await formularyEntries(
    db,
    rows.flatMap((r) => r.plan?.items ?? []),
  );
  return toPage(rows, query, (row) => ({
    ...toEncounterView(row),
    planMedicines: (row.plan?.items ?? []).map((i) => entryOf(i)?.name ?? i.text).filter(Boolean),
  }));
}

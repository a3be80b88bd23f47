// Patients of one practitioner. Every query is scoped to the practitioner: another's patient is "not found".
import type { ListQuery, PatientCreate, PatientUpdate, PatientView } from '@unani/contracts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { notFound } from './domainErrors.ts';
import { likeEscaped } from './likePattern.ts';
import { pageArgs, toPage } from './pagination.ts';

const patientSelect = {
  id: true,
  name: true,
  age: true,
  sex: true,
  phone: true,
  temperament: true,
  createdAt: true,
  updatedAt: true,
  encounters: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} as const;

type PatientRow = {
  id: string;
  name: string;
  age: number;
  sex: PatientView['sex'];
  phone: string | null;
  temperament: PatientView['temperament'];
  createdAt: Date;
  updatedAt: Date;
  encounters: { createdAt: Date }[];
};

export function toPatientView(p: PatientRow): PatientView {
  return {
    id: p.id,
    name: p.name,
    age: p.age,
    sex: p.sex,
    phone: p.phone,
    temperament: p.temperament,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    lastVisitAt: p.encounters[0]?.createdAt.toISOString() ?? null,
  };
}

const owned = (practitionerId: string, id: string) => ({ id, practitionerId, deletedAt: null });

export async function listPatients(db: DbTx, practitionerId: string, query: ListQuery & { q?: string }) {
  const rows = await db.patient.findMany({
    where: { practitionerId, deletedAt: null, ...(query.q ? { name: { contains: likeEscaped(query.q) } } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: patientSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toPatientView);
}

export async function getPatient(db: DbTx, practitionerId: string, id: string): Promise<PatientView> {
  const row = await db.patient.findFirst({ where: owned(practitionerId, id), select: patientSelect });
  if (!row) throw notFound('The patient');
  return toPatientView(row);
}

// Changes run in a transaction so that the request's audit row commits with them (services/auditScope.ts).

export async function createPatient(db: Db, practitionerId: string, input: PatientCreate): Promise<PatientView> {
  const row = await inTransaction(db, (tx) =>
    tx.patient.create({ data: { ...input, practitionerId }, select: patientSelect }),
  );
  return toPatientView(row);
}

export async function updatePatient(db: Db, practitionerId: string, id: string, input: PatientUpdate) {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.patient.updateMany({ where: owned(practitionerId, id), data: input });
    if (count === 0) throw notFound('The patient');
    return getPatient(tx, practitionerId, id);
  });
}

/**
 * Soft delete: the record stays for the audit trail, hidden from every list and from research. The patient's
 * share links are revoked in the same transaction, so no link outlives its patient.
 */
export async function deletePatient(db: Db, practitionerId: string, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const now = new Date();
    const { count } = await tx.patient.updateMany({ where: owned(practitionerId, id), data: { deletedAt: now } });
    if (count === 0) throw notFound('The patient');
    await tx.patientNote.updateMany({
      where: { encounter: { patientId: id }, revokedAt: null },
      data: { revokedAt: now },
    });
  });
}

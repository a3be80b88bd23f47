// Patients of one practitioner. Every query is scoped to the practitioner: another's patient is "not found".
import {
  currentAge,
  isoDay,
  type ListQuery,
  type PatientCreate,
  PatientHistory,
  type PatientUpdate,
  type PatientView,
  wholeYearsSince,
} from '@unani/contracts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import { likeEscaped } from './likePattern.ts';
import { latestAssessment, recordJudgement, temperamentBasis } from './mizajService.ts';
import { pageArgs, toPage } from './pagination.ts';

const patientSelect = {
  id: true,
  name: true,
  age: true,
  birthDate: true,
  birthDateEstimated: true,
  sex: true,
  phone: true,
  temperament: true,
  clinicNumber: true,
  history: true,
  createdAt: true,
  updatedAt: true,
  encounters: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
  mizajAssessments: latestAssessment,
} as const;

type PatientRow = {
  id: string;
  name: string;
  age: number;
  birthDate: Date | null;
  birthDateEstimated: boolean;
  sex: PatientView['sex'];
  phone: string | null;
  temperament: PatientView['temperament'];
  clinicNumber: string | null;
  history: unknown;
  createdAt: Date;
  updatedAt: Date;
  encounters: { createdAt: Date }[];
  mizajAssessments: Parameters<typeof temperamentBasis>[1][];
};

/** The stored history, read through its schema (a row from before the history existed has none). */
export function storedHistory(value: unknown): PatientHistory {
  return PatientHistory.parse(value ?? {});
}

export function toPatientView(p: PatientRow): PatientView {
  const birthDate = p.birthDate ? isoDay(p.birthDate) : null;
  return {
    id: p.id,
    name: p.name,
    age: currentAge({ age: p.age, birthDate }),
    birthDate,
    birthDateEstimated: p.birthDateEstimated,
    sex: p.sex,
    phone: p.phone,
    temperament: p.temperament,
    temperamentBasis: temperamentBasis(p.temperament, p.mizajAssessments[0]),
    clinicNumber: p.clinicNumber,
    history: storedHistory(p.history),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    lastVisitAt: p.encounters[0]?.createdAt.toISOString() ?? null,
  };
}

const owned = (practitionerId: string, id: string) => ({ id, practitionerId, deletedAt: null });

export async function listPatients(db: DbTx, practitionerId: string, query: ListQuery & { q?: string }) {
  const q = query.q ? likeEscaped(query.q) : undefined;
  const rows = await db.patient.findMany({
    where: {
      practitionerId,
      deletedAt: null,
      ...(q ? { OR: [{ name: { contains: q } }, { clinicNumber: q }] } : {}),
    },
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

/**
 * The row's columns from the input: a date of birth sets the stored age (whole years today) and, given together
 * with an age, must agree with it; pregnancy is recorded for women only.
 */
function patientData(input: PatientCreate | PatientUpdate, sex: PatientView['sex'] | undefined) {
  const { history, birthDate, birthDateEstimated, ...rest } = input;
  const data: Prisma.PatientUncheckedUpdateInput = { ...rest };
  if (birthDate) {
    const years = wholeYearsSince(birthDate);
    if (input.age !== undefined && input.age !== years)
      throw invalid('The age and the date of birth disagree.', [
        { field: 'age', message: `the date of birth makes the patient ${years}` },
      ]);
    Object.assign(data, { birthDate: new Date(`${birthDate}T00:00:00Z`), age: years });
  } else if (birthDate === null) Object.assign(data, { birthDate: null });
  if (birthDate !== undefined || birthDateEstimated !== undefined)
    data.birthDateEstimated = Boolean(birthDate && birthDateEstimated);
  if (history) {
    if (history.pregnancy && sex === 'male')
      throw invalid('Pregnancy and breastfeeding are recorded for women only.', [
        { field: 'history.pregnancy', message: 'not for a male patient' },
      ]);
    data.history = history;
  }
  return data;
}

/** Two patients of one practitioner cannot share a clinic number. */
async function uniqueClinicNumber<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const target = (error as { code?: string; meta?: { target?: unknown } }).code;
    if (target === 'P2002') throw conflict('Another of your patients has this clinic number.');
    throw error;
  }
}

/** A Mizaj chosen at registration is the practitioner's judgement, kept as such (see mizajService.ts). */
export async function createPatient(db: Db, practitionerId: string, input: PatientCreate): Promise<PatientView> {
  const data = patientData(input, input.sex) as Prisma.PatientUncheckedCreateInput;
  return uniqueClinicNumber(() =>
    inTransaction(db, async (tx) => {
      const { id } = await tx.patient.create({
        data: { ...data, practitionerId } as Prisma.PatientUncheckedCreateInput,
        select: { id: true },
      });
      if (input.temperament) await recordJudgement(tx, practitionerId, id, input.temperament);
      return getPatient(tx, practitionerId, id);
    }),
  );
}

export async function updatePatient(db: Db, practitionerId: string, id: string, input: PatientUpdate) {
  return uniqueClinicNumber(() =>
    inTransaction(db, async (tx) => {
      const current = await tx.patient.findFirst({
        where: owned(practitionerId, id),
        select: { sex: true, temperament: true },
      });
      if (!current) throw notFound('The patient');
      const { count } = await tx.patient.updateMany({
        where: owned(practitionerId, id),
        data: patientData(input, input.sex ?? current.sex) as Prisma.PatientUncheckedUpdateManyInput,
      });
      if (count === 0) throw notFound('The patient');
      // A Mizaj set here, rather than by the questionnaire, is the practitioner's judgement.
      if (input.temperament !== undefined && input.temperament !== current.temperament)
        await recordJudgement(tx, practitionerId, id, input.temperament);
      return getPatient(tx, practitionerId, id);
    }),
  );
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

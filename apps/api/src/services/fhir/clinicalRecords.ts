// Reads a practitioner's own records by id for the FHIR interface (searches: search.ts). Every query is scoped to the
// practitioner: another's patient, visit, diagnosis or finding is "not found", never a hint that it exists.
import type { DbTx } from '../../db/prisma.ts';
import { notFound } from '../domainErrors.ts';
import { toFhirCondition, toFhirEncounter, toFhirObservation, toFhirPatient } from './patientResources.ts';
import type { Condition, Encounter, Observation, Patient } from './resources.ts';

export const patientSelect = {
  id: true,
  name: true,
  age: true,
  birthDate: true,
  birthDateEstimated: true,
  clinicNumber: true,
  sex: true,
  updatedAt: true,
} as const;
export const encounterSelect = {
  id: true,
  patientId: true,
  status: true,
  complaint: true,
  createdAt: true,
  updatedAt: true,
  diagnosis: { select: { id: true } },
  suggestions: { select: { triage: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} as const;
export const conditionSelect = {
  id: true,
  createdAt: true,
  note: true,
  encounter: { select: { id: true, patientId: true } },
  disease: {
    select: { code: true, name: true, englishName: true, numcCode: true, icd11Code: true, icd10Code: true },
  },
} as const;
export const observationSelect = {
  id: true,
  present: true,
  uncertain: true,
  durationDays: true,
  severity: true,
  encounter: { select: { id: true, patientId: true, createdAt: true } },
  symptom: { select: { code: true, name: true, kind: true } },
} as const;

/** Visits the practitioner may see: their own, of a patient not removed. */
export const ownedVisit = (practitionerId: string) => ({ practitionerId, patient: { deletedAt: null } });

export async function readPatient(db: DbTx, practitionerId: string, id: string): Promise<Patient> {
  const row = await db.patient.findFirst({ where: { id, practitionerId, deletedAt: null }, select: patientSelect });
  if (!row) throw notFound(`Patient/${id}`);
  return toFhirPatient(row);
}

export async function readEncounter(db: DbTx, practitionerId: string, id: string): Promise<Encounter> {
  const row = await db.encounter.findFirst({ where: { id, ...ownedVisit(practitionerId) }, select: encounterSelect });
  if (!row) throw notFound(`Encounter/${id}`);
  return toFhirEncounter(row);
}

export async function readCondition(db: DbTx, practitionerId: string, id: string): Promise<Condition> {
  const row = await db.diagnosis.findFirst({
    where: { id, encounter: ownedVisit(practitionerId) },
    select: conditionSelect,
  });
  if (!row) throw notFound(`Condition/${id}`);
  return toFhirCondition(row);
}

export async function readObservation(db: DbTx, practitionerId: string, id: string): Promise<Observation> {
  const findingId = /^\d{1,15}$/.test(id) ? Number(id) : undefined;
  const row =
    findingId === undefined
      ? null
      : await db.finding.findFirst({
          where: { id: findingId, encounter: ownedVisit(practitionerId) },
          select: observationSelect,
        });
  if (!row) throw notFound(`Observation/${id}`);
  return toFhirObservation(row);
}

/** A visit with its patient, diagnosis and findings: everything the Encounter's references lead to. */
export async function encounterRecords(db: DbTx, practitionerId: string, id: string) {
  const row = await db.encounter.findFirst({
    where: { id, ...ownedVisit(practitionerId) },
    select: { ...encounterSelect, patient: { select: patientSelect } },
  });
  if (!row) throw notFound(`Encounter/${id}`);
  const [diagnoses, findings] = await Promise.all([
    db.diagnosis.findMany({ where: { encounterId: id }, select: conditionSelect }),
    db.finding.findMany({ where: { encounterId: id }, orderBy: { id: 'asc' }, select: observationSelect }),
  ]);
  return {
    encounter: toFhirEncounter(row),
    patient: toFhirPatient(row.patient),
    conditions: diagnoses.map(toFhirCondition),
    observations: findings.map(toFhirObservation),
  };
}

/** A patient with all their visits, diagnoses and findings (Patient `$everything`), oldest first. */
export async function patientRecords(db: DbTx, practitionerId: string, id: string) {
  const patient = await db.patient.findFirst({ where: { id, practitionerId, deletedAt: null }, select: patientSelect });
  if (!patient) throw notFound(`Patient/${id}`);
  const visits = { patientId: id, ...ownedVisit(practitionerId) };
  const [encounters, diagnoses, findings] = await Promise.all([
    db.encounter.findMany({ where: visits, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: encounterSelect }),
    db.diagnosis.findMany({
      where: { encounter: visits },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: conditionSelect,
    }),
    db.finding.findMany({ where: { encounter: visits }, orderBy: { id: 'asc' }, select: observationSelect }),
  ]);
  return [
    toFhirPatient(patient),
    ...encounters.map(toFhirEncounter),
    ...diagnoses.map(toFhirCondition),
    ...findings.map(toFhirObservation),
  ];
}
